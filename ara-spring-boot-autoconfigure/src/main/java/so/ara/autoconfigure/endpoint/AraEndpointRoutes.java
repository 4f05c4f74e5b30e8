package so.ara.autoconfigure.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.EndpointAuthenticators;
import so.ara.autoconfigure.replay.ReplayProtection;
import so.ara.autoconfigure.replay.ReplayStoreUnavailableException;
import so.ara.gateway.EndpointBodyReader;
import so.ara.gateway.EndpointExchange;
import so.ara.gateway.EndpointForwardingException;
import so.ara.gateway.EndpointGateway;
import so.ara.gateway.EndpointProblemMapper;
import so.ara.gateway.EndpointProblems;
import so.ara.gateway.EndpointRequestIdFilter;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ReplayGuard;
import so.ara.gateway.DefaultEndpointProblemMapper;
import so.ara.json.AraJson;
import so.ara.manifest.EndpointSpec;

/**
 * Assembles the declared Ara endpoints into one WebFlux {@link RouterFunction}, each route served by the shared
 * {@link EndpointGateway} (the same one ara-local's gateway uses), behind:
 * <ol>
 * <li>{@link EndpointRequestIdFilter}: request id and security headers;</li>
 * <li>{@link EndpointAvailabilityFilter}: 503 with {@code Retry-After} until the app is deployed;</li>
 * <li>the gateway: body within the limit (413), auth over the raw bytes (401, or 503 without a secret) with the
 * {@link ReplayProtection} store as its replay guard, JSON decoding (415, 400) and the run through the
 * {@link EndpointRunForwarder}, its failures turned into problems by the {@link EndpointProblemMapper}.</li>
 * </ol>
 * Each endpoint is served at its declared path and at {@code /v1/apps/{slug}/endpoints/{label}}, for exactly its
 * declared method; other methods get a 405 problem with {@code Allow}. Every failure is an RFC 9457 problem.
 */
public final class AraEndpointRoutes {

    /** Response header carrying the run id. */
    public static final String RUN_ID_HEADER = EndpointExchange.RUN_ID_HEADER;

    /** Request/response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = EndpointExchange.REQUEST_ID_HEADER;

    private static final Log logger = LogFactory.getLog(AraEndpointRoutes.class);

    private final List<MappedEndpointRoute> mappedRoutes = new ArrayList<>();

    private final EndpointCorsWebFilter corsWebFilter;

    private final RouterFunction<ServerResponse> routerFunction;

    /** Routes that are always available, with the default body reader, problem mapper and in-memory replay store. */
    public AraEndpointRoutes(String appSlug, List<EndpointSpec> endpoints, EndpointRunForwarder forwarder,
            EndpointSecretResolver secrets, AraEndpointsProperties properties, Clock clock) {
        this(appSlug, endpoints, forwarder, secrets, properties, clock,
                ReplayProtection.inMemory(appSlug, clock, Math.max(1, properties.replayCacheSize())));
    }

    /** As above, with accepted hmac message ids claimed in {@code replay} (shared by replicas when it is Redis). */
    public AraEndpointRoutes(String appSlug, List<EndpointSpec> endpoints, EndpointRunForwarder forwarder,
            EndpointSecretResolver secrets, AraEndpointsProperties properties, Clock clock, ReplayProtection replay) {
        this(appSlug, endpoints, forwarder, secrets, properties, clock, EndpointAvailability.ALWAYS,
                new EndpointBodyReader(properties.maxBodySize().toBytes(), properties.maxJsonDepth()),
                new DefaultEndpointProblemMapper(), replay);
    }

