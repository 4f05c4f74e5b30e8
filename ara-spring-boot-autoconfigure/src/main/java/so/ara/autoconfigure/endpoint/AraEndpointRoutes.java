package so.ara.autoconfigure.endpoint;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.auth.RejectReason;
import so.ara.autoconfigure.replay.ReplayProtection;
import so.ara.autoconfigure.replay.ReplayStoreUnavailableException;
import so.ara.json.AraJson;
import so.ara.manifest.EndpointSpec;

/**
 * Serves the declared Ara endpoints as one WebFlux {@link RouterFunction}. Each endpoint is served at its declared
 * path and at {@code /v1/apps/{slug}/endpoints/{label}}, for exactly its declared method; other methods get a 405
 * problem with {@code Allow}.
 * <p>
 * Per request: the body is read once, up to {@code max-body-size} (413 beyond); the auth mode is verified over the
 * raw bytes (401); a non-empty body must be JSON (415 for another content type, 400 when malformed; an absent
 * content type is read as JSON); an empty body becomes the input {@code {}}; the run input
 * ({@link EndpointGatewayInput}) is forwarded through the {@link EndpointRunForwarder}; the response is the run
 * result as JSON with {@code X-Ara-Run-Id}, or the run's events as server-sent events when the caller accepts
 * {@code text/event-stream} (a failure before the first event is a problem response, a later failure ends the
 * stream with an {@code error} event carrying the problem).
 * Every failure is an RFC 9457 problem ({@code application/problem+json}).
 */
public final class AraEndpointRoutes {

    /** Response header carrying the run id. */
    public static final String RUN_ID_HEADER = "X-Ara-Run-Id";

