package so.ara.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** Factory for the {@link EndpointAuthenticator} of each manifest auth mode. */
public final class EndpointAuthenticators {

    /** Default header of the {@code header} mode. */
    public static final String DEFAULT_HEADER_NAME = "X-Ara-Endpoint-Secret";

    /** Header of the {@code bearer} mode. */
    public static final String AUTHORIZATION = "Authorization";

    /** Default timestamp tolerance of the {@code hmac} mode (both directions). */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Default bound of the replay cache of one {@code hmac} endpoint. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE = 100_000;

    /** Standard Webhooks header names. */
    public static final String WEBHOOK_ID = HmacAuthenticator.WEBHOOK_ID;

    public static final String WEBHOOK_TIMESTAMP = HmacAuthenticator.WEBHOOK_TIMESTAMP;

    public static final String WEBHOOK_SIGNATURE = HmacAuthenticator.WEBHOOK_SIGNATURE;

    private EndpointAuthenticators() {
    }

    /** Mode {@code none}. */
    public static EndpointAuthenticator none() {
        return NoneAuthenticator.INSTANCE;
    }

    /** Mode {@code header}: header {@code headerName} (default {@value #DEFAULT_HEADER_NAME}) must equal the secret. */
    public static EndpointAuthenticator header(@Nullable String headerName, String secret) {
        return new SharedSecretAuthenticator(false,
                (headerName == null || headerName.isBlank()) ? DEFAULT_HEADER_NAME : headerName.trim(), secret);
    }

    /** Mode {@code bearer}: {@code Authorization: Bearer <secret>}. */
    public static EndpointAuthenticator bearer(String secret) {
        return new SharedSecretAuthenticator(true, AUTHORIZATION, secret);
    }

    /**
     * Mode {@code hmac} (Standard Webhooks or Ara signature).
     * @param replayCache remembers accepted message ids; {@code null} disables replay rejection
     */
    public static EndpointAuthenticator hmac(String secret, Clock clock, Duration tolerance,
            @Nullable ReplayCache replayCache) {
        return new HmacAuthenticator(secret, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(tolerance, "tolerance"), replayCache);
    }

    /** Mode {@code hmac} with a replay cache sized {@value #DEFAULT_REPLAY_CACHE_SIZE} remembering ids for twice the tolerance. */
    public static EndpointAuthenticator hmac(String secret, Clock clock, Duration tolerance) {
        return hmac(secret, clock, tolerance, defaultReplayCache(clock, tolerance));
    }

    /** A replay cache remembering ids for {@link #replayTtl(Duration)}. */
    public static ReplayCache defaultReplayCache(Clock clock, Duration tolerance) {
        return new ReplayCache(clock, replayTtl(tolerance), DEFAULT_REPLAY_CACHE_SIZE);
    }

    /**
     * How long an accepted message id must be remembered for a timestamp {@code tolerance}: twice the tolerance (a
     * message is accepted at most that long after the earliest timestamp that passes), at least one minute.
     */
    public static Duration replayTtl(Duration tolerance) {
        Duration ttl = tolerance.multipliedBy(2);
        return ttl.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ttl;
    }

    /**
     * The authenticator for a manifest auth {@code mode} ({@code none|header|bearer|hmac}, case-insensitive).
     * @param secret required for every mode but {@code none}
     */
    public static EndpointAuthenticator forMode(String mode, @Nullable String headerName, @Nullable String secret,
            Clock clock, Duration tolerance, @Nullable ReplayCache replayCache) {
        String normalized = (mode == null || mode.isBlank()) ? "none" : mode.trim().toLowerCase(Locale.ROOT);
        if (!"none".equals(normalized) && (secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("auth mode '" + normalized + "' needs a secret");
        }
        return switch (normalized) {
            case "none" -> none();
            case "header" -> header(headerName, secret);
            case "bearer" -> bearer(secret);
            case "hmac" -> hmac(secret, clock, tolerance, replayCache);
            default -> throw new IllegalArgumentException(
                    "auth mode must be one of: bearer, header, hmac, none (got '" + normalized + "')");
        };
    }

    /** The header that carries the credential for {@code header}/{@code bearer} authenticators, else {@code null}. */
    public static @Nullable String credentialHeader(EndpointAuthenticator authenticator) {
        return (authenticator instanceof SharedSecretAuthenticator shared) ? shared.headerName() : null;
    }
}
