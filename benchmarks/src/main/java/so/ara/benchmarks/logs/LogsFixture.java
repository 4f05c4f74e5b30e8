package so.ara.benchmarks.logs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.DeployOptions;
import so.ara.client.RunRequest;
import so.ara.client.RuntimeAuth;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import tools.jackson.databind.node.ObjectNode;

/**
 * An app on ara-local with at least {@code rows} log rows from real runs (three rows each: started, prompt built,
 * completed), and a runtime key kept for reading.
 */
record LogsFixture(String baseUrl, String apiKey, String slug, String readerKey) {

    static final String SLUG = "bench-logs";

    static LogsFixture seed(AraLocalServer server, int rows) {
        AraClient client = client(server);
        // several keys: each is rate-limited to 2,000 requests a minute; a client reuses the key it holds, so each
        // key is minted by a client of its own
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(client(server).deploy(DeployOptions.defaults().withKey("bench-" + i, 2000)).block()
                    .runtimeKey());
        }
        int runs = rows / 3 + 10;
        long start = System.nanoTime();
        Flux.range(0, runs)
                .flatMap(i -> client.run(RunRequest.of("triage_agent", Map.of("message", "ticket " + i + " needs help"))
                        .withAuth(RuntimeAuth.runtimeKey(keys.get(1 + i % (keys.size() - 1))))), 8)
                .blockLast(Duration.ofMinutes(10));
        System.out.printf("seeded %,d runs in %.1f s%n", runs, (System.nanoTime() - start) / 1e9);
        return new LogsFixture(server.baseUrl(), server.apiKey(), SLUG, keys.get(0));
    }

    private static AraClient client(AraLocalServer server) {
        return new AraClient(manifest(), WebClient.builder(), AraCredentials.of(server.baseUrl(), server.apiKey()),
                AraClientSettings.defaults(), null);
    }

    static ObjectNode manifest() {
        return (ObjectNode) AraJson.mapper().readTree("""
                {"name":"%1$s","slug":"%1$s","description":"",
                 "agent":{"agents":[{"id":"triage_agent","task":"Triage tickets.","instructions":"Triage tickets.",
                   "persona":"Triage tickets.","schedules":[],"handoff_to":[],"always_on":true,"entrypoint":true,
                   "skills":[]}],
                   "default_agent_id":"triage_agent","tools":[]},
                 "workflows":[{"id":"triage_agent","mode":"task","agent_id":"triage_agent","task":"Triage tickets.",
                   "run":{},"pipeline":[],"schedule":"","trigger":{"type":"api"}}],
                 "interfaces":{},"runtime_profile":{}}
                """.formatted(SLUG));
    }

    /** The same app and keys behind another server (the canned replay of its stream). */
    LogsFixture at(String otherBaseUrl) {
        return new LogsFixture(otherBaseUrl, this.apiKey, this.slug, this.readerKey);
    }

    /** Reader arguments after the program: base URL, API key, slug, runtime key, rows. */
    List<String> readerArguments(int rows) {
        return List.of(this.baseUrl, this.apiKey, this.slug, this.readerKey, Integer.toString(rows));
    }
}
