package so.ara.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AraSignature;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.EndpointAuthenticators;
import so.ara.auth.RejectReason;
import so.ara.manifest.EndpointAuth;
import so.ara.manifest.EndpointSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared endpoint contract over real WebFlux routes: what ara-local and the starter both answer. */
class EndpointGatewayTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Records each run input and answers a fixed result, as a runtime would. */
    private final List<Map<String, Object>> inputs = new ArrayList<>();

    private final EndpointRunForwarder forwarder = new EndpointRunForwarder() {
        @Override
        public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
            inputs.add(input);
            return Mono.just(new ForwardedRun("run_1", Map.of("agent", agentId, "ok", true)));
        }

        @Override
        public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
            return Flux.just(ServerSentEvent.builder((Object) Map.of("status", "completed")).event("run.completed")
                .build());
        }
    };

    private static EndpointSpec spec(String method, String mode, String headerName) {
        return new EndpointSpec(EndpointSpec.TYPE, method, "/hook", "hook", false,
                new EndpointAuth(mode, headerName, mode.equals("none") ? "" : "HOOK_SECRET"), "triage", "triage");
    }

    private WebTestClient client(GatewayEndpoint endpoint, ReplayGuard replay, List<String> forwarded) {
        EndpointGateway gateway = new EndpointGateway(new EndpointBodyReader(64, 4),
                new DefaultEndpointProblemMapper(), forwarded);
        RouterFunction<ServerResponse> routes = RouterFunctions
            .route(RequestPredicates.path("/v1/apps/desk/endpoints/hook")
                .and(request -> request.method().equals(endpoint.method())),
                    gateway.handler(endpoint, this.forwarder, replay))
            .and(RouterFunctions.route(RequestPredicates.path("/v1/apps/desk/endpoints/hook"),
                    request -> EndpointProblems.methodNotAllowed(request, endpoint.method().name())))
            .filter(new EndpointRequestIdFilter(true));
        return WebTestClient.bindToRouterFunction(routes).build();
    }

    private WebTestClient client(GatewayEndpoint endpoint) {
        return client(endpoint, null, EndpointGatewayInput.DEFAULT_FORWARDED_HEADERS);
    }

    private static GatewayEndpoint endpoint(String method, String mode, EndpointAuthenticator authenticator) {
        return GatewayEndpoint.of("desk", spec(method, mode, ""), authenticator);
    }

    @Test
    void runInputCarriesOneFieldSetAndOnlySafeForwardedHeaders() {
        GatewayEndpoint endpoint = GatewayEndpoint.of("desk", spec("POST", "header", "X-Hook-Key"),
                EndpointAuthenticators.header("X-Hook-Key", "s3cret"));
        client(endpoint, null, List.of("user-agent", "authorization", "x-hook-key", "cookie"))
            .post()
            .uri("/v1/apps/desk/endpoints/hook?lang=en&tag=a&tag=b")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Hook-Key", "s3cret")
            .header("Authorization", "Bearer other")
            .header("Cookie", "c=1")
            .header("User-Agent", "probe/1")
            .header("X-Request-Id", "req-from-caller")
            .bodyValue("{\"q\":1}")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(EndpointExchange.RUN_ID_HEADER, "run_1")
            .expectHeader().valueEquals(EndpointExchange.REQUEST_ID_HEADER, "req-from-caller")
            .expectBody().jsonPath("$.agent").isEqualTo("triage");
        assertThat(this.inputs).hasSize(1);
        Map<String, Object> input = this.inputs.get(0);
        assertThat(input).containsOnlyKeys("input", "gateway");
        assertThat(input.get("input")).isEqualTo(Map.of("q", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> gateway = (Map<String, Object>) input.get("gateway");
        assertThat(gateway).containsExactly(Map.entry("app", "desk"), Map.entry("label", "hook"),
                Map.entry("method", "POST"), Map.entry("path", "/v1/apps/desk/endpoints/hook"),
                Map.entry("route", "/hook"), Map.entry("query", Map.of("lang", "en", "tag", List.of("a", "b"))),
                Map.entry("headers", Map.of("user-agent", "probe/1")), Map.entry("request_id", "req-from-caller"),
                Map.entry("auth", Map.of("mode", "header", "scheme", "header")));
    }

    @Test
    void hmacCallCarriesSchemeAndMessageIdAndAReplayIsRefused() {
        EndpointAuthenticator hmac = EndpointAuthenticators.forMode("hmac", null, "sig-secret", CLOCK,
                EndpointAuthenticators.DEFAULT_TOLERANCE, EndpointAuthenticators.defaultReplayCache(CLOCK,
                        EndpointAuthenticators.DEFAULT_TOLERANCE));
        WebTestClient client = client(endpoint("POST", "hmac", hmac));
        byte[] body = "{\"a\":true}".getBytes(StandardCharsets.UTF_8);
        long ts = NOW.getEpochSecond();
        for (int attempt = 0; attempt < 2; attempt++) {
            WebTestClient.ResponseSpec answer = client.post()
                .uri("/v1/apps/desk/endpoints/hook")
                .header(AraSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(AraSignature.DELIVERY_ID_HEADER, "dlv_1")
                .header(AraSignature.SIGNATURE_HEADER, AraSignature.sign("sig-secret", ts, "dlv_1", body))
                .bodyValue(body)
                .exchange();
            if (attempt == 0) {
                answer.expectStatus().isOk();
            }
            else {
                answer.expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("replayed message");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> gateway = (Map<String, Object>) this.inputs.get(0).get("gateway");
        assertThat(gateway.get("auth")).isEqualTo(Map.of("mode", "hmac", "scheme", "ara-signature", "message_id", "dlv_1"));
    }

    @Test
    void missingSecretIs503AndNothingRuns() {
        client(endpoint("POST", "bearer", null)).post()
            .uri("/v1/apps/desk/endpoints/hook")
            .header("Authorization", "Bearer anything")
            .bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").isEqualTo(EndpointAuthFilter.MISSING_SECRET)
            .jsonPath("$.request_id").exists();
        assertThat(this.inputs).isEmpty();
    }

    @Test
    void refusedCredentialsAre401WithTheReasonAndBearerChallenge() {
        client(endpoint("POST", "bearer", EndpointAuthenticators.bearer("right"))).post()
            .uri("/v1/apps/desk/endpoints/hook")
            .header("Authorization", "Bearer wrong")
            .bodyValue("{}")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"ara\", error=\"invalid_token\"")
            .expectBody()
            .jsonPath("$.detail").isEqualTo(RejectReason.INVALID_CREDENTIALS.publicMessage())
            .jsonPath("$.instance").isEqualTo("/v1/apps/desk/endpoints/hook");
        assertThat(this.inputs).isEmpty();
    }

    @Test
    void bodyLimitComesBeforeAuthAndJsonRulesAfterIt() {
        WebTestClient client = client(endpoint("POST", "bearer", EndpointAuthenticators.bearer("right")));
        client.post().uri("/v1/apps/desk/endpoints/hook").header("Authorization", "Bearer wrong")
            .bodyValue("x".repeat(65)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds 64 bytes.");
        client.post().uri("/v1/apps/desk/endpoints/hook").header("Authorization", "Bearer right")
            .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
            .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
            .expectHeader().valueEquals("Accept-Post", "application/json");
        client.post().uri("/v1/apps/desk/endpoints/hook").header("Authorization", "Bearer right")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{bad").exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
        client.post().uri("/v1/apps/desk/endpoints/hook").header("Authorization", "Bearer right")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("[[[[[1]]]]]").exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").isEqualTo("The request body is nested deeper than 4 levels.");
        assertThat(this.inputs).isEmpty();
    }

    @Test
    void otherMethodsAre405WithAllow() {
        client(endpoint("PUT", "none", EndpointAuthenticators.none())).post()
            .uri("/v1/apps/desk/endpoints/hook")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
            .expectHeader().valueEquals("Allow", "PUT")
            .expectBody().jsonPath("$.detail").isEqualTo("Method POST is not supported here; use PUT.");
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        client(endpoint("GET", "none", EndpointAuthenticators.none())).get()
            .uri("/v1/apps/desk/endpoints/hook")
            .exchange()
            .expectStatus().isOk();
        assertThat(this.inputs.get(0).get("input")).isEqualTo(Map.of());
    }

    @Test
    void aReplayGuardThatCannotAnswerChoosesItsProblem() {
        ReplayGuard unavailable = (label, verified) -> Mono.error(new EndpointForwardingException(
                HttpStatus.SERVICE_UNAVAILABLE, "replay store unavailable", Map.of("retry_after", 1L), null));
        client(endpoint("POST", "bearer", EndpointAuthenticators.bearer("right")), unavailable, List.of()).post()
            .uri("/v1/apps/desk/endpoints/hook")
            .header("Authorization", "Bearer right")
            .bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().valueEquals("Retry-After", "1")
            .expectBody().jsonPath("$.detail").isEqualTo("replay store unavailable");
        ReplayGuard replayed = (label, verified) -> Mono.just(AuthOutcome.reject(RejectReason.REPLAYED));
        client(endpoint("POST", "bearer", EndpointAuthenticators.bearer("right")), replayed, List.of()).post()
            .uri("/v1/apps/desk/endpoints/hook")
            .header("Authorization", "Bearer right")
            .bodyValue("{}")
            .exchange()
            .expectStatus().isUnauthorized();
        assertThat(this.inputs).isEmpty();
    }

    @Test
    void specRulesAreReadOnce() {
        EndpointSpec bare = new EndpointSpec(EndpointSpec.TYPE, "", "", "my-hook", false, null, "a", "a");
        assertThat(GatewayEndpoint.method(bare)).isEqualTo(HttpMethod.POST);
        assertThat(GatewayEndpoint.route(bare)).isEqualTo("/my-hook");
        assertThat(GatewayEndpoint.mode(bare)).isEqualTo("none");
        assertThat(GatewayEndpoint.headerName(bare)).isEqualTo("X-Ara-Endpoint-Secret");
        assertThat(GatewayEndpoint.secretEnv(bare)).isEqualTo("ARA_ENDPOINT_MY_HOOK_SECRET");
        EndpointSpec odd = new EndpointSpec(EndpointSpec.TYPE, "patch", "x//y", "h", false,
                new EndpointAuth(" HMAC ", "", " MY_SECRET "), "a", "a");
        assertThat(GatewayEndpoint.method(odd)).isEqualTo(HttpMethod.PATCH);
        assertThat(GatewayEndpoint.route(odd)).isEqualTo("/x/y");
        assertThat(GatewayEndpoint.mode(odd)).isEqualTo("hmac");
        assertThat(GatewayEndpoint.secretEnv(odd)).isEqualTo("MY_SECRET");
    }
}