    /** Request/response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Log logger = LogFactory.getLog(AraEndpointRoutes.class);

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final byte[] EMPTY = new byte[0];

    private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;

    private final String appSlug;

    private final AraEndpointsProperties properties;

    private final EndpointRunForwarder forwarder;

    private final EndpointCorsWebFilter corsWebFilter;

    private final int maxBodyBytes;

    private final ReplayProtection replay;

    private final List<MappedEndpointRoute> mappedRoutes = new ArrayList<>();

    private final RouterFunction<ServerResponse> routerFunction;

    public AraEndpointRoutes(String appSlug, List<EndpointSpec> endpoints, EndpointRunForwarder forwarder,
            EndpointSecretResolver secrets, AraEndpointsProperties properties, Clock clock) {
        this(appSlug, endpoints, forwarder, secrets, properties, clock,
                ReplayProtection.inMemory(appSlug, clock, Math.max(1, properties.replayCacheSize())));
    }

    /** @param replay where accepted hmac message ids are claimed (shared by replicas when it is Redis) */
    public AraEndpointRoutes(String appSlug, List<EndpointSpec> endpoints, EndpointRunForwarder forwarder,
            EndpointSecretResolver secrets, AraEndpointsProperties properties, Clock clock, ReplayProtection replay) {
        this.appSlug = appSlug;
        this.replay = replay;
        this.properties = properties;
        this.forwarder = forwarder;
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, properties.maxBodySize().toBytes()));
        Map<String, Map<HttpMethod, Endpoint>> byPath = new LinkedHashMap<>();
        for (EndpointSpec spec : endpoints) {
            Endpoint endpoint = createEndpoint(spec, secrets, clock);
            register(byPath, endpoint.declaredPath, endpoint, false);
            if (properties.gatewayPaths()) {
                register(byPath, gatewayPath(appSlug, endpoint.label), endpoint, true);
            }
        }
        Map<String, CorsConfiguration> corsByPath = new LinkedHashMap<>();
        byPath.forEach((path, methods) -> methods.values()
            .stream()
            .map(e -> e.cors)
            .filter(java.util.Objects::nonNull)
            .reduce(CorsConfiguration::combine)
            .ifPresent(config -> corsByPath.put(path, config)));
        this.corsWebFilter = new EndpointCorsWebFilter(corsByPath);
        RouterFunction<ServerResponse> router = null;
        for (Map.Entry<String, Map<HttpMethod, Endpoint>> entry : byPath.entrySet()) {
            PathRoutes pathRoutes = new PathRoutes(entry.getKey(), entry.getValue());
            RouterFunction<ServerResponse> route = RouterFunctions.route(RequestPredicates.path(entry.getKey()),
                    pathRoutes::dispatch);
            router = (router != null) ? router.and(route) : route;
        }
        if (properties.openapi().enabled()) {
            byte[] document = AraJson.mapper()
                .writeValueAsBytes(EndpointOpenApi.document(appSlug, endpoints, properties.openapi().title(),
                        properties.openapi().version(), properties.gatewayPaths()));
            String docsPath = properties.openapi().path();
            RouterFunction<ServerResponse> docs = RouterFunctions.route(RequestPredicates.GET(docsPath),
                    request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document));
            router = (router != null) ? router.and(docs) : docs;
            logger.info("Mapped GET " + docsPath + " -> OpenAPI 3.1 document of the Ara endpoints declared with docs");
        }
        this.routerFunction = (router != null) ? router : RouterFunctions.route(request -> false,
                request -> ServerResponse.notFound().build());
    }

    /** The one router function serving every endpoint (and the OpenAPI document when enabled). */
    public RouterFunction<ServerResponse> routerFunction() {
        return this.routerFunction;
    }

    /**
     * The CORS filter of the endpoints with {@code ara.endpoints.cors.<label>} settings (a pass-through for every
     * other request). Register it as a {@code WebFilter} bean; functional routes get CORS from a web filter.
     */
    public EndpointCorsWebFilter corsWebFilter() {
        return this.corsWebFilter;
    }

    /** The routes served, in registration order. */
    public List<MappedEndpointRoute> routes() {
        return Collections.unmodifiableList(this.mappedRoutes);
    }

    /** The gateway-shaped path of an endpoint. */
    public static String gatewayPath(String appSlug, String label) {
        return "/v1/apps/" + appSlug + "/endpoints/" + label;
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

    private Endpoint createEndpoint(EndpointSpec spec, EndpointSecretResolver secrets, Clock clock) {
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
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        path = path.replaceAll("/{2,}", "/");
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
                if (this.properties.missingSecret() == AraEndpointsProperties.MissingSecret.FAIL) {
                    throw new MissingEndpointSecretException(variable, where + " needs its secret in the environment variable " + variable
                            + ", which is not set. Set " + variable
                            + " (environment variable, application.yml or any Spring property source), or set "
                            + "ara.endpoints.missing-secret=reject to start anyway and answer 503 on this endpoint.");
                }
                logger.warn(where + " has no secret (" + variable + " is not set): every request is refused with 503");
            }
            else {
                // replayed ids are refused after the signature check, by the replay store (afterBody)
                authenticator = EndpointAuthenticators.forMode(mode, headerName(spec), secret, clock,
                        this.properties.hmacTolerance(), null);
            }
        }
        CorsConfiguration cors = corsConfiguration(this.properties.cors().get(label), method);
        return new Endpoint(spec, label, method, path, mode, authenticator, cors);
    }

    private static java.time.Duration replayTtl(AraEndpointsProperties properties) {
        return EndpointAuthenticators.replayTtl(properties.hmacTolerance());
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
                : List.of(RUN_ID_HEADER, REQUEST_ID_HEADER));
        config.setAllowCredentials(cors.allowCredentials());
        if (cors.maxAge() != null) {
            config.setMaxAge(cors.maxAge());
        }
        return config;
    }

    private void register(Map<String, Map<HttpMethod, Endpoint>> byPath, String path, Endpoint endpoint,
            boolean gateway) {
        Map<HttpMethod, Endpoint> methods = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>());
        Endpoint existing = methods.putIfAbsent(endpoint.method, endpoint);
        if (existing != null) {
            throw new IllegalStateException("Ara endpoints '" + existing.label + "' and '" + endpoint.label
                    + "' both map " + endpoint.method.name() + " " + path + "; give them distinct labels or paths");
        }
        MappedEndpointRoute route = new MappedEndpointRoute(endpoint.method.name(), path, endpoint.label,
                endpoint.spec.agentId(), endpoint.mode, gateway, endpoint.authenticator == null);
        this.mappedRoutes.add(route);
        logger.info("Mapped " + route);
    }

    private static String requestId(ServerRequest request) {
        return requestId(request.headers().firstHeader(REQUEST_ID_HEADER));
    }

    /** The caller's request id when it is safe to echo, else a new {@code req_<32 hex>}. */
    static String requestId(@Nullable String given) {
        if (given != null && SAFE_REQUEST_ID.matcher(given).matches()) {
            return given;
        }
        // not a secret, only unique: avoid SecureRandom (UUID.randomUUID) contention on the event loop
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    private void securityHeaders(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    /** The endpoints sharing one path, by method. */
    private final class PathRoutes {

        private final String path;

        private final Map<HttpMethod, Endpoint> byMethod;

        private final String allow;

        PathRoutes(String path, Map<HttpMethod, Endpoint> byMethod) {
            this.path = path;
            this.byMethod = Map.copyOf(byMethod);
            this.allow = byMethod.keySet().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        }

        Mono<ServerResponse> dispatch(ServerRequest request) {
            String requestId = requestId(request);
            HttpHeaders responseHeaders = request.exchange().getResponse().getHeaders();
            responseHeaders.set(REQUEST_ID_HEADER, requestId);
            if (AraEndpointRoutes.this.properties.securityHeaders()) {
                securityHeaders(responseHeaders);
            }
            Endpoint endpoint = this.byMethod.get(request.method());
            if (endpoint == null) {
                ProblemDetail problem = EndpointProblems.problem(HttpStatus.METHOD_NOT_ALLOWED,
                        HttpStatus.METHOD_NOT_ALLOWED.getReasonPhrase(),
                        "Method " + request.method().name() + " is not supported here; use " + this.allow + ".",
                        request.path(), requestId);
                return EndpointProblems.respond(problem, headers -> headers.set(HttpHeaders.ALLOW, this.allow));
            }
            return endpoint.handle(request, requestId);
        }

        @Override
        public String toString() {
            return this.allow + " " + this.path;
        }
    }

    /** One declared endpoint. */
    private final class Endpoint {

        final EndpointSpec spec;

        final String label;

        final HttpMethod method;

        final String declaredPath;

        final String mode;

        final @Nullable EndpointAuthenticator authenticator;

        final @Nullable CorsConfiguration cors;

        final @Nullable String secretHeader;

        Endpoint(EndpointSpec spec, String label, HttpMethod method, String declaredPath, String mode,
                @Nullable EndpointAuthenticator authenticator, @Nullable CorsConfiguration cors) {
            this.spec = spec;
            this.label = label;
            this.method = method;
            this.declaredPath = declaredPath;
            this.mode = mode;
            this.authenticator = authenticator;
            this.cors = cors;
            this.secretHeader = "header".equals(mode) ? headerName(spec) : null;
        }

        Mono<ServerResponse> handle(ServerRequest request, String requestId) {
            String instance = request.path();
            if (this.authenticator == null) {
                return EndpointProblems.respond(HttpStatus.SERVICE_UNAVAILABLE,
                        "This endpoint is not configured on the server: its secret is missing.", instance, requestId);
            }
            int max = AraEndpointRoutes.this.maxBodyBytes;
            OptionalLong declared = request.headers().contentLength();
            if (declared.isPresent() && declared.getAsLong() > max) {
                return tooLarge(instance, requestId);
            }
            return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), max)
                .map(AraEndpointRoutes::toBytes)
                .defaultIfEmpty(EMPTY)
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent() ? afterBody(request, body.get(), requestId)
                        : tooLarge(instance, requestId));
        }

        private Mono<ServerResponse> tooLarge(String instance, String requestId) {
            return EndpointProblems.respond(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body exceeds " + AraEndpointRoutes.this.maxBodyBytes + " bytes.", instance,
                    requestId);
        }

        private Mono<ServerResponse> afterBody(ServerRequest request, byte[] body, String requestId) {
            AuthOutcome verified = this.authenticator.authenticate(request.headers().asHttpHeaders()::getFirst, body);
            if (!AraEndpointRoutes.this.properties.replayProtection()) {
                return afterAuth(request, body, requestId, verified);
            }
            return AraEndpointRoutes.this.replay
                .check("endpoint:" + this.label, verified, replayTtl(AraEndpointRoutes.this.properties))
                .flatMap(outcome -> afterAuth(request, body, requestId, outcome))
                .onErrorResume(ReplayStoreUnavailableException.class,
                        ex -> EndpointProblems.respond(EndpointProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                                HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                                ReplayStoreUnavailableException.PUBLIC_DETAIL, request.path(), requestId),
                                h -> h.set(HttpHeaders.RETRY_AFTER, "1")));
        }

        private Mono<ServerResponse> afterAuth(ServerRequest request, byte[] body, String requestId,
                AuthOutcome outcome) {
            String instance = request.path();
            HttpHeaders headers = request.headers().asHttpHeaders();
            if (outcome instanceof AuthOutcome.Rejected rejected) {
                if (logger.isDebugEnabled()) {
                    logger.debug("Ara endpoint '" + this.label + "' refused request " + requestId + ": "
                            + rejected.reason().publicMessage());
                }
                ProblemDetail problem = EndpointProblems.problem(HttpStatus.UNAUTHORIZED,
                        HttpStatus.UNAUTHORIZED.getReasonPhrase(), rejected.reason().publicMessage(), instance,
                        requestId);
                return EndpointProblems.respond(problem, h -> {
                    if ("bearer".equals(this.mode)) {
                        h.set(HttpHeaders.WWW_AUTHENTICATE,
                                (rejected.reason() == RejectReason.MISSING_CREDENTIALS) ? "Bearer realm=\"ara\""
                                        : "Bearer realm=\"ara\", error=\"invalid_token\"");
                    }
                });
            }
            AuthOutcome.Accepted accepted = (AuthOutcome.Accepted) outcome;
            Object decoded;
            if (isBlank(body)) {
                decoded = new LinkedHashMap<String, Object>();
            }
            else {
                MediaType contentType;
                try {
                    contentType = headers.getContentType();
                }
                catch (InvalidMediaTypeException ex) {
                    return unsupported(instance, requestId);
                }
                if (contentType != null && !isJson(contentType)) {
                    return unsupported(instance, requestId);
                }
                try {
                    decoded = AraJson.mapper().readValue(body, Object.class);
                }
                catch (JacksonException ex) {
                    return EndpointProblems.respond(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.",
                            instance, requestId);
                }
            }
            Map<String, Object> input = EndpointGatewayInput.build(decoded, gateway(request, accepted, requestId));
            if (wantsEventStream(headers)) {
                return stream(input, instance, requestId);
            }
            return run(input, instance, requestId);
        }

        private Mono<ServerResponse> unsupported(String instance, String requestId) {
            ProblemDetail problem = EndpointProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.getReasonPhrase(), "Send the request body as application/json.",
                    instance, requestId);
            return EndpointProblems.respond(problem, h -> h.set("Accept-Post", "application/json"));
        }

        private Map<String, Object> gateway(ServerRequest request, AuthOutcome.Accepted accepted, String requestId) {
            Map<String, Object> gateway = new LinkedHashMap<>();
            gateway.put("app", AraEndpointRoutes.this.appSlug);
            gateway.put("label", this.label);
            gateway.put("method", request.method().name());
            gateway.put("path", request.path());
            gateway.put("route", this.declaredPath);
            gateway.put("query", EndpointGatewayInput.query(request.queryParams()));
            gateway.put("headers", EndpointGatewayInput.headers(request.headers().asHttpHeaders(),
                    AraEndpointRoutes.this.properties.forwardedHeaders(), this.secretHeader));
            gateway.put("request_id", requestId);
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("mode", this.mode);
            auth.put("scheme", accepted.scheme());
            if (accepted.messageId() != null) {
                auth.put("message_id", accepted.messageId());
            }
            gateway.put("auth", auth);
            return gateway;
        }

        private Mono<ServerResponse> run(Map<String, Object> input, String instance, String requestId) {
            return Mono.defer(() -> AraEndpointRoutes.this.forwarder.run(this.spec.agentId(), input))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the forwarder returned no run")))
                .flatMap(run -> ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(RUN_ID_HEADER, run.runId())
                    .bodyValue(AraJson.mapper().writeValueAsBytes(run.result())))
                .onErrorResume(ex -> EndpointProblems.respond(forwardingProblem(ex, instance, requestId), h -> {
                }));
        }

        /**
         * Waits for the stream's first signal: a failure before any event (runtime unreachable, run refused) is a
         * problem response with its proper status; after that the status is sent, so a failure ends the stream
         * with an {@code error} event carrying the problem.
         */
        private Mono<ServerResponse> stream(Map<String, Object> input, String instance, String requestId) {
            Flux<ServerSentEvent<?>> source = Flux
                .defer(() -> AraEndpointRoutes.this.forwarder.stream(this.spec.agentId(), input));
            return source.switchOnFirst((first, all) -> {
                if (first.isOnError()) {
                    return EndpointProblems.respond(forwardingProblem(first.getThrowable(), instance, requestId),
                            h -> {
                            });
                }
                Flux<ServerSentEvent<?>> events = all.onErrorResume(ex -> Flux.just(ServerSentEvent
                    .builder((Object) EndpointProblems.toMap(forwardingProblem(ex, instance, requestId)))
                    .event("error")
                    .build()));
                return ServerResponse.ok().contentType(EVENT_STREAM).body(events, ServerSentEvent.class);
            }, false).single();
        }

        private ProblemDetail forwardingProblem(Throwable failure, String instance, String requestId) {
            Throwable ex = Exceptions.unwrap(failure);
            ProblemDetail problem;
            if (ex instanceof EndpointForwardingException forwarding) {
                HttpStatus status = HttpStatus.resolve(forwarding.getStatus().value());
                problem = EndpointProblems.problem(forwarding.getStatus(),
                        (status != null) ? status.getReasonPhrase() : "Error", forwarding.getPublicDetail(), instance,
                        requestId);
            }
            else if (isUnreachable(ex)) {
                problem = EndpointProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                        HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                        "The Ara runtime could not be reached or did not answer in time; try again later.", instance,
                        requestId);
            }
            else {
                problem = EndpointProblems.problem(HttpStatus.BAD_GATEWAY, HttpStatus.BAD_GATEWAY.getReasonPhrase(),
                        "The Ara runtime could not run this endpoint's agent.", instance, requestId);
            }
            logger.warn("Ara endpoint '" + this.label + "' (request " + requestId + "): forwarding to agent '"
                    + this.spec.agentId() + "' failed with " + ex.getClass().getName() + ": " + ex.getMessage()
                    + " -> " + problem.getStatus());
            if (logger.isDebugEnabled()) {
                logger.debug("Forwarding failure of Ara endpoint '" + this.label + "'", ex);
            }
            return problem;
        }
    }

    static boolean isUnreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof TimeoutException
                    || t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(MediaType contentType) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
    }

    private static boolean wantsEventStream(HttpHeaders headers) {
        try {
            for (MediaType accepted : headers.getAccept()) {
                if (!accepted.isWildcardType() && !accepted.isWildcardSubtype()
                        && EVENT_STREAM.isCompatibleWith(accepted)) {
                    return true;
                }
            }
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
        return false;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }
}
