package so.ara.autoconfigure.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import so.ara.auth.AuthOutcome;
import so.ara.auth.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayProtectionTests {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_795_000_000L), ZoneOffset.UTC);

    @Test
    void claimsTheMessageIdOnceUnderAppScopeAndScheme() {
        List<String> keys = new ArrayList<>();
        InMemoryReplayStore memory = new InMemoryReplayStore(CLOCK, 10);
        ReplayProtection protection = new ReplayProtection((key, ttl) -> {
            keys.add(key + "@" + ttl);
            return memory.claim(key, ttl);
        }, "desk", Duration.ofSeconds(1));
        AuthOutcome accepted = AuthOutcome.accept("standard-webhooks", "msg-1");
        assertThat(protection.check("endpoint:hook", accepted, Duration.ofMinutes(10)).block()).isSameAs(accepted);
        assertThat(protection.check("endpoint:hook", accepted, Duration.ofMinutes(10)).block())
            .isEqualTo(AuthOutcome.reject(RejectReason.REPLAYED));
        assertThat(protection.check("endpoint:other", accepted, Duration.ofMinutes(10)).block()).isSameAs(accepted);
        assertThat(keys).containsExactly("desk:endpoint:hook:standard-webhooks:msg-1@PT10M",
                "desk:endpoint:hook:standard-webhooks:msg-1@PT10M", "desk:endpoint:other:standard-webhooks:msg-1@PT10M");
    }

    @Test
    void rejectionsAndOutcomesWithoutAMessageIdNeverReachTheStore() {
        ReplayProtection protection = new ReplayProtection((key, ttl) -> Mono.error(new AssertionError(key)), "desk",
                Duration.ofSeconds(1));
        AuthOutcome rejected = AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        AuthOutcome bearer = AuthOutcome.accept("bearer", null);
        assertThat(protection.check("endpoint:hook", rejected, Duration.ofMinutes(1)).block()).isSameAs(rejected);
        assertThat(protection.check("endpoint:hook", bearer, Duration.ofMinutes(1)).block()).isSameAs(bearer);
    }

    @Test
    void aFailingOrSilentStoreIsUnavailableNeverAccepted() {
        AuthOutcome accepted = AuthOutcome.accept("ara-signature", "d-1");
        ReplayProtection failing = new ReplayProtection(
                (key, ttl) -> Mono.error(new IllegalStateException("connection refused")), "desk",
                Duration.ofSeconds(1));
        StepVerifier.create(failing.check("callback", accepted, Duration.ofMinutes(1)))
            .expectError(ReplayStoreUnavailableException.class)
            .verify(Duration.ofSeconds(5));
        ReplayProtection silent = new ReplayProtection((key, ttl) -> Mono.never(), "desk", Duration.ofMillis(200));
        StepVerifier.create(silent.check("callback", accepted, Duration.ofMinutes(1)))
            .expectError(ReplayStoreUnavailableException.class)
            .verify(Duration.ofSeconds(5));
        ReplayProtection empty = new ReplayProtection((key, ttl) -> Mono.empty(), "desk", Duration.ofSeconds(1));
        assertThat(empty.check("callback", accepted, Duration.ofMinutes(1)).block())
            .isEqualTo(AuthOutcome.reject(RejectReason.REPLAYED));
    }
}
