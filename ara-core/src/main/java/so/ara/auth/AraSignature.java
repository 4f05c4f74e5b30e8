package so.ara.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Ara's own request signature, as Ara signs async-run callbacks:
 * {@code X-Ara-Signature: sha256=<lowercase hex>} of HMAC-SHA256 over {@code {timestamp}.{delivery_id}.{raw body}}.
 */
public final class AraSignature {

    public static final String TIMESTAMP_HEADER = "X-Ara-Timestamp";
    public static final String DELIVERY_ID_HEADER = "X-Ara-Delivery-Id";
    public static final String SIGNATURE_HEADER = "X-Ara-Signature";
    public static final String PREFIX = "sha256=";

    private AraSignature() {
    }

    /** The full header value, {@code sha256=<hex>}. */
    public static String sign(String secret, long timestampSeconds, String deliveryId, byte[] body) {
        byte[] mac = HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8),
                timestampSeconds + "." + deliveryId + ".", body);
        return PREFIX + HexFormat.of().formatHex(mac);
    }

    /** Constant-time check of a received header value against the expected signature. */
    public static boolean matches(String secret, long timestampSeconds, String deliveryId, byte[] body,
            String headerValue) {
        if (headerValue == null) {
            return false;
        }
        byte[] expected = sign(secret, timestampSeconds, deliveryId, body).getBytes(StandardCharsets.UTF_8);
        return HmacSha256.constantTimeEquals(expected, headerValue.trim().getBytes(StandardCharsets.UTF_8));
    }
}
