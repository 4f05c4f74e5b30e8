package so.ara.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointAuthenticatorsTests {

    // Standard Webhooks specification test vector
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    static final long SPEC_TS = 1614265330L;

    static final String SPEC_BODY = "{\"test\": 2432232314}";

    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final Clock SPEC_CLOCK = Clock.fixed(Instant.ofEpochSecond(SPEC_TS), ZoneOffset.UTC);

    static RequestHeaders headers(Map<String, String> values) {
        Map<String, String> lower = new HashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return name -> lower.get(name.toLowerCase(Locale.ROOT));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static EndpointAuthenticator specHmac() {
        return EndpointAuthenticators.hmac(SPEC_SECRET, SPEC_CLOCK, Duration.ofMinutes(5));
    }

    static Map<String, String> specHeaders(String signature) {
        return Map.of("webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TS), "webhook-signature",
                signature);
    }

    @Test
    void standardWebhooksPublishedVectorIsAccepted() {
        AuthOutcome outcome = specHmac().authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY));
        assertThat(outcome).isEqualTo(new AuthOutcome.Accepted("standard-webhooks", SPEC_ID));
    }

    @Test
    void referenceLibraryProducesTheSameSignatureAsThePublishedVector() throws Exception {
        assertThat(new Webhook(SPEC_SECRET).sign(SPEC_ID, SPEC_TS, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void referenceLibrarySignaturesVerifyAtCurrentTime() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(bytes("a-32-byte-long-secret-for-tests!"));
        long now = Instant.now().getEpochSecond();
        String body = "{\"hello\":\"wörld\"}";
        String signature = new Webhook(secret).sign("msg_1", now, body);
        EndpointAuthenticator auth = EndpointAuthenticators.hmac(secret, Clock.systemUTC(), Duration.ofMinutes(5));
        Map<String, String> h = Map.of("webhook-id", "msg_1", "webhook-timestamp", Long.toString(now),
                "webhook-signature", signature);
        assertThat(auth.authenticate(headers(h), bytes(body)).accepted()).isTrue();
        // and the reference library verifies what it signed with the same headers (cross-check of header names)
        Map<String, List<String>> multi = new HashMap<>();
        h.forEach((k, v) -> multi.put(k, List.of(v)));
        new Webhook(secret).verify(body, multi);
    }

    @Test
    void tamperedBodyIsRejected() {
        AuthOutcome outcome = specHmac().authenticate(headers(specHeaders(SPEC_SIGNATURE)),
                bytes("{\"test\": 2432232315}"));
        assertThat(outcome).isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
        assertThat(((AuthOutcome.Rejected) outcome).reason().publicMessage()).isEqualTo("invalid signature");
    }

    @Test
    void wrongSecretIsRejected() {
        EndpointAuthenticator auth = EndpointAuthenticators.hmac("whsec_" + Base64.getEncoder()
            .encodeToString(bytes("another secret")), SPEC_CLOCK, Duration.ofMinutes(5));
        assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        for (long offset : new long[] { -301, 301 }) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(SPEC_TS + offset), ZoneOffset.UTC);
            EndpointAuthenticator auth = EndpointAuthenticators.hmac(SPEC_SECRET, clock, Duration.ofMinutes(5));
            assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)))
                .isEqualTo(AuthOutcome.reject(RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE));
        }
        for (long offset : new long[] { -300, 300 }) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(SPEC_TS + offset), ZoneOffset.UTC);
            EndpointAuthenticator auth = EndpointAuthenticators.hmac(SPEC_SECRET, clock, Duration.ofMinutes(5));
            assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)).accepted())
                .isTrue();
        }
    }

    @Test
    void replayIsRejectedOnlyAfterAValidSignature() {
        EndpointAuthenticator auth = specHmac();
        // a forged request with the same id must not poison the cache
        assertThat(auth.authenticate(headers(specHeaders("v1,AAAA")), bytes(SPEC_BODY)).accepted()).isFalse();
        assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)).accepted()).isTrue();
        assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.REPLAYED));
    }

    @Test
    void replayRejectionCanBeDisabled() {
        EndpointAuthenticator auth = EndpointAuthenticators.hmac(SPEC_SECRET, SPEC_CLOCK, Duration.ofMinutes(5), null);
        for (int i = 0; i < 3; i++) {
            assertThat(auth.authenticate(headers(specHeaders(SPEC_SIGNATURE)), bytes(SPEC_BODY)).accepted()).isTrue();
        }
    }

    @Test
    void oneValidSignatureAmongSeveralIsEnough() {
        String header = "v2,abc v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,bm90LWJhc2U2NA== v1,%%%";
        String shuffled = "v1,bm90LWJhc2U2NA== " + SPEC_SIGNATURE;
        assertThat(specHmac().authenticate(headers(specHeaders(header)), bytes(SPEC_BODY)).accepted()).isTrue();
        assertThat(specHmac().authenticate(headers(specHeaders(shuffled)), bytes(SPEC_BODY)).accepted()).isTrue();
        assertThat(specHmac().authenticate(headers(specHeaders("v1,bm90LWJhc2U2NA== v2,x")), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
    }

    @Test
    void missingHeadersAreReported() {
        assertThat(specHmac().authenticate(headers(Map.of()), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS));
        assertThat(specHmac().authenticate(headers(Map.of("webhook-signature", SPEC_SIGNATURE)), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS));
        assertThat(specHmac().authenticate(headers(Map.of("X-Ara-Signature", "sha256=00")), bytes(SPEC_BODY)))
            .isEqualTo(AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS));
    }

    @Test
    void nonWhsecSecretIsUsedAsUtf8Bytes() throws Exception {
        String secret = "plain-text-secret";
        long now = Instant.now().getEpochSecond();
        String signature = new Webhook(secret.getBytes(StandardCharsets.UTF_8)).sign("msg_2", now, "{}");
        EndpointAuthenticator auth = EndpointAuthenticators.hmac(secret, Clock.systemUTC(), Duration.ofMinutes(5));
        assertThat(auth.authenticate(headers(Map.of("webhook-id", "msg_2", "webhook-timestamp", Long.toString(now),
                "webhook-signature", signature)), bytes("{}")).accepted()).isTrue();
    }

    @Test
    void araSchemeIsAccepted() {
        String secret = "s3cr3t";
        long now = SPEC_TS;
        byte[] body = bytes("{\"ticket\":42}");
        String signature = AraSignature.sign(secret, now, "dlv_1", body);
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        EndpointAuthenticator auth = EndpointAuthenticators.hmac(secret, SPEC_CLOCK, Duration.ofMinutes(5));
        Map<String, String> h = Map.of("X-Ara-Timestamp", Long.toString(now), "X-Ara-Delivery-Id", "dlv_1",
                "X-Ara-Signature", signature);
        assertThat(auth.authenticate(headers(Map.of("x-ara-timestamp", Long.toString(now), "X-ARA-DELIVERY-ID", "dlv_1",
                "x-ara-signature", signature)), body)).isEqualTo(new AuthOutcome.Accepted("ara-signature", "dlv_1"));
        assertThat(auth.authenticate(headers(h), body)).isEqualTo(AuthOutcome.reject(RejectReason.REPLAYED));
        Map<String, String> tampered = new HashMap<>(h);
        tampered.put("X-Ara-Delivery-Id", "dlv_2");
        assertThat(auth.authenticate(headers(tampered), body))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
        tampered.put("X-Ara-Signature", "sha1=abc");
        assertThat(auth.authenticate(headers(tampered), body))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
        tampered.put("X-Ara-Signature", "sha256=zz");
        assertThat(auth.authenticate(headers(tampered), body))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_SIGNATURE));
        Clock late = Clock.fixed(Instant.ofEpochSecond(now + 600), ZoneOffset.UTC);
        assertThat(EndpointAuthenticators.hmac(secret, late, Duration.ofMinutes(5)).authenticate(headers(h), body))
            .isEqualTo(AuthOutcome.reject(RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE));
    }

    @Test
    void headerMode() {
        EndpointAuthenticator auth = EndpointAuthenticators.header("", "top-secret");
        assertThat(auth.authenticate(headers(Map.of("x-ara-endpoint-secret", "top-secret")), new byte[0]))
            .isEqualTo(new AuthOutcome.Accepted("header", null));
        assertThat(auth.authenticate(headers(Map.of("X-Ara-Endpoint-Secret", "top-secreT")), new byte[0]))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_CREDENTIALS));
        assertThat(auth.authenticate(headers(Map.of()), new byte[0]))
            .isEqualTo(AuthOutcome.reject(RejectReason.MISSING_CREDENTIALS));
        EndpointAuthenticator custom = EndpointAuthenticators.header("X-Hook-Key", "k");
        assertThat(custom.authenticate(headers(Map.of("x-hook-key", "k")), new byte[0]).accepted()).isTrue();
        assertThat(custom.toString()).doesNotContain("k]").contains("secret hidden");
    }

    @Test
    void bearerMode() {
        EndpointAuthenticator auth = EndpointAuthenticators.bearer("tok");
        assertThat(auth.authenticate(headers(Map.of("Authorization", "Bearer tok")), new byte[0]).accepted()).isTrue();
        assertThat(auth.authenticate(headers(Map.of("Authorization", "bearer tok")), new byte[0]).accepted()).isTrue();
        assertThat(auth.authenticate(headers(Map.of("Authorization", "Bearer nope")), new byte[0]))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_CREDENTIALS));
        assertThat(auth.authenticate(headers(Map.of("Authorization", "Basic dG9r")), new byte[0]))
            .isEqualTo(AuthOutcome.reject(RejectReason.INVALID_CREDENTIALS));
        assertThat(auth.authenticate(headers(Map.of("Authorization", "Bearer ")), new byte[0]).accepted()).isFalse();
        assertThat(auth.authenticate(headers(Map.of()), new byte[0]))
            .isEqualTo(AuthOutcome.reject(RejectReason.MISSING_CREDENTIALS));
    }

    @Test
    void forModeValidates() {
        assertThat(EndpointAuthenticators.forMode("NONE", null, null, SPEC_CLOCK, Duration.ZERO, null).mode())
            .isEqualTo("none");
        assertThat(EndpointAuthenticators.forMode("Hmac", null, "x", SPEC_CLOCK, Duration.ZERO, null).mode())
            .isEqualTo("hmac");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> EndpointAuthenticators.forMode("bearer", null, "", SPEC_CLOCK, Duration.ZERO, null))
            .withMessageContaining("needs a secret");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> EndpointAuthenticators.forMode("oauth", null, "x", SPEC_CLOCK, Duration.ZERO, null))
            .withMessageContaining("must be one of");
    }

    @Test
    void replayCacheExpiresAndIsBounded() {
        AtomicLong millis = new AtomicLong(0);
        Clock clock = millisAfterEpoch(millis);
        ReplayCache cache = new ReplayCache(clock, Duration.ofSeconds(10), 2);
        assertThat(cache.firstSeen("a")).isTrue();
        assertThat(cache.firstSeen("a")).isFalse();
        millis.set(10_001);
        assertThat(cache.firstSeen("a")).isTrue();
        assertThat(cache.firstSeen("b")).isTrue();
        assertThat(cache.firstSeen("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.firstSeen("a")).isTrue(); // oldest was evicted by the bound
    }

    @Test
    void replayCacheHonoursAPerClaimTtl() {
        AtomicLong millis = new AtomicLong(0);
        Clock moving = millisAfterEpoch(millis);
        ReplayCache cache = new ReplayCache(moving, Duration.ofSeconds(10), 10);
        assertThat(cache.firstSeen("long", Duration.ofSeconds(60))).isTrue();
        assertThat(cache.firstSeen("short", Duration.ofSeconds(1))).isTrue();
        millis.set(1_001);
        assertThat(cache.firstSeen("short", Duration.ofSeconds(1))).as("expired behind a longer entry").isTrue();
        millis.set(30_000);
        assertThat(cache.firstSeen("long", Duration.ofSeconds(60))).as("still inside its own ttl").isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> cache.firstSeen("x", Duration.ZERO));
        assertThat(EndpointAuthenticators.replayTtl(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(10));
        assertThat(EndpointAuthenticators.replayTtl(Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(1));
    }

    /** A UTC clock standing {@code millis} milliseconds after the epoch, moved by the test. */
    private static Clock millisAfterEpoch(AtomicLong millis) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
    }
}
