package so.ara.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.DeployOptions;
import so.ara.credentials.AraCredentials;
import so.ara.local.AraLocalServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent streaming calls against a real ara-local share one upstream log stream, each seeing only its run. */
class SharedRunEventsTests {

    private static final String KEY = "ak_local_shared_events_test";

    private final AtomicInteger logStreamConnections = new AtomicInteger();

    private AraLocalServer server;

    private AraClient client;

    @BeforeEach
    void deploy() throws Exception {
        server = TriageOnAraLocal.start(KEY);
        JsonNode json = TriageOnAraLocal.manifestWithoutPromptCallbacks();
        // log streams go through the client's streaming HttpClient (not the WebClient): count their requests there
        HttpClient counting = HttpClient.create().doOnRequest((request, connection) -> {
            if (request.path().endsWith("logs/stream")) {
                logStreamConnections.incrementAndGet();
            }
        });
        client = new AraClient(json, WebClient.builder(), AraCredentials.of(server.baseUrl(), KEY),
                AraClientSettings.defaults(), null, counting);
        client.deploy(DeployOptions.defaults()).block(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twoConcurrentStreamsSeeOnlyTheirOwnRunOverOneUpstreamConnection() {
        ClientRunForwarder forwarder = new ClientRunForwarder(() -> client, Duration.ofSeconds(20));
        List<List<ServerSentEvent<?>>> streams = Flux.merge(
                forwarder.stream("triage_agent", Map.of("input", Map.of("q", 1))).collectList(),
                forwarder.stream("triage_agent", Map.of("input", Map.of("q", 2))).collectList())
            .collectList().block(Duration.ofSeconds(30));

        assertThat(streams).hasSize(2);
        assertThat(streams.stream().map(SharedRunEventsTests::runIdOf).distinct()).hasSize(2);
        for (List<ServerSentEvent<?>> events : streams) {
            String runId = runIdOf(events);
            assertThat(events).allSatisfy(event -> assertThat(runId(event)).isEqualTo(runId));
            ServerSentEvent<?> last = events.get(events.size() - 1);
            assertThat(last.event()).isEqualTo("run.completed");
            // the terminal row came from the stream itself (it has a row id), not from the status fallback
            assertThat(last.id()).isNotBlank();
        }
        assertThat(logStreamConnections).hasValue(1);
    }

    private static String runIdOf(List<ServerSentEvent<?>> events) {
        assertThat(events).isNotEmpty();
        return runId(events.get(0));
    }

    private static String runId(ServerSentEvent<?> event) {
        return ((JsonNode) event.data()).path("run_id").asString();
    }
}
