package so.ara.autoconfigure.replay;

import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;
import so.ara.auth.AuthOutcome;
import so.ara.auth.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis replay store against a real redis-server, with two independent clients standing for two replicas. */
class RedisReplayStoreTests {

    @TempDir
    static Path directory;

    private static RedisServerProcess redis;

    private LettuceConnectionFactory first;

    private LettuceConnectionFactory second;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.startOrSkip(directory);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void connect() {
        this.first = factory();
        this.second = factory();
    }

    @AfterEach
    void disconnect() {
        this.first.destroy();
        this.second.destroy();
    }

    @Test
    void aKeyClaimedByOneClientIsRefusedToTheOther() {
        RedisReplayStore one = new RedisReplayStore(this.first, "ara:replay:");
        RedisReplayStore two = new RedisReplayStore(this.second, "ara:replay:");
        StepVerifier.create(one.claim("desk:endpoint:hook:standard-webhooks:msg-1", Duration.ofMinutes(10)))
            .expectNext(true)
            .verifyComplete();
        StepVerifier.create(two.claim("desk:endpoint:hook:standard-webhooks:msg-1", Duration.ofMinutes(10)))
            .expectNext(false)
            .verifyComplete();
        StepVerifier.create(one.claim("desk:endpoint:hook:standard-webhooks:msg-1", Duration.ofMinutes(10)))
            .expectNext(false)
            .verifyComplete();
        StepVerifier.create(two.claim("desk:endpoint:hook:standard-webhooks:msg-2", Duration.ofMinutes(10)))
            .expectNext(true)
            .verifyComplete();
    }

    @Test
    void theKeyCarriesThePrefixAndExpiresWithTheTtl() {
        RedisReplayStore store = new RedisReplayStore(this.first, "test:prefix:");
        assertThat(store.claim("k1", Duration.ofSeconds(90)).block()).isTrue();
        ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(this.second);
        assertThat(template.opsForValue().get("test:prefix:k1").block()).isEqualTo("1");
        Duration ttl = template.getExpire("test:prefix:k1").block();
        assertThat(ttl).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90));

        assertThat(store.claim("short", Duration.ofMillis(300)).block()).isTrue();
        assertThat(store.claim("short", Duration.ofMillis(300)).block()).isFalse();
        Awaitility.await("the short claim to expire")
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> Boolean.TRUE.equals(new RedisReplayStore(this.second, "test:prefix:")
                .claim("short", Duration.ofMillis(300))
                .block()));
    }

    @Test
    void protectionOverRedisRefusesTheReplayThroughAnotherInstance() {
        ReplayProtection one = new ReplayProtection(new RedisReplayStore(this.first, "ara:replay:"), "desk",
                Duration.ofSeconds(2));
        ReplayProtection two = new ReplayProtection(new RedisReplayStore(this.second, "ara:replay:"), "desk",
                Duration.ofSeconds(2));
        AuthOutcome accepted = AuthOutcome.accept("ara-signature", "delivery-7");
        assertThat(one.check("callback", accepted, Duration.ofMinutes(10)).block()).isSameAs(accepted);
        assertThat(two.check("callback", accepted, Duration.ofMinutes(10)).block())
            .isEqualTo(AuthOutcome.reject(RejectReason.REPLAYED));
        assertThat(new ReactiveStringRedisTemplate(this.first).hasKey("ara:replay:desk:callback:ara-signature:delivery-7")
            .block()).isTrue();
    }

    @Test
    void aStoppedServerMakesTheClaimUnavailableWithinTheTimeout() throws Exception {
        RedisServerProcess other = RedisServerProcess.startOrSkip(directory);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", other.port()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            ReplayProtection protection = new ReplayProtection(new RedisReplayStore(factory, "ara:replay:"), "desk",
                    Duration.ofMillis(500));
            AuthOutcome accepted = AuthOutcome.accept("standard-webhooks", "m-1");
            assertThat(protection.check("endpoint:hook", accepted, Duration.ofMinutes(1)).block()).isSameAs(accepted);
            other.close();
            StepVerifier.create(protection.check("endpoint:hook", AuthOutcome.accept("standard-webhooks", "m-2"),
                    Duration.ofMinutes(1)))
                .expectError(ReplayStoreUnavailableException.class)
                .verify(Duration.ofSeconds(10));
        }
        finally {
            factory.destroy();
            other.close();
        }
    }

    private static LettuceConnectionFactory factory() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
