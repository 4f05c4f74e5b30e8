package so.ara.autoconfigure.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.manifest.EndpointSpec;

/**
 * One declared endpoint, resolved for serving: method, normalised path, auth mode and its authenticator (null when
 * the secret is missing and the endpoint refuses every request), CORS settings.
 */
record EndpointDefinition(EndpointSpec spec, String label, HttpMethod method, String path, String mode,
        @Nullable EndpointAuthenticator authenticator, @Nullable CorsConfiguration cors,
        @Nullable String secretHeader) {

    private static final Log logger = LogFactory.getLog(EndpointDefinition.class);

    String agentId() {
        return this.spec.agentId();
    }

    static EndpointDefinition of(EndpointSpec spec, EndpointSecretResolver secrets, AraEndpointsProperties properties,
            Clock clock) {
        if (!StringUtils.hasText(spec.label())) {
            throw new IllegalStateException("Ara endpoint " + spec + " has no label");
        }
        String label = spec.label();
        if (!StringUtils.hasText(spec.agentId())) {
            throw new IllegalStateException("Ara endpoint '" + label + "' is not bound to an agent (agent_id is empty)");
        }
        HttpMethod method = HttpMethod.valueOf(
                StringUtils.hasText(spec.method()) ? spec.method().trim().toUpperCase(Locale.ROOT) : "POST");
        String path = StringUtils.hasText(spec.path()) ? spec.path().trim() : "/" + label;
        path = (path.startsWith("/") ? path : "/" + path).replaceAll("/{2,}", "/");
        String mode = mode(spec);
        EndpointAuthenticator authenticator = null;
        if ("none".equals(mode)) {
            authenticator = EndpointAuthenticators.none();
        }
        else {
            String variable = secretEnv(spec);
            String secret = secrets.resolve(variable);
            if (!StringUtils.hasLength(secret)) {
                String where = "Ara endpoint '" + label + "' (" + method.name() + " " + path + ", auth " + mode + ")";
                if (properties.missingSecret() == AraEndpointsProperties.MissingSecret.FAIL) {
                    throw new MissingEndpointSecretException(variable, where
                            + " needs its secret in the environment variable " + variable + ", which is not set. Set "
                            + variable + " (environment variable, application.yml or any Spring property source), or"
                            + " set ara.endpoints.missing-secret=reject to start anyway and answer 503 on this"
                            + " endpoint.");
                }
                logger.warn(where + " has no secret (" + variable + " is not set): every request is refused with 503");
            }
            else {
                // replayed ids are refused after the signature check, by the replay store (EndpointAuthFilter)
                authenticator = EndpointAuthenticators.forMode(mode, headerName(spec), secret, clock,
                        properties.hmacTolerance(), null);
            }
        }
        return new EndpointDefinition(spec, label, method, path, mode, authenticator,
                corsConfiguration(properties.cors().get(label), method),
                "header".equals(mode) ? headerName(spec) : null);
    }

    static String mode(EndpointSpec spec) {
        String mode = (spec.auth() != null) ? spec.auth().mode() : null;
        return StringUtils.hasText(mode) ? mode.trim().toLowerCase(Locale.ROOT) : "none";
    }

    static String headerName(EndpointSpec spec) {
        String name = (spec.auth() != null) ? spec.auth().headerName() : null;
        return StringUtils.hasText(name) ? name.trim() : EndpointAuthenticators.DEFAULT_HEADER_NAME;
    }

    /** The variable holding the secret: {@code auth.secret_env}, or {@code ARA_ENDPOINT_<LABEL>_SECRET}. */
    static String secretEnv(EndpointSpec spec) {
        String name = (spec.auth() != null) ? spec.auth().secretEnv() : null;
        return StringUtils.hasText(name) ? name.trim()
                : "ARA_ENDPOINT_" + spec.label().toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }


    private static @Nullable CorsConfiguration corsConfiguration(AraEndpointsProperties.@Nullable Cors cors,
            HttpMethod method) {
        if (cors == null) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedOriginPatterns(cors.allowedOriginPatterns());
        config.setAllowedMethods((cors.allowedMethods() != null && !cors.allowedMethods().isEmpty())
                ? cors.allowedMethods() : List.of(method.name()));
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders((cors.exposedHeaders() != null) ? cors.exposedHeaders()
                : List.of(AraEndpointRoutes.RUN_ID_HEADER, AraEndpointRoutes.REQUEST_ID_HEADER));
        config.setAllowCredentials(cors.allowCredentials());
        if (cors.maxAge() != null) {
            config.setMaxAge(cors.maxAge());
        }
        return config;
    }
}
