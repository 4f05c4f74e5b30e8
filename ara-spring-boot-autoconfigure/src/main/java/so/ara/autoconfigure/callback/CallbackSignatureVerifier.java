package so.ara.autoconfigure.callback;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;

/**
 * Checks Ara's signature on a callback ({@code X-Ara-Timestamp}, {@code X-Ara-Delivery-Id},
 * {@code X-Ara-Signature: sha256=<hex>} over {@code {timestamp}.{delivery_id}.{raw body}}) with the shared
 * {@code hmac} verifier of {@link EndpointAuthenticators}: constant-time comparison, a timestamp within
 * {@link #TOLERANCE} of the clock either way, and each delivery id accepted once. Only the Ara scheme is accepted
 * (the generated Python and ara-local sign that way). The answer is only yes or no, so the routes cannot tell a
 * client which part failed.
 */
final class CallbackSignatureVerifier {

    static final Duration TOLERANCE = EndpointAuthenticators.DEFAULT_TOLERANCE;

    private static final String ARA_SCHEME = "ara-signature";

    private final EndpointAuthenticator authenticator;

    CallbackSignatureVerifier(AraCallbackSecret secret, Clock clock) {
        this.authenticator = EndpointAuthenticators.hmac(secret.value(), clock, TOLERANCE);
    }

    boolean verify(HttpHeaders headers, byte[] body) {
        AuthOutcome outcome = authenticator.authenticate(headers::getFirst, body);
        return outcome instanceof AuthOutcome.Accepted accepted && ARA_SCHEME.equals(accepted.scheme());
    }
}
