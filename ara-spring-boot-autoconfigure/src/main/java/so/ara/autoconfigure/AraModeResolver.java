package so.ara.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import so.ara.autoconfigure.AraProperties.Mode;
import so.ara.autoconfigure.env.PackagedLaunch;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.AraEnvironment;

/**
 * Chooses among the {@link AraConnectionDetails} beans; it never starts anything. The embedded ara-local bean exists
 * only when {@code ara.mode=local}, or in {@code auto} mode when no other details or credentials resolve and the app
 * is not packaged (see {@code LocalModeCondition}).
 * <ul>
 * <li>{@code manifest-only}: nothing is deployed.</li>
 * <li>{@code local}: the embedded control plane, else startup fails (ara-local missing).</li>
 * <li>{@code remote} and {@code auto}: a connection-details bean of yours or of Testcontainers, else credentials from
 * the environment; {@code auto} falls back to the embedded control plane when it exists. Without any, startup fails
 * listing the credential sources tried: a packaged app never deploys to itself by accident.</li>
 * </ul>
 */
final class AraModeResolver {

    static final String ARA_LOCAL_CLASS = "so.ara.local.AraLocalServer";

    private final AraProperties properties;
    private final Environment environment;
    private final @Nullable ClassLoader classLoader;

    AraModeResolver(AraProperties properties, Environment environment, @Nullable ClassLoader classLoader) {
        this.properties = properties;
        this.environment = environment;
        this.classLoader = classLoader;
    }

    AraConnection resolve(List<AraConnectionDetails> candidates) {
        Mode mode = this.properties.mode();
        LocalControlPlane local = find(candidates, LocalControlPlane.class);
        AraConnectionDetails other = candidates.stream()
                .filter(d -> !(d instanceof LocalControlPlane) && !(d instanceof PropertiesAraConnectionDetails))
                .findFirst().orElse(null);
        PropertiesAraConnectionDetails fromProperties = find(candidates, PropertiesAraConnectionDetails.class);
        if (fromProperties == null) {
            fromProperties = new PropertiesAraConnectionDetails(this.environment);
        }
        if (mode == Mode.MANIFEST_ONLY) {
            return new AraConnection(Mode.MANIFEST_ONLY, credentials(other != null ? other : fromProperties));
        }
        if (mode == Mode.LOCAL) {
            if (local == null) {
                throw new AraConnectionUnavailableException("ara.mode=local, but ara-local is not on the classpath.",
                        List.of(), "Add the dependency so.ara:ara-local, or set ara.mode=auto or remote.");
            }
            return new AraConnection(Mode.LOCAL, credentials(local));
        }
        if (other != null) {
            return new AraConnection(Mode.REMOTE, credentials(other));
        }
        if (fromProperties.hasCredentials()) {
            return new AraConnection(Mode.REMOTE, credentials(fromProperties));
        }
        if (mode == Mode.AUTO && local != null) {
            return new AraConnection(Mode.LOCAL, credentials(local));
        }
        throw missingCredentials(mode, fromProperties);
    }

    private AraConnectionUnavailableException missingCredentials(Mode mode,
            PropertiesAraConnectionDetails fromProperties) {
        String login = "set ara.api-key or ARA_API_KEY (environment, .env), or log in with `ara auth login`";
        if (mode == Mode.REMOTE) {
            return new AraConnectionUnavailableException("ara.mode=remote, but no Ara credentials resolve.",
                    fromProperties.sourcesTried(), "To deploy to Ara, " + login + ".");
        }
        PackagedLaunch launch = PackagedLaunch.from(this.environment);
        boolean localPresent = ClassUtils.isPresent(ARA_LOCAL_CLASS, this.classLoader);
        String why;
        if (localPresent && launch.packaged()) {
            why = "No Ara credentials resolve, and this app runs packaged (" + launch.archive() + "), so ara.mode=auto"
                    + " does not deploy it to the embedded ara-local control plane: nothing would reach Ara.";
        }
        else if (localPresent) {
            why = "No Ara credentials resolve, and the embedded ara-local control plane is not used (ara.launch.packaged"
                    + " or a disabled ara-local).";
        }
        else {
            why = "No Ara credentials resolve, and ara-local is not on the classpath: ara.mode=auto has nowhere to"
                    + " deploy.";
        }
        return new AraConnectionUnavailableException(why, fromProperties.sourcesTried(), "To deploy to Ara, " + login
                + ". To use the embedded control plane on purpose, set ara.mode=local"
                + (localPresent ? "" : " and add so.ara:ara-local") + ". To build the manifest without deploying,"
                + " set ara.mode=manifest-only.");
    }

    /** Client credentials for {@code details}; variable lookups (deploy-time secrets) go to the Spring Environment. */
    private AraCredentials credentials(AraConnectionDetails details) {
        AraCredentials.Builder builder = AraCredentials.builder()
                .environment(AraEnvironment.of(this.environment::getProperty))
                .apiBaseUrl(details.baseUrl())
                .runtimeKey(firstNonBlank(details.runtimeKey(), this.properties.runtimeKey()))
                .appHeaderKey(firstNonBlank(details.appHeaderKey(), this.properties.appHeaderKey()))
                .debugHttpErrors(this.properties.debugHttpErrors() ? Boolean.TRUE : null);
        if (details instanceof PropertiesAraConnectionDetails fromProperties && fromProperties.loginFile() != null) {
            // a refreshable `ara auth login` session: the client refreshes the token and saves it back, as the CLI does
            return builder.credentialsFile(fromProperties.loginFile()).build();
        }
        return builder.skipCredentialsFile().apiKey(details.apiKey()).build();
    }

    private static <T> @Nullable T find(List<AraConnectionDetails> candidates, Class<T> type) {
        return candidates.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
