package so.ara.autoconfigure.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import so.ara.auth.AraSignature;

/**
 * Checks Ara's signature on a callback ({@code X-Ara-Timestamp}, {@code X-Ara-Delivery-Id},
 * {@code X-Ara-Signature: sha256=<hex>} over {@code {timestamp}.{delivery_id}.{raw body}}): constant-time comparison,
 * a timestamp within {@link #TOLERANCE} of the clock either way, and each delivery id accepted once within that window
 * (recorded only after the signature matched, so forged requests cannot fill the cache). The answer is only yes or
 * no, so callers cannot tell a client which part failed.
 * <p>
 * The one place the callback routes verify signatures: swap it for the shared {@code so.ara.auth} HMAC verifier once
 * that exists.
 */
final class CallbackSignatureVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final int MAX_REMEMBERED = 100_000;

    private static final int MAX_DELIVERY_ID_LENGTH = 256;

    private final AraCallbackSecret secret;

    private final Clock clock;

    /** Delivery id to the epoch second it was accepted, oldest first. */
    private final Map<String, Long> seen = new LinkedHashMap<>();

    CallbackSignatureVerifier(AraCallbackSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    boolean verify(HttpHeaders headers, byte[] body) {
        String timestampText = headers.getFirst(AraSignature.TIMESTAMP_HEADER);
        String deliveryId = headers.getFirst(AraSignature.DELIVERY_ID_HEADER);
        String signature = headers.getFirst(AraSignature.SIGNATURE_HEADER);
        if (timestampText == null || deliveryId == null || signature == null || deliveryId.isBlank()
                || deliveryId.length() > MAX_DELIVERY_ID_LENGTH) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        }
        catch (NumberFormatException ex) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        if (!AraSignature.matches(secret.value(), timestamp, deliveryId, body, signature)) {
            return false;
        }
        return firstDelivery(deliveryId, now);
    }

    private synchronized boolean firstDelivery(String deliveryId, long now) {
        long horizon = now - 2 * TOLERANCE.toSeconds();
        Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Long> entry = oldest.next();
            if (entry.getValue() >= horizon && seen.size() < MAX_REMEMBERED) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(deliveryId, now) == null;
    }
}
