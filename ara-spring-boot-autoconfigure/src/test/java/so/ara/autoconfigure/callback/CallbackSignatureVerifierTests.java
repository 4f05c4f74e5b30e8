package so.ara.autoconfigure.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import so.ara.auth.AraSignature;
import so.ara.auth.HmacSha256;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackSignatureVerifierTests {

    private static final long NOW = 1_795_000_000L;

    private static final byte[] BODY = "{\"team\":\"ops\"}".getBytes(StandardCharsets.UTF_8);

    private final CallbackSignatureVerifier verifier = new CallbackSignatureVerifier(AraCallbackSecret.of("s3cret"),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsTheAraSchemeWithinFiveMinutesEitherWay() {
        assertThat(verifier.verify(signed("s3cret", NOW - 300, "d-1", BODY), BODY).block()).isTrue();
        assertThat(verifier.verify(signed("s3cret", NOW + 300, "d-2", BODY), BODY).block()).isTrue();
        assertThat(verifier.verify(signed("s3cret", NOW - 301, "d-3", BODY), BODY).block()).isFalse();
        assertThat(verifier.verify(signed("s3cret", NOW + 301, "d-4", BODY), BODY).block()).isFalse();
    }

    @Test
    void rejectsWrongKeyTamperedBodyMissingHeadersAndReplays() {
        assertThat(verifier.verify(signed("other", NOW, "d-1", BODY), BODY).block()).isFalse();
        assertThat(verifier.verify(signed("s3cret", NOW, "d-2", BODY), "{\"team\":\"dev\"}".getBytes()).block()).isFalse();
        HttpHeaders missing = signed("s3cret", NOW, "d-3", BODY);
        missing.remove(AraSignature.DELIVERY_ID_HEADER);
        assertThat(verifier.verify(missing, BODY).block()).isFalse();
        assertThat(verifier.verify(signed("s3cret", NOW, "d-5", BODY), BODY).block()).isTrue();
        assertThat(verifier.verify(signed("s3cret", NOW, "d-5", BODY), BODY).block()).isFalse();
    }

    @Test
    void rejectsStandardWebhooksEvenWhenCorrectlySigned() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("webhook-id", "msg-1");
        headers.set("webhook-timestamp", Long.toString(NOW));
        byte[] mac = HmacSha256.sign("s3cret".getBytes(StandardCharsets.UTF_8), "msg-1." + NOW + ".", BODY);
        headers.set("webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac));
        assertThat(verifier.verify(headers, BODY).block()).isFalse();
    }

    private static HttpHeaders signed(String secret, long timestamp, String deliveryId, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(AraSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.set(AraSignature.DELIVERY_ID_HEADER, deliveryId);
        headers.set(AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, timestamp, deliveryId, body));
        return headers;
    }
}
