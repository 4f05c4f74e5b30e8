package so.ara.autoconfigure.callback;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import so.ara.autoconfigure.AraConnection;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.CredentialSource;

/**
 * Chooses the {@link AraCallbackSecret}: configured, else derived from a stable control-plane credential, else generated.
 * Public so that another process deploying the same app (the CLI's {@code ara deploy}) syncs the very secret the
 * running application verifies.
 */
public final class CallbackSecrets {

    /** Credentials whose value stays the same for the life of a deployment (a refreshed login token does not). */
    private static final Set<CredentialSource> STABLE = EnumSet.of(CredentialSource.EXPLICIT,
            CredentialSource.ENV_API_KEY, CredentialSource.ENV_ACCESS_TOKEN, CredentialSource.CLI_API_KEY,
            CredentialSource.LEGACY_API_KEY);

    private CallbackSecrets() {
    }

    public static AraCallbackSecret choose(@Nullable String configured, @Nullable AraConnection connection,
            String appSlug) {
        return forCredentials(configured,
                connection == null || !connection.deploys() ? null : connection.credentials(), appSlug);
    }

    /** As the application chooses it, from the control-plane credentials a deploy uses (null: none). */
    public static AraCallbackSecret forCredentials(@Nullable String configured, @Nullable AraCredentials credentials,
            String appSlug) {
        if (configured != null && !configured.isBlank()) {
            return AraCallbackSecret.of(configured);
        }
        String credential = stableCredential(credentials);
        return (credential != null) ? AraCallbackSecret.derive(credential, appSlug) : AraCallbackSecret.generate();
    }

    private static @Nullable String stableCredential(@Nullable AraCredentials credentials) {
        if (credentials == null || !STABLE.contains(credentials.source())) {
            return null;
        }
        // a static credential is an already-completed Mono: this does not wait on I/O
        String token = credentials.controlPlaneToken().block(Duration.ofSeconds(1));
        return (token == null || token.isEmpty()) ? null : token;
    }
}
