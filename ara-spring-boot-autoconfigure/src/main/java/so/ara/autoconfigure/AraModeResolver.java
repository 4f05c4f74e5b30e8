package so.ara.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import so.ara.autoconfigure.AraProperties.Mode;
import so.ara.credentials.AraCredentials;

/**
 * Decides where the app deploys. {@code auto}: connection details (e.g. a Testcontainers service connection) or
 * resolvable credentials mean {@code remote}; else ara-local on the classpath means {@code local}; else
 * {@code manifest-only}, with one warning. {@code remote} and {@code local} fail fast when they cannot be honoured.
 */
final class AraModeResolver {

    private static final Log logger = LogFactory.getLog(AraModeResolver.class);

    private final AraProperties properties;
    private final Environment environment;

    AraModeResolver(AraProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    AraConnection resolve(AraConnectionDetails details, LocalControlPlane local) {
        Mode mode = properties.mode();
        AraCredentials configured = credentials().build();
        if (mode == Mode.MANIFEST_ONLY) {
            return new AraConnection(Mode.MANIFEST_ONLY, configured);
        }
        if (details != null && mode != Mode.LOCAL) {
            return new AraConnection(Mode.REMOTE, credentials().apiBaseUrl(details.baseUrl()).apiKey(details.apiKey())
                    .runtimeKey(details.runtimeKey() != null ? details.runtimeKey() : properties.runtimeKey()).build());
        }
        if (mode == Mode.REMOTE || (mode == Mode.AUTO && configured.hasControlPlaneCredentials())) {
            if (!configured.hasControlPlaneCredentials()) {
                throw new IllegalStateException("ara.mode=remote but no Ara credentials resolve: set ara.api-key or"
                        + " ARA_API_KEY, or run `ara auth login`");
            }
            return new AraConnection(Mode.REMOTE, configured);
        }
        if (local != null) {
            LocalControlPlane.Endpoint endpoint = local.start();
            return new AraConnection(Mode.LOCAL, credentials().skipCredentialsFile().apiBaseUrl(endpoint.baseUrl())
                    .apiKey(endpoint.apiKey()).build());
        }
        if (mode == Mode.LOCAL) {
            throw new IllegalStateException("ara.mode=local needs ara-local on the classpath: add the dependency"
                    + " so.ara:ara-local");
        }
        logger.warn("No Ara credentials (ara.api-key, ARA_API_KEY, ~/.ara/credentials.json) and no ara-local on the"
                + " classpath: the Ara manifest is built but not deployed. Add so.ara:ara-local to run locally.");
        return new AraConnection(Mode.MANIFEST_ONLY, configured);
    }

    private AraCredentials.Builder credentials() {
        return AraCredentials.builder().environment(environment::getProperty).apiKey(properties.apiKey())
                .apiBaseUrl(properties.apiBaseUrl()).runtimeKey(properties.runtimeKey())
                .appHeaderKey(properties.appHeaderKey())
                .debugHttpErrors(properties.debugHttpErrors() ? Boolean.TRUE : null);
    }
}
