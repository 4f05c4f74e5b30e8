package so.ara.local;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.auth.ReplayCache;

/**
 * The gateway's check of an endpoint's declared auth mode, with the same verifiers the Spring app's own routes use
 * ({@link EndpointAuthenticators}: header, bearer, and hmac in both the Standard Webhooks and Ara schemes, 5-minute
 * tolerance, replayed message ids refused). The secret is the value stored under {@code auth.secret_env} in the
 * app's secrets.
 */
final class EndpointAuthVerifier {

    static final Duration TOLERANCE = EndpointAuthenticators.DEFAULT_TOLERANCE;

    private final Clock clock;
    private final ReplayCache replayCache;

    EndpointAuthVerifier(Clock clock) {
        this.clock = clock;
        this.replayCache = EndpointAuthenticators.defaultReplayCache(clock, TOLERANCE);
    }

    /** Returns null when the request passes, else the reason (safe to show; never contains the secret). */
    String check(String mode, String headerName, String secret, HttpHeaders headers, byte[] body) {
        if (mode == null || mode.isEmpty() || "none".equals(mode)) {
            return null;
        }
        if (secret == null || secret.isEmpty()) {
            return "endpoint secret is not configured on this app";
        }
        EndpointAuthenticator authenticator;
        try {
            authenticator = EndpointAuthenticators.forMode(mode, headerName, secret, clock, TOLERANCE, replayCache);
        }
        catch (IllegalArgumentException ex) {
            return "unsupported endpoint auth mode '" + mode + "'";
        }
        AuthOutcome outcome = authenticator.authenticate(headers::getFirst, body);
        return outcome instanceof AuthOutcome.Rejected rejected ? rejected.reason().publicMessage() : null;
    }
}
