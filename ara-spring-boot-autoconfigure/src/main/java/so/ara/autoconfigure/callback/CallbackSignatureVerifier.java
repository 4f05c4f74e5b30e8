package so.ara.autoconfigure.callback;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.autoconfigure.replay.ReplayProtection;

/**
 * Checks Ara's signature on a callback ({@code X-Ara-Timestamp}, {@code X-Ara-Delivery-Id},
 * {@code X-Ara-Signature: sha256=<hex>} over {@code {timestamp}.{delivery_id}.{raw body}}) with the shared
 * {@code hmac} verifier of {@link EndpointAuthenticators}: constant-time comparison and a timestamp within
 * {@link #TOLERANCE} of the clock either way (synchronous, CPU only); then each delivery id is claimed once in the
 * {@link ReplayProtection}'s store, shared by replicas when it is Redis. Only the Ara scheme is accepted (the
 * generated Python and ara-local sign that way). The answer is only yes or no, so the routes cannot tell a client
 * which part failed; a store that cannot answer is an error
 * ({@link so.ara.autoconfigure.replay.ReplayStoreUnavailableException}).
 */
final class CallbackSignatureVerifier {

    static final Duration TOLERANCE = EndpointAuthenticators.DEFAULT_TOLERANCE;

    static final String REPLAY_SCOPE = "callback";

    private static final String ARA_SCHEME = "ara-signature";

    private static final Duration REPLAY_TTL = EndpointAuthenticators.replayTtl(TOLERANCE);

    private final EndpointAuthenticator authenticator;

    private final ReplayProtection replay;

    CallbackSignatureVerifier(AraCallbackSecret secret, Clock clock, ReplayProtection replay) {
        this.authenticator = EndpointAuthenticators.hmac(secret.value(), clock, TOLERANCE, null);
        this.replay = replay;
    }

    /** With an in-memory replay store of its own. */
    CallbackSignatureVerifier(AraCallbackSecret secret, Clock clock) {
        this(secret, clock, ReplayProtection.inMemory("callbacks", clock,
                EndpointAuthenticators.DEFAULT_REPLAY_CACHE_SIZE));
    }

    Mono<Boolean> verify(HttpHeaders headers, byte[] body) {
        AuthOutcome outcome = authenticator.authenticate(headers::getFirst, body);
        if (!(outcome instanceof AuthOutcome.Accepted accepted) || !ARA_SCHEME.equals(accepted.scheme())) {
            return Mono.just(false);
        }
        return replay.check(REPLAY_SCOPE, outcome, REPLAY_TTL).map(AuthOutcome::accepted);
    }
}
