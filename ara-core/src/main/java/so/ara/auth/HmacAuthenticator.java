package so.ara.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Auth mode {@code hmac}. Accepts two HMAC-SHA256 schemes over the raw body bytes:
 * <ul>
 * <li><b>Standard Webhooks</b>: {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 * {@code webhook-signature}, a space-separated list of {@code v1,<base64>} entries over
 * {@code {id}.{timestamp}.{body}}; one matching entry is enough. A {@code whsec_}-prefixed secret is
 * base64-decoded to form the key, any other secret is used as its UTF-8 bytes.</li>
 * <li><b>Ara signature</b> (as Ara signs async-run callbacks): {@code X-Ara-Timestamp} (unix seconds),
 * {@code X-Ara-Delivery-Id} and {@code X-Ara-Signature: sha256=<hex>} over {@code {timestamp}.{delivery_id}.{body}},
 * keyed with the UTF-8 bytes of the secret exactly as {@link AraSignature#sign} does.</li>
 * </ul>
 * When {@code webhook-signature} is present the Standard Webhooks scheme is used, otherwise the Ara scheme. The
 * timestamp must be within the tolerance of the clock in both directions; the signature is compared in constant
 * time; only then is the message id checked against the replay cache (so forged requests cannot poison it).
 */
final class HmacAuthenticator implements EndpointAuthenticator {

    static final String WEBHOOK_ID = "webhook-id";

    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";

    static final String WEBHOOK_SIGNATURE = "webhook-signature";

    private static final String WHSEC = "whsec_";

    private static final int MAX_ID_LENGTH = 256;

    private final HmacKey standardKey;

    private final HmacKey araKey;

    private final Clock clock;

    private final long toleranceMillis;

    private final @Nullable ReplayCache replayCache;

    HmacAuthenticator(String secret, Clock clock, Duration tolerance, @Nullable ReplayCache replayCache) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("endpoint secret must not be empty");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.standardKey = new HmacKey(standardWebhooksKey(secret));
        this.araKey = new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.toleranceMillis = tolerance.toMillis();
        this.replayCache = replayCache;
    }

    /** The Standard Webhooks key for {@code secret}: base64 of what follows {@code whsec_}, or its UTF-8 bytes. */
    static byte[] standardWebhooksKey(String secret) {
        if (secret.startsWith(WHSEC)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(secret.substring(WHSEC.length()));
                if (decoded.length > 0) {
                    return decoded;
                }
            }
            catch (IllegalArgumentException ex) {
                // not base64 after all: fall back to the raw bytes (message deliberately omits the secret)
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String mode() {
        return "hmac";
    }

    @Override
    public AuthOutcome authenticate(RequestHeaders headers, byte[] body) {
        String standardSignature = headers.first(WEBHOOK_SIGNATURE);
        if (standardSignature != null) {
            return standardWebhooks(headers.first(WEBHOOK_ID), headers.first(WEBHOOK_TIMESTAMP), standardSignature,
                    body);
        }
        String araSignature = headers.first(AraSignature.SIGNATURE_HEADER);
        if (araSignature != null) {
            return araScheme(headers.first(AraSignature.DELIVERY_ID_HEADER),
                    headers.first(AraSignature.TIMESTAMP_HEADER), araSignature, body);
        }
        return AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS);
    }

    private AuthOutcome standardWebhooks(@Nullable String id, @Nullable String timestamp, String signatures,
            byte[] body) {
        if (isBlank(id) || isBlank(timestamp) || signatures.isBlank()) {
            return AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS);
        }
        id = id.trim();
        timestamp = timestamp.trim();
        RejectReason timeProblem = checkTimestamp(timestamp);
        if (timeProblem != null) {
            return AuthOutcome.reject(timeProblem);
        }
        if (id.length() > MAX_ID_LENGTH) {
            return AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        }
        byte[] expected = this.standardKey.sign(id + "." + timestamp + ".", body);
        boolean matched = false;
        for (String entry : signatures.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(comma + 1));
            }
            catch (IllegalArgumentException ex) {
                continue;
            }
            if (MessageDigest.isEqual(expected, candidate)) {
                matched = true;
                break;
            }
        }
        if (!matched) {
            return AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        }
        return checkReplay("standard-webhooks", id);
    }

    private AuthOutcome araScheme(@Nullable String deliveryId, @Nullable String timestamp, String signature,
            byte[] body) {
        if (isBlank(deliveryId) || isBlank(timestamp) || signature.isBlank()) {
            return AuthOutcome.reject(RejectReason.MISSING_SIGNATURE_HEADERS);
        }
        deliveryId = deliveryId.trim();
        timestamp = timestamp.trim();
        RejectReason timeProblem = checkTimestamp(timestamp);
        if (timeProblem != null) {
            return AuthOutcome.reject(timeProblem);
        }
        String value = signature.trim();
        if (deliveryId.length() > MAX_ID_LENGTH || !value.startsWith(AraSignature.PREFIX)) {
            return AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        }
        byte[] candidate;
        try {
            candidate = HexFormat.of().parseHex(value.substring(AraSignature.PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            return AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        }
        byte[] expected = this.araKey.sign(timestamp + "." + deliveryId + ".", body);
        if (!MessageDigest.isEqual(expected, candidate)) {
            return AuthOutcome.reject(RejectReason.INVALID_SIGNATURE);
        }
        return checkReplay("ara-signature", deliveryId);
    }

    private @Nullable RejectReason checkTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        }
        catch (NumberFormatException ex) {
            return RejectReason.INVALID_SIGNATURE;
        }
        if (seconds < 0 || seconds > Long.MAX_VALUE / 1000) {
            return RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE;
        }
        long skew = Math.abs(this.clock.millis() - seconds * 1000);
        return (skew > this.toleranceMillis) ? RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE : null;
    }

    private AuthOutcome checkReplay(String scheme, String id) {
        if (this.replayCache != null && !this.replayCache.firstSeen(scheme + ":" + id)) {
            return AuthOutcome.reject(RejectReason.REPLAYED);
        }
        return AuthOutcome.accept(scheme, id);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "EndpointAuthenticator[hmac, tolerance=" + Duration.ofMillis(this.toleranceMillis) + ", replay="
                + (this.replayCache != null) + ", secret hidden]";
    }
}
