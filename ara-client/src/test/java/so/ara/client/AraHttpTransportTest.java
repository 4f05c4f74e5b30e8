package so.ara.client;

import so.ara.spec.Secret;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transport behaviour that ara-local cannot produce on demand (503 bursts, stalls, dropped SSE connections), against a
 * tiny Reactor Netty server on 127.0.0.1 (fault injection only; the flows are tested against ara-local).
 */
class AraHttpTransportTest {

    DisposableServer server;
    final AtomicInteger appsCalls = new AtomicInteger();
    final AtomicInteger createCalls = new AtomicInteger();
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    final List<String> authHeaders = new CopyOnWriteArrayList<>();
    final List<String> chatBodies = new CopyOnWriteArrayList<>();
    final List<String> runtimeHeaders = new CopyOnWriteArrayList<>();
    final List<String> secretCalls = new CopyOnWriteArrayList<>();
    final List<Observation.Context> observations = new CopyOnWriteArrayList<>();
    ObservationRegistry registry;

    @BeforeEach
    void start() {
        AtomicInteger streamCalls = new AtomicInteger();
        this.server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/apps", (req, res) -> {
                    authHeaders.add(String.valueOf(req.requestHeaders().get("Authorization")));
                    if (appsCalls.incrementAndGet() <= 2) {
                        return res.status(503).sendString(Mono.just("busy"));
                    }
                    return res.header("Content-Type", "application/json").sendString(Mono.just(
                            "{\"apps\":[{\"id\":\"app_x\",\"slug\":\"demo\",\"role\":\"viewer\"},"
                                    + "{\"id\":\"app_1\",\"slug\":\"demo\",\"role\":\"owner\"}]}"));
                })
                .post("/apps", (req, res) -> {
                    createCalls.incrementAndGet();
                    return res.status(503).sendString(Mono.just("busy"));
                })
                .post("/chat", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                    chatBodies.add(body);
                    if (body.contains("\"fail\"")) {
                        return res.status(502).sendString(Mono.just("upstream down")).then();
                    }
                    String error = body.contains("\"boom\"")
                            ? "data: {\"type\":\"error\",\"errorText\":\"Tool exploded\"}\n\n" : "";
                    return res.header("Content-Type", "text/event-stream").sendString(Flux.just(
                            ": hello\n\n",
                            "data: {\"type\":\"reasoning-delta\",\"delta\":\"think \"}\n\n",
                            "data: {\"type\":\"tool-input-available\",\"toolCallId\":\"c1\",\"toolName\":\"lookup\",\"input\":{\"id\":\"T-1\"}}\n\n",
                            "data: not-json\n\n",
                            "data: {\"type\":\"tool-input-available\",\"toolCallId\":\"c2\",\"toolName\":\"noargs\"}\n\n",
                            "data: {\"type\":\"tool-output-available\",\"toolCallId\":\"c1\",\"output\":{\"ok\":true}}\n\n",
                            error,
                            "data: {\"type\":\"text-delta\",\"delta\":\"Hello \"}\n\n",
                            "data: {\"type\":\"finish\"}\n\n",
                            "data: {\"type\":\"text-delta\",\"delta\":\"world\"}\n\n",
                            "data: [DONE]\n\n",
                            "data: {\"type\":\"text-delta\",\"delta\":\"after done\"}\n\n")).then();
                }))
                .get("/v1/apps/app_gone/runs/{runId}", (req, res) -> res.status(404)
                        .header("Content-Type", "application/json").sendString(Mono.just("{\"detail\":\"no app\"}")))
                .get("/v1/apps/app_1/runs/{runId}", (req, res) -> {
                    runtimeHeaders.add(req.requestHeaders().get("Authorization") + " | "
                            + req.requestHeaders().get("X-Ara-App-Key"));
                    return res.header("Content-Type", "application/json").sendString(Mono.just(
                            "{\"ok\":true,\"run\":{\"run_id\":\"" + req.param("runId") + "\",\"status\":\"running\"}}"));
                })
                .route(req -> req.method().name().equals("PATCH") && req.uri().equals("/apps/app_1"),
                        (req, res) -> res.status(204).send())
                .post("/apps/app_1/secrets", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                    secretCalls.add("POST " + body);
                    return body.contains("unsupported") ? res.status(404).send().then()
                            : res.status(200).send().then();
                }))
                .get("/apps/app_1/secrets", (req, res) -> res.header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"secrets\":[{\"name\":\"keep\"},{\"name\":\"Gone-Already\"},{\"name\":\"stale\"}]}")))
                .delete("/apps/app_1/secrets/{name}", (req, res) -> {
                    secretCalls.add("DELETE " + req.param("name"));
                    return "Gone-Already".equals(req.param("name")) ? res.status(404).send() : res.status(204).send();
                })
                .post("/apps/app_1/keys", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                    secretCalls.add("KEY " + body);
                    return res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"key\":\"ak_app_test\"}")).then();
                }))
                .get("/auth/cli/whoami", (req, res) -> Mono.delay(Duration.ofSeconds(2)).then(res.sendString(Mono.just("{}")).then()))
                .get("/v1/apps/app_1/logs/stream", (req, res) -> {
                    lastEventIds.add(String.valueOf(req.requestHeaders().get("Last-Event-ID")));
                    int n = streamCalls.incrementAndGet();
                    res.header("Content-Type", "text/event-stream");
                    if (n == 1) {
                        // two rows, a pause longer than the app-wide response timeout, a third, then drop
                        return res.sendString(Flux.concat(Flux.just("retry: 10\n\n", sse(1), sse(2)),
                                Mono.delay(Duration.ofMillis(700)).thenReturn(": keep-alive\n\n"),
                                Flux.just(sse(3)))).then();
                    }
                    // replay what the client already has, then new rows, then stay open
                    return res.sendString(Flux.concat(Flux.just(sse(3), sse(4), sse(5)), Flux.never())).then();
                })).bindNow();
        this.registry = ObservationRegistry.create();
        this.registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observations.add(context);
            }
        });
    }

    static String sse(int id) {
        return "id: " + id + "\nevent: run.started\ndata: {\"id\":\"" + id
                + "\",\"timestamp\":\"t\",\"level\":\"info\",\"run_id\":\"run-1\",\"event_type\":\"run.started\",\"message\":\"row "
                + id + "\"}\n\n";
    }

    @AfterEach
    void stop() {
        this.server.disposeNow();
    }

    AraClient client(AraClientSettings settings) {
        return client(settings, "demo");
    }

    AraClient client(AraClientSettings settings, String slug) {
        // the application's builder has a short response timeout: streams must not inherit it
        WebClient.Builder appBuilder = WebClient.builder().clientConnector(
                new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(300))));
        return new AraClient(AraJson.mapper().readTree("{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}"), appBuilder,
                AraCredentials.of("http://127.0.0.1:" + this.server.port(), "cp-key"), settings, this.registry);
    }

    static final AraClientSettings FAST = AraClientSettings.defaults().withRetries(2, Duration.ofMillis(5))
            .withReconnect(true, Duration.ofMillis(5), Duration.ofMillis(50), 10);

    @Test
    void idempotentGetRetriesTransientStatusAndEachExchangeIsObservedWithTheUriTemplate() {
        StepVerifier.create(client(FAST).appId()).expectNext("app_1").verifyComplete();
        assertThat(this.appsCalls.get()).isEqualTo(3);
        assertThat(this.authHeaders).containsOnly("Bearer cp-key");
        // Spring's WebClient instrumentation observes every exchange: two 503s, then the 200
        assertThat(this.observations).hasSize(3);
        assertThat(this.observations.get(0).getLowCardinalityKeyValues().stream().map(KeyValue::toString).toList())
                .contains("keyValue(status=503)", "keyValue(outcome=SERVER_ERROR)");
        Observation.Context context = this.observations.get(2);
        assertThat(context.getName()).isEqualTo("ara.client.requests");
        assertThat(context.getLowCardinalityKeyValues().stream().map(KeyValue::toString).toList())
                .contains("keyValue(method=GET)", "keyValue(uri=/apps)", "keyValue(status=200)", "keyValue(outcome=SUCCESS)");
    }

    @Test
    void retriesExhaustedSurfaceTheLastError() {
        StepVerifier.create(client(FAST.withRetries(1, Duration.ofMillis(5))).appId())
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class).hasMessage(
                        "GET /apps failed (503). Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it."))
                .verify();
        assertThat(this.appsCalls.get()).isEqualTo(2);
        assertThat(this.observations.get(0).getLowCardinalityKeyValues().stream().map(KeyValue::toString).toList())
                .contains("keyValue(status=503)", "keyValue(outcome=SERVER_ERROR)");
    }

    @Test
    void postIsNeverRetried() {
        this.appsCalls.set(10);
        StepVerifier.create(client(FAST, "fresh").deploy(DeployOptions.defaults()))
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage(
                        "POST /apps failed (503). Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it."))
                .verify();
        assertThat(this.createCalls.get()).isEqualTo(1);
    }

    @Test
    void callTimeout() {
        StepVerifier.create(client(FAST.withTimeout(Duration.ofMillis(100)).withRetries(0, Duration.ZERO)).whoami())
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraTimeoutException.class)
                        .hasMessage("GET /auth/cli/whoami failed (network): timed out after 100 ms"))
                .verify();
    }

    @Test
    void logStreamSurvivesPausesAndResumesAfterDropWithoutDuplicates() {
        this.appsCalls.set(10);
        StepVerifier.create(client(FAST).logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey("rk")))
                .map(LogEvent::message).take(5))
                .expectNext("row 1", "row 2", "row 3", "row 4", "row 5")
                .verifyComplete();
        assertThat(this.lastEventIds).containsExactly("null", "3");
    }

    AraRuntimeClient runtime() {
        return new AraRuntimeClient(WebClient.builder(), AraCredentials.of("http://127.0.0.1:" + this.server.port(),
                "cp-key"), FAST, this.registry);
    }

    @Test
    void chatAggregatesTextReasoningAndToolCallsUntilDone() {
        ChatResult result = runtime().chatResult(new ChatRequest("hi", "m1", "conv-9")).block(Duration.ofSeconds(10));
        assertThat(result.text()).isEqualTo("Hello world");
        assertThat(result.reasoning()).isEqualTo("think ");
        assertThat(result.toolCalls()).hasSize(2);
        assertThat(result.toolCalls().get(0).name()).isEqualTo("lookup");
        assertThat(result.toolCalls().get(0).args().toString()).isEqualTo("{\"id\":\"T-1\"}");
        assertThat(result.toolCalls().get(0).result().toString()).isEqualTo("{\"ok\":true}");
        assertThat(result.toolCalls().get(1).args().toString()).isEqualTo("{}");
        assertThat(result.toolCalls().get(1).result().toString()).isEqualTo("\"\"");
        assertThat(this.chatBodies).containsExactly(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"m1\",\"chatId\":\"conv-9\"}");
        StepVerifier.create(runtime().chat("x").map(ChatEvent::type))
                .expectNext("reasoning-delta", "tool-input-available", "tool-input-available", "tool-output-available",
                        "text-delta", "finish", "text-delta")
                .verifyComplete();
        assertThat(this.chatBodies.get(1)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    }

    @Test
    void chatErrorsAsThePythonSdk() {
        StepVerifier.create(runtime().chatResult("boom"))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraException.class).hasMessage("Tool exploded"))
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(runtime().chatResult("fail"))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessage("chat() failed (502): upstream down"))
                .verify(Duration.ofSeconds(10));
        assertThat(this.observations).extracting(Observation.Context::getName).containsOnly("ara.client.requests");
        assertThat(this.observations.get(this.observations.size() - 1).getLowCardinalityKeyValues().stream()
                .map(KeyValue::toString).toList()).contains("keyValue(method=POST)", "keyValue(uri=/chat)",
                        "keyValue(status=502)", "keyValue(outcome=SERVER_ERROR)");
    }

    @Test
    void runtimeCredentialSelection() {
        this.appsCalls.set(10);
        String base = "http://127.0.0.1:" + this.server.port();
        AraClient envKeys = new AraClient(Map.of("slug", "demo"), WebClient.builder(), AraCredentials.builder()
                .environment(Map.of("ARA_APP_HEADER_KEY", "xk_env", "ARA_RUNTIME_KEY", "rk_env")::get)
                .workingDirectory(null).skipCredentialsFile().apiBaseUrl(base).apiKey("cp-key").build(), FAST, null);
        RunResponse status = envKeys.runStatus("run-1").block(Duration.ofSeconds(10));
        assertThat(status.runId()).isEqualTo("run-1");
        assertThat(status.status()).isEqualTo("running");
        envKeys.runStatus("run-2", RuntimeAuth.runtimeKey("rk_inline")).block(Duration.ofSeconds(10));
        envKeys.runStatus("run-3", RuntimeAuth.appHeaderKey("xk_inline")).block(Duration.ofSeconds(10));
        AraClient runtimeOnly = new AraClient(Map.of("slug", "demo"), WebClient.builder(), AraCredentials.builder()
                .environment(Map.of("ARA_RUNTIME_KEY", "rk_env")::get).workingDirectory(null).skipCredentialsFile()
                .apiBaseUrl(base).apiKey("cp-key").build(), FAST, null);
        runtimeOnly.runStatus("run-4").block(Duration.ofSeconds(10));
        assertThat(this.runtimeHeaders).containsExactly("null | xk_env", "Bearer rk_inline | null",
                "null | xk_inline", "Bearer rk_env | null");
    }

    @Test
    void secretRoutesMissingGiveTheCompatibilityMessage() {
        this.appsCalls.set(10);
        StepVerifier.create(client(FAST).deploy(DeployOptions.defaults().withSecrets(List.of(
                Secret.named("unsupported", Map.of("K", "v"))))))
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage("Secret sync failed because this backend does "
                        + "not support App SDK secret routes yet. Upgrade backend to a version with "
                        + "/apps/app_1/secrets support, or remove runtime(secrets=...) declarations."))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void reconcileDeletesStaleSecretsTolerating404() {
        this.appsCalls.set(10);
        DeployResult result = client(FAST).deploy(DeployOptions.defaults().withKey("my-key", 7).withSecrets(List.of(
                Secret.named("keep", Map.of("K", "v")), Secret.fromName("shared"))))
                .block(Duration.ofSeconds(10));
        assertThat(this.secretCalls).hasSize(5);
        assertThat(this.secretCalls.subList(0, 3)).containsExactly(
                "POST {\"name\":\"keep\",\"values\":{\"K\":\"v\"}}", "DELETE Gone-Already", "DELETE stale");
        assertThat(this.secretCalls.get(3)).as("the sync marker, last, so a failed sync is redone")
                .matches("POST \\{\"name\":\"ara-sync-[0-9a-f]{24}\",\"values\":\\{\"DEPLOY_FINGERPRINT\":.*");
        assertThat(this.secretCalls.get(4)).isEqualTo("KEY {\"name\":\"my-key\",\"requests_per_minute\":7}");
        assertThat(result.appId()).isEqualTo("app_1");
        assertThat(result.runtimeKey()).isEqualTo("ak_app_test");
        assertThat(result.secrets().synced()).containsExactly("keep");
        assertThat(result.secrets().referencedOnly()).containsExactly("shared");
    }

    @Test
    void connectionRefused() {
        int port = this.server.port();
        this.server.disposeNow();
        AraClient client = new AraClient(Map.of("slug", "demo"), WebClient.builder(),
                AraCredentials.of("http://127.0.0.1:" + port, "cp-key"), FAST.withRetries(0, Duration.ZERO), null);
        StepVerifier.create(client.whoami())
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraConnectionException.class)
                        .hasMessageStartingWith("GET /auth/cli/whoami failed (network): ")
                        .hasMessageContaining("Connection refused"))
                .verify();
    }

    @Test
    void appIdIsLookedUpOnceAndCached() {
        this.appsCalls.set(10);
        AraClient client = client(FAST);
        RuntimeAuth auth = RuntimeAuth.runtimeKey("rk");
        client.runStatus("r1", auth).block(Duration.ofSeconds(5));
        client.runStatus("r2", auth).block(Duration.ofSeconds(5));
        client.withManifest(client.manifest()).runStatus("r3", auth).block(Duration.ofSeconds(5));
        assertThat(this.appsCalls.get()).isEqualTo(11);
        assertThat(this.runtimeHeaders).hasSize(3);
    }

    @Test
    void aStaleCachedAppIdIsDroppedOn404AndTheCallRetriedOnce() {
        this.appsCalls.set(10);
        java.util.Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>(
                java.util.Map.of("demo", "app_gone"));
        AraHttp http = new AraHttp(WebClient.builder(), AraCredentials.of("http://127.0.0.1:" + this.server.port(),
                "cp-key"), FAST, null, null);
        AppIds ids = new AppIds("demo", http, cache);
        java.util.List<String> used = new CopyOnWriteArrayList<>();
        StepVerifier.create(ids.with(id -> {
            used.add(id);
            return http.call(org.springframework.http.HttpMethod.GET, AraUri.of("/v1/apps/{app_id}/runs/{run_id}", id,
                    "r1"), null, Mono.just(AraHttp.Auth.bearer("rk")));
        }).map(body -> body.path("run").path("status").asString())).expectNext("running").verifyComplete();
        assertThat(used).containsExactly("app_gone", "app_1");
        assertThat(cache).containsEntry("demo", "app_1");
        assertThat(this.appsCalls.get()).isEqualTo(11);
    }

    @Test
    void uriTemplatesExpandWithEncodedValues() {
        AraUri uri = AraUri.of("/apps/{app_id}/secrets/{name}", "app 1", "a/b")
                .query(java.util.Map.of("q", "x&y"));
        assertThat(uri.template()).isEqualTo("/apps/{app_id}/secrets/{name}?q={q}");
        assertThat(uri.expanded()).isEqualTo("/apps/app%201/secrets/a%2Fb?q=x%26y");
    }

    @Test
    void builderAppliesSettingsAndAnotherObservationConvention() {
        this.appsCalls.set(10);
        AraClient client = new AraClientBuilder(WebClient.builder(),
                AraCredentials.of("http://127.0.0.1:" + this.server.port(), "cp-key"), FAST)
                .observationRegistry(this.registry)
                .observationConvention(new org.springframework.web.reactive.function.client
                        .DefaultClientRequestObservationConvention("desk.ara.calls"))
                .webClient(builder -> builder.defaultHeader("X-Desk", "1"))
                .build(AraJson.mapper().readTree("{\"slug\":\"demo\"}"));
        StepVerifier.create(client.appId()).expectNext("app_1").verifyComplete();
        assertThat(this.observations).extracting(Observation.Context::getName).containsExactly("desk.ara.calls");
        assertThat(this.observations.get(0).getLowCardinalityKeyValues().stream().map(KeyValue::toString).toList())
                .contains("keyValue(uri=/apps)");
    }
}