    public AraEndpointRoutes(String appSlug, List<EndpointSpec> endpoints, EndpointRunForwarder forwarder,
            EndpointSecretResolver secrets, AraEndpointsProperties properties, Clock clock,
            EndpointAvailability availability, EndpointBodyReader bodyReader, EndpointProblemMapper problems,
            ReplayProtection replay) {
        ReplayGuard replayGuard = properties.replayProtection() ? replayGuard(replay, properties) : null;
        Map<String, Map<HttpMethod, EndpointDefinition>> byPath = new LinkedHashMap<>();
        for (EndpointSpec spec : endpoints) {
            EndpointDefinition endpoint = EndpointDefinition.of(appSlug, spec, secrets, properties, clock);
            register(byPath, endpoint.path(), endpoint, false);
            if (properties.gatewayPaths()) {
                register(byPath, gatewayPath(appSlug, endpoint.label()), endpoint, true);
            }
        }
        this.corsWebFilter = new EndpointCorsWebFilter(corsByPath(byPath));
        EndpointAvailabilityFilter availabilityFilter = new EndpointAvailabilityFilter(availability,
                properties.retryAfter());
        EndpointGateway gateway = new EndpointGateway(bodyReader, problems, properties.forwardedHeaders());
        RouterFunction<ServerResponse> router = null;
        for (Map.Entry<String, Map<HttpMethod, EndpointDefinition>> path : byPath.entrySet()) {
            for (EndpointDefinition endpoint : path.getValue().values()) {
                RouterFunction<ServerResponse> route = RouterFunctions
                    .route(RequestPredicates.path(path.getKey()).and(exactly(endpoint.method())),
                            gateway.handler(endpoint.gateway(), forwarder, replayGuard))
                    .filter(availabilityFilter);
                router = (router != null) ? router.and(route) : route;
            }
            RouterFunction<ServerResponse> otherMethods = methodNotAllowed(path.getKey(), path.getValue().keySet());
            router = (router != null) ? router.and(otherMethods) : otherMethods;
        }
        if (router != null) {
            router = router.filter(new EndpointRequestIdFilter(properties.securityHeaders()));
        }
        if (properties.openapi().enabled()) {
            router = and(router, openApi(appSlug, endpoints, properties));
        }
        this.routerFunction = (router != null) ? router
                : RouterFunctions.route(request -> false, request -> ServerResponse.notFound().build());
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

    /** The replay store as the gateway's guard: a store that cannot answer is a 503 with {@code Retry-After: 1}. */
    private static ReplayGuard replayGuard(ReplayProtection replay, AraEndpointsProperties properties) {
        Duration ttl = EndpointAuthenticators.replayTtl(properties.hmacTolerance());
        return (label, verified) -> replay.check("endpoint:" + label, verified, ttl)
            .onErrorMap(ReplayStoreUnavailableException.class,
                    ex -> new EndpointForwardingException(HttpStatus.SERVICE_UNAVAILABLE,
                            ReplayStoreUnavailableException.PUBLIC_DETAIL, Map.of("retry_after", 1L), ex));
    }

    private static RequestPredicate exactly(HttpMethod method) {
        return request -> method.equals(request.method());
    }

    private static RouterFunction<ServerResponse> methodNotAllowed(String path, java.util.Set<HttpMethod> methods) {
        String allow = methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return RouterFunctions.route(RequestPredicates.path(path),
                request -> EndpointProblems.methodNotAllowed(request, allow));
    }

    private static RouterFunction<ServerResponse> openApi(String appSlug, List<EndpointSpec> endpoints,
            AraEndpointsProperties properties) {
        // rendered at the first request: starting the app needs no JSON serializers
        Supplier<byte[]> document = SingletonSupplier.of(() -> AraJson.mapper()
            .writeValueAsBytes(EndpointOpenApi.document(appSlug, endpoints, properties.openapi().title(),
                    properties.openapi().version(), properties.gatewayPaths())));
        String docsPath = properties.openapi().path();
        logger.info("Mapped GET " + docsPath + " -> OpenAPI 3.1 document of the Ara endpoints declared with docs");
        return RouterFunctions.route(RequestPredicates.GET(docsPath),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document.get()));
    }

    private static RouterFunction<ServerResponse> and(RouterFunction<ServerResponse> first,
            RouterFunction<ServerResponse> second) {
        return (first != null) ? first.and(second) : second;
    }

    private static Map<String, CorsConfiguration> corsByPath(Map<String, Map<HttpMethod, EndpointDefinition>> byPath) {
        Map<String, CorsConfiguration> corsByPath = new LinkedHashMap<>();
        byPath.forEach((path, methods) -> methods.values()
            .stream()
            .map(EndpointDefinition::cors)
            .filter(Objects::nonNull)
            .reduce(CorsConfiguration::combine)
            .ifPresent(config -> corsByPath.put(path, config)));
        return corsByPath;
    }

    private void register(Map<String, Map<HttpMethod, EndpointDefinition>> byPath, String path,
            EndpointDefinition endpoint, boolean gateway) {
        Map<HttpMethod, EndpointDefinition> methods = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>());
        EndpointDefinition existing = methods.putIfAbsent(endpoint.method(), endpoint);
        if (existing != null) {
            throw new IllegalStateException("Ara endpoints '" + existing.label() + "' and '" + endpoint.label()
                    + "' both map " + endpoint.method().name() + " " + path + "; give them distinct labels or paths");
        }
        MappedEndpointRoute route = new MappedEndpointRoute(endpoint.method().name(), path, endpoint.label(),
                endpoint.gateway().agentId(), endpoint.gateway().mode(), gateway, endpoint.gateway().refusing());
        this.mappedRoutes.add(route);
        logger.info("Mapped " + route);
    }
}
