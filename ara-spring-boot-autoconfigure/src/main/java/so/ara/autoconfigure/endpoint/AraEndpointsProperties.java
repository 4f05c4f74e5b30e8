package so.ara.autoconfigure.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import so.ara.gateway.EndpointGatewayInput;

/**
 * Settings of the Ara endpoint routes.
 *
 * @param enabled whether the declared Ara endpoints are served as WebFlux routes
 * @param maxBodySize largest accepted request body; larger requests are answered with 413
 * @param hmacTolerance how far the signed timestamp of an hmac request may lie in the past or in the future
 * @param replayProtection whether an hmac message id (webhook-id or X-Ara-Delivery-Id) accepted once is refused
 * when sent again within twice the tolerance
 * @param replayCacheSize how many accepted hmac message ids each endpoint remembers at most
 * @param missingSecret what to do when the environment variable named by an endpoint's auth.secret_env is not set:
 * fail startup (default), or reject every request to that endpoint with 503
 * @param gatewayPaths whether each endpoint is also served at /v1/apps/{slug}/endpoints/{label}
 * @param securityHeaders whether endpoint responses carry X-Content-Type-Options: nosniff, Cache-Control: no-store,
 * X-Frame-Options: DENY, Referrer-Policy: no-referrer and a restrictive Content-Security-Policy
 * @param forwardedHeaders request headers (lower case) copied into the run input's gateway.headers; auth headers are
 * never copied
 * @param cors CORS settings per endpoint label; endpoints without an entry answer no preflight and add no CORS headers
 * @param openapi the OpenAPI document of the endpoints declared with docs = true
 * @param maxJsonDepth deepest nesting of arrays and objects accepted in a JSON request body; deeper bodies are
 * answered with 400 before any run starts
 * @param streamTimeout how long a text/event-stream endpoint response follows its run; when the run has not ended by
 * then (for example the control plane lost it), the stream ends with an error event carrying a 504 problem
 * @param retryAfter what Retry-After says while the endpoints answer 503 because the app is not deployed yet
 * @param limits rate limit per endpoint label, counted in each instance; endpoints without an entry are limited only
 * by the app's runtime key (ara.deploy.key-rpm)
 */
