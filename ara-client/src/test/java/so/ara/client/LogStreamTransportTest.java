package so.ara.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log stream's own transport (Reactor Netty without WebClient) over a real socket: the request it sends, HTTP
 * errors as {@link AraApiException}, and a slow subscriber holding the socket still instead of buffering the stream.
 */
class LogStreamTransportTest {

    static final int STREAM_ROWS = 1_000_000;

    DisposableServer server;
    final AtomicInteger generated = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() {
        this.server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/apps", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(
                        "{\"apps\":[{\"id\":\"app 1\",\"slug\":\"demo\",\"role\":\"owner\"}]}")))
                .get("/v1/apps/{id}/logs/stream", (req, res) -> {
                    this.requests.add(req.uri() + " auth=" + req.requestHeaders().get("Authorization") + " accept="
                            + req.requestHeaders().get("Accept") + " last=" + req.requestHeaders().get("Last-Event-ID"));
                    if (this.status != 200) {
                        return res.status(this.status).header("Retry-After", "7").sendString(Mono.just("no"));
                    }
                    res.header("Content-Type", "text/event-stream");
                    // rows made on demand: the server writes only as fast as the socket drains
                    return res.sendString(Flux.range(1, STREAM_ROWS).map(id -> {
                        this.generated.incrementAndGet();
                        return "id: " + id + "\r\nevent: run.started\r\ndata: {\"id\":\"" + id
                                + "\",\"run_id\":\"run-1\",\"event_type\":\"run.started\",\"message\":\"row " + id
                                + " " + "x".repeat(150) + "\"}\r\n\r\n";
                    })).then();
                })).bindNow();
    }

    @AfterEach
    void stop() {
        this.server.disposeNow();
    }

    AraClient client() {
        return new AraClient(AraJson.mapper().readTree("{\"slug\":\"demo\",\"name\":\"demo\"}"), WebClient.builder(),
                AraCredentials.of("http://127.0.0.1:" + this.server.port(), "cp-key"),
                AraClientSettings.defaults().withReconnect(false, Duration.ofMillis(5), Duration.ofMillis(5), 0),
                null);
    }

    @Test
    void sendsTheStreamRequestAndParsesRows() {
        StepVerifier.create(client().logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey("rk"))
                .withLastEventId("0")).take(3))
                .assertNext(row -> {
                    assertThat(row.id()).isEqualTo("1");
                    assertThat(row.runId()).isEqualTo("run-1");
                    assertThat(row.message()).startsWith("row 1 xxx");
                    assertThat(row.raw().path("event_type").asString()).isEqualTo("run.started");
                })
                .assertNext(row -> assertThat(row.id()).isEqualTo("2"))
                .assertNext(row -> assertThat(row.id()).isEqualTo("3"))
                .verifyComplete();
        assertThat(this.requests).containsExactly(
                "/v1/apps/app%201/logs/stream auth=Bearer rk accept=text/event-stream last=0");
    }

    @Test
    void httpErrorsKeepTheirStatusAndMessage() {
        this.status = 429;
        StepVerifier.create(client().logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey("rk"))))
                .expectErrorSatisfies(ex -> {
                    assertThat(ex).isInstanceOf(AraApiException.class).hasMessage(
                            "GET /v1/apps/app%201/logs/stream failed (429). Response body hidden by default; set "
                                    + "ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.");
                    assertThat(((AraApiException) ex).getStatus()).isEqualTo(429);
                    assertThat(((AraApiException) ex).getRetryAfterSeconds()).isEqualTo(7L);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aSlowSubscriberStopsTheSocketInsteadOfBufferingTheStream() {
        StepVerifier.create(client().logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey("rk"))
                .withLastEventId("0")), 0)
                .thenRequest(5)
                .expectNextCount(5)
                // unread rows stay in the socket buffers (a few MiB), far from the 200 MiB stream
                .expectNoEvent(Duration.ofMillis(500))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(this.generated.get()).isBetween(5, STREAM_ROWS / 10);
    }
}
