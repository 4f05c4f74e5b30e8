package so.ara.client;

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
    void idempotentGetRetriesTransientStatusAndIsObservedOnce() {
        StepVerifier.create(client(FAST).appId()).expectNext("app_1").verifyComplete();
        assertThat(this.appsCalls.get()).isEqualTo(3);
        assertThat(this.authHeaders).containsOnly("Bearer cp-key");
        assertThat(this.observations).hasSize(1);
        Observation.Context context = this.observations.get(0);
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
}
