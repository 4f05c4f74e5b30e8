package so.ara.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import so.ara.auth.AraSignature;

/**
 * Minimal, self-contained check of an endpoint's declared auth mode (swap it for the richer {@code so.ara.auth}
 * verifiers when they exist). The secret is the value stored under {@code auth.secret_env} in the app's secrets.
 * <ul>
 * <li>{@code none}: always passes;</li>
 * <li>{@code header}: header {@code header_name} (default {@code X-Ara-Endpoint-Secret}) equals the secret;</li>
 * <li>{@code bearer}: {@code Authorization: Bearer <secret>};</li>
 * <li>{@code hmac}: Ara's signature ({@code X-Ara-Timestamp}, {@code X-Ara-Delivery-Id},
 * {@code X-Ara-Signature: sha256=<hex>} over {@code {ts}.{delivery_id}.{body}}), 5-minute tolerance.</li>
 * </ul>
 */
final class EndpointAuthVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final Clock clock;

    EndpointAuthVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Returns null when the request passes, else the reason (safe to show; never contains the secret). */
    String check(String mode, String headerName, String secret, HttpHeaders headers, byte[] body) {
        if (mode == null || mode.isEmpty() || "none".equals(mode)) {
            return null;
        }
        if (secret == null || secret.isEmpty()) {
            return "endpoint secret is not configured on this app";
        }
        switch (mode) {
            case "header": {
                String name = headerName == null || headerName.isEmpty() ? "X-Ara-Endpoint-Secret" : headerName;
                String value = headers.getFirst(name);
                return value != null && equal(value, secret) ? null : "missing or wrong " + name + " header";
            }
            case "bearer": {
                String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
                return value != null && value.startsWith("Bearer ") && equal(value.substring(7).trim(), secret) ? null
                        : "missing or wrong bearer token";
            }
            case "hmac": {
                String ts = headers.getFirst(AraSignature.TIMESTAMP_HEADER);
                String delivery = headers.getFirst(AraSignature.DELIVERY_ID_HEADER);
                String signature = headers.getFirst(AraSignature.SIGNATURE_HEADER);
                if (ts == null || delivery == null || signature == null) {
                    return "missing X-Ara-Timestamp, X-Ara-Delivery-Id or X-Ara-Signature header";
                }
                long seconds;
                try {
                    seconds = Long.parseLong(ts.trim());
                } catch (NumberFormatException e) {
                    return "X-Ara-Timestamp must be unix seconds";
                }
                if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
                    return "X-Ara-Timestamp is outside the 5-minute tolerance";
                }
                return AraSignature.matches(secret, seconds, delivery, body, signature) ? null : "signature mismatch";
            }
            default:
                return "unsupported endpoint auth mode '" + mode + "'";
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
