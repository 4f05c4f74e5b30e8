package so.ara.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import so.ara.auth.HmacSha256;

/** Signs a request body the way any Standard Webhooks library does, for the tests of hmac endpoints. */
final class SignedRequests {

    private SignedRequests() {
    }

    /** Adds {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} for {@code body}. */
    static void standardWebhooks(HttpHeaders headers, String whsecSecret, String messageId, long timestamp,
            String body) {
        byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        byte[] mac = HmacSha256.sign(key, messageId + "." + timestamp + ".", body.getBytes(StandardCharsets.UTF_8));
        headers.set("webhook-id", messageId);
        headers.set("webhook-timestamp", Long.toString(timestamp));
        headers.set("webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac));
    }
}