@ConfigurationProperties("ara.endpoints")
public record AraEndpointsProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("5m") Duration hmacTolerance,
        @DefaultValue("true") boolean replayProtection, @DefaultValue("100000") int replayCacheSize,
        @DefaultValue("fail") MissingSecret missingSecret, @DefaultValue("true") boolean gatewayPaths,
        @DefaultValue("true") boolean securityHeaders,
        @DefaultValue({ "content-type", "accept", "user-agent", "x-request-id", "x-forwarded-for",
                "x-forwarded-proto", "x-forwarded-host", "traceparent", "webhook-id",
                "x-ara-delivery-id" }) List<String> forwardedHeaders,
        @Nullable Map<String, Cors> cors, @DefaultValue OpenApi openapi, @DefaultValue("100") int maxJsonDepth,
        @DefaultValue("3m") Duration streamTimeout, @DefaultValue("5s") Duration retryAfter,
        @Nullable Map<String, Limit> limits) {

    public AraEndpointsProperties {
        cors = (cors != null) ? Map.copyOf(cors) : Map.of();
        forwardedHeaders = (forwardedHeaders != null) ? List.copyOf(forwardedHeaders) : List.of();
        openapi = (openapi != null) ? openapi : new OpenApi(true, OpenApi.DEFAULT_PATH, null, null);
        streamTimeout = (streamTimeout != null) ? streamTimeout : Duration.ofMinutes(3);
        retryAfter = (retryAfter != null) ? retryAfter : Duration.ofSeconds(5);
        limits = (limits != null) ? Map.copyOf(limits) : Map.of();
    }

    /** The defaults, as bound from an empty environment. */
    public static AraEndpointsProperties defaults() {
        return new AraEndpointsProperties(true, DataSize.ofMegabytes(1), Duration.ofMinutes(5), true, 100_000,
                MissingSecret.FAIL, true, true, EndpointGatewayInput.DEFAULT_FORWARDED_HEADERS, Map.of(),
                new OpenApi(true, OpenApi.DEFAULT_PATH, null, null), 100, Duration.ofMinutes(3),
                Duration.ofSeconds(5), Map.of());
    }

    public AraEndpointsProperties withMaxBodySize(DataSize size) {
        return new AraEndpointsProperties(this.enabled, size, this.hmacTolerance, this.replayProtection,
                this.replayCacheSize, this.missingSecret, this.gatewayPaths, this.securityHeaders,
                this.forwardedHeaders, this.cors, this.openapi, this.maxJsonDepth,
                this.streamTimeout, this.retryAfter, this.limits);
    }

    public AraEndpointsProperties withReplayProtection(boolean replay) {
        return new AraEndpointsProperties(this.enabled, this.maxBodySize, this.hmacTolerance, replay,
                this.replayCacheSize, this.missingSecret, this.gatewayPaths, this.securityHeaders,
                this.forwardedHeaders, this.cors, this.openapi, this.maxJsonDepth,
                this.streamTimeout, this.retryAfter, this.limits);
    }

    public AraEndpointsProperties withMissingSecret(MissingSecret policy) {
        return new AraEndpointsProperties(this.enabled, this.maxBodySize, this.hmacTolerance, this.replayProtection,
                this.replayCacheSize, policy, this.gatewayPaths, this.securityHeaders, this.forwardedHeaders,
                this.cors, this.openapi, this.maxJsonDepth,
                this.streamTimeout, this.retryAfter, this.limits);
    }

    public AraEndpointsProperties withCors(Map<String, Cors> corsByLabel) {
        return new AraEndpointsProperties(this.enabled, this.maxBodySize, this.hmacTolerance, this.replayProtection,
                this.replayCacheSize, this.missingSecret, this.gatewayPaths, this.securityHeaders,
                this.forwardedHeaders, corsByLabel, this.openapi, this.maxJsonDepth,
                this.streamTimeout, this.retryAfter, this.limits);
    }

    public AraEndpointsProperties withMaxJsonDepth(int depth) {
        return new AraEndpointsProperties(this.enabled, this.maxBodySize, this.hmacTolerance, this.replayProtection,
                this.replayCacheSize, this.missingSecret, this.gatewayPaths, this.securityHeaders,
                this.forwardedHeaders, this.cors, this.openapi, depth, this.streamTimeout, this.retryAfter, this.limits);
    }

    public AraEndpointsProperties withLimits(Map<String, Limit> limitsByLabel) {
        return new AraEndpointsProperties(this.enabled, this.maxBodySize, this.hmacTolerance, this.replayProtection,
                this.replayCacheSize, this.missingSecret, this.gatewayPaths, this.securityHeaders,
                this.forwardedHeaders, this.cors, this.openapi, this.maxJsonDepth, this.streamTimeout, this.retryAfter,
                limitsByLabel);
    }

    /**
     * Rate limit of one endpoint.
     *
     * @param requestsPerMinute requests accepted per minute (fixed one-minute window, per instance); more are answered
     * with 429 and Retry-After before any run starts
     */
    public record Limit(int requestsPerMinute) {
    }

    /** What to do when an endpoint's secret is not set. */
    public enum MissingSecret {

        /** Fail startup with a message naming the variable and the endpoint. */
        FAIL,

        /** Start, and answer every request to that endpoint with a 503 problem. */
        REJECT

    }

    /**
     * CORS settings of one endpoint (Spring's {@code CorsConfiguration} semantics).
     *
     * @param allowedOrigins origins allowed to call the endpoint, e.g. https://app.example.com, or * for any
     * @param allowedOriginPatterns origin patterns, e.g. https://*.example.com
     * @param allowedMethods methods allowed in a preflight; defaults to the endpoint's declared method
     * @param allowedHeaders request headers allowed in a preflight, e.g. Content-Type, Authorization, or *
     * @param exposedHeaders response headers the browser may read; defaults to X-Ara-Run-Id and X-Request-Id
     * @param allowCredentials whether credentials (cookies, Authorization) may be sent
     * @param maxAge how long a preflight answer may be cached by the browser
     */
    public record Cors(@Nullable List<String> allowedOrigins, @Nullable List<String> allowedOriginPatterns,
            @Nullable List<String> allowedMethods, @Nullable List<String> allowedHeaders,
            @Nullable List<String> exposedHeaders, @Nullable Boolean allowCredentials, @Nullable Duration maxAge) {
    }

    /**
     * The OpenAPI 3.1 document of the endpoints declared with docs = true.
     *
     * @param enabled whether the document is served
     * @param path where the document is served
     * @param title the document's info.title; defaults to the app slug followed by " endpoints"
     * @param version the document's info.version; defaults to 1.0.0
     */
    public record OpenApi(@DefaultValue("true") boolean enabled, @DefaultValue(DEFAULT_PATH) String path,
            @Nullable String title, @Nullable String version) {

        public static final String DEFAULT_PATH = "/v3/api-docs/ara";

    }
}
