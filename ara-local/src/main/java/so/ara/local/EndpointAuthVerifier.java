package so.ara.local;

import java.time.Clock;
import java.time.Duration;

import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.auth.ReplayCache;
import so.ara.gateway.GatewayEndpoint;
import so.ara.manifest.EndpointSpec;

/**
 * The authenticator of an endpoint's declared auth mode on this ara-local, built with the same verifiers the Spring
 * app's own routes use ({@link EndpointAuthenticators}: header, bearer, and hmac in both the Standard Webhooks and Ara
 * schemes, 5-minute tolerance, replayed message ids refused through one in-memory cache). The secret is the value
 * stored under {@code auth.secret_env} in the app's secrets.
 */
final class EndpointAuthVerifier {

    static final Duration TOLERANCE = EndpointAuthenticators.DEFAULT_TOLERANCE;

    private final Clock clock;
    private final ReplayCache replayCache;

    EndpointAuthVerifier(Clock clock) {
        this.clock = clock;
        this.replayCache = EndpointAuthenticators.defaultReplayCache(clock, TOLERANCE);
    }

    /** The verifier of {@code spec}'s mode, or null when the app holds no secret for it (the gateway answers 503). */
    EndpointAuthenticator authenticator(EndpointSpec spec, LocalApp app) {
        String mode = GatewayEndpoint.mode(spec);
        if ("none".equals(mode)) {
            return EndpointAuthenticators.none();
        }
        String secret = app.secretValue(GatewayEndpoint.secretEnv(spec));
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        try {
            return EndpointAuthenticators.forMode(mode, GatewayEndpoint.headerName(spec), secret, clock, TOLERANCE,
                    replayCache);
        }
        catch (IllegalArgumentException unsupported) {
            return null; // a mode deploy validation let through: refused like a missing secret, never served open
        }
    }
}
