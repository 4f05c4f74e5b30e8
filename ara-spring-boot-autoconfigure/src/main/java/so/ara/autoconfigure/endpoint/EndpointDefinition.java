package so.ara.autoconfigure.endpoint;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.gateway.EndpointExchange;
import so.ara.gateway.GatewayEndpoint;
import so.ara.manifest.EndpointSpec;
import so.ara.gateway.ReplayGuard;

/**
 * One declared endpoint, resolved for serving at startup: the {@link GatewayEndpoint} (its authenticator null when
 * the secret is missing and the endpoint refuses every request) and its CORS settings.
 */
record EndpointDefinition(GatewayEndpoint gateway, @Nullable CorsConfiguration cors) {

    private static final Log logger = LogFactory.getLog(EndpointDefinition.class);

    String label() {
        return this.gateway.label();
    }

    HttpMethod method() {
        return this.gateway.method();
    }

    String path() {
        return this.gateway.route();
    }

    static EndpointDefinition of(String appSlug, EndpointSpec spec, EndpointSecretResolver secrets,
            AraEndpointsProperties properties, Clock clock) {
        if (!StringUtils.hasText(spec.label())) {
            throw new IllegalStateException("Ara endpoint " + spec + " has no label");
        }
        String label = spec.label();
        if (!StringUtils.hasText(spec.agentId())) {
            throw new IllegalStateException("Ara endpoint '" + label + "' is not bound to an agent (agent_id is empty)");
        }
        GatewayEndpoint endpoint = GatewayEndpoint.of(appSlug, spec, authenticator(spec, secrets, properties, clock));
        return new EndpointDefinition(endpoint, corsConfiguration(properties.cors().get(label), endpoint.method()));
    }

    private static @Nullable EndpointAuthenticator authenticator(EndpointSpec spec, EndpointSecretResolver secrets,
            AraEndpointsProperties properties, Clock clock) {
        String mode = GatewayEndpoint.mode(spec);
        if ("none".equals(mode)) {
            return EndpointAuthenticators.none();
        }
        String variable = GatewayEndpoint.secretEnv(spec);
        String secret = secrets.resolve(variable);
        if (StringUtils.hasLength(secret)) {
            // replayed ids are refused after the signature check, by the replay store (the gateway's ReplayGuard)
            return EndpointAuthenticators.forMode(mode, GatewayEndpoint.headerName(spec), secret, clock,
                    properties.hmacTolerance(), null);
        }
        String where = "Ara endpoint '" + spec.label() + "' (" + GatewayEndpoint.method(spec).name() + " "
                + GatewayEndpoint.route(spec) + ", auth " + mode + ")";
        if (properties.missingSecret() == AraEndpointsProperties.MissingSecret.FAIL) {
            throw new MissingEndpointSecretException(variable, where + " needs its secret in the environment variable "
                    + variable + ", which is not set. Set " + variable + " (environment variable, application.yml or"
                    + " any Spring property source), or set ara.endpoints.missing-secret=reject to start anyway and"
                    + " answer 503 on this endpoint.");
        }
        logger.warn(where + " has no secret (" + variable + " is not set): every request is refused with 503");
        return null;
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
                : List.of(EndpointExchange.RUN_ID_HEADER, EndpointExchange.REQUEST_ID_HEADER));
        config.setAllowCredentials(cors.allowCredentials());
        if (cors.maxAge() != null) {
            config.setMaxAge(cors.maxAge());
        }
        return config;
    }
}
