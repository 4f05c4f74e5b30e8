package so.ara.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Benchmark (not a unit test): SSE log throughput to 1 and to 50 concurrent consumers, and run latency p50/p99 at
 * 200 concurrent runs, all over loopback HTTP against a started {@link AraLocalServer}.
 *
 * <pre>
 * mvn -B -o -q -pl ara-local -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp ara-local/target/test-classes:ara-local/target/classes:$(tr : '\n' < ara-local/target/bench.classpath | grep -v slf4j-simple | paste -sd:) \
 *     so.ara.local.LocalBenchmark
 * </pre>
 */
public final class LocalBenchmark {

    static final ConnectionProvider POOL = ConnectionProvider.builder("bench").maxConnections(1000)
            .pendingAcquireMaxCount(100_000).build();
    static final WebClient CLIENT = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(POOL)))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null));
                LocalTestSupport.CallbackServer callbacks = new LocalTestSupport.CallbackServer("bench-secret",
                        req -> Json.obj("id", Json.map(req.get("body")).get("ticket_id")))) {
            String cp = server.apiKey();
            String appId = post(server.baseUrl() + "/apps", cp, LocalTestSupport.manifest("bench",
                    callbacks.url(""), null))
                    .map(m -> (String) Json.map(m.get("app")).get("id")).block();
            post(server.baseUrl() + "/apps/" + appId + "/secrets", cp, Json.obj("name", "ara-java-callback",
                    "values", Json.obj("JAVA_CALLBACK_SECRET", "bench-secret"))).block();
            post(server.baseUrl() + "/apps/" + appId, cp, Json.obj("status", "active"), "PATCH").block();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                keys.add((String) post(server.baseUrl() + "/apps/" + appId + "/keys", cp,
                        Json.obj("requests_per_minute", 2000)).block().get("key"));
            }
            System.out.printf("ara-local benchmark, %d CPUs, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            sse(server, appId, keys.get(0), 1, rows / 4); // warm-up
            sse(server, appId, keys.get(0), 1, rows);
            sse(server, appId, keys.get(0), 50, rows / 4);
            runs(server, appId, keys, 200, 3, false); // warm-up
            runs(server, appId, keys, 200, 10, false);
            runs(server, appId, keys, 200, 3, true); // warm-up
            runs(server, appId, keys, 200, 10, true);
        }
        POOL.dispose();
    }

    /** Publishes {@code total} rows as fast as the slowest consumer keeps up (no drops) and times delivery. */
    static void sse(AraLocalServer server, String appId, String key, int consumers, int total) {
        LogHub hub = server.logs();
        long start0 = hub.rows(appId, 0).isEmpty() ? 0 : hub.rows(appId, 0).get(hub.rows(appId, 0).size() - 1).id();
        long target = start0 + total;
        List<AtomicLong> progress = new ArrayList<>();
        List<Disposable> subs = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            AtomicLong last = new AtomicLong(start0);
            progress.add(last);
            subs.add(CLIENT.get().uri(server.baseUrl() + "/v1/apps/" + appId + "/logs/stream")
                    .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> {
                        h.setBearerAuth(key);
                        h.set("Last-Event-ID", Long.toString(start0));
                    })
                    .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .filter(e -> e.id() != null)
                    .subscribe(e -> last.set(Long.parseLong(e.id()))));
        }
        while (hub.subscriberCount(appId) < consumers) {
            Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        long published = start0;
        Map<String, Object> data = Json.obj("agent_id", "triage_agent", "status", "completed");
        while (published < target) {
            long slowest = Long.MAX_VALUE;
            for (AtomicLong p : progress) {
                slowest = Math.min(slowest, p.get());
            }
            if (published - slowest > 2048) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000); // do not steal CPU from the event loops
                continue;
            }
            for (int i = 0; i < 256 && published < target; i++) {
                published = hub.publish(appId, "run-bench", "run.completed", "Run completed", data).id();
            }
        }
        for (AtomicLong p : progress) {
            while (p.get() < target) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        subs.forEach(Disposable::dispose);
        System.out.printf("SSE %2d consumer(s): %,d rows each in %.2f s -> %,.0f events/s per consumer, %,.0f events/s "
                + "delivered in total%n", consumers, total, secs, total / secs, (double) total * consumers / secs);
    }

    static void runs(AraLocalServer server, String appId, List<String> keys, int concurrency, int rounds,
            boolean withTool) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            int round = r;
            Flux.range(0, concurrency).flatMap(i -> {
                long s = System.nanoTime();
                return CLIENT.post().uri(server.baseUrl() + "/v1/apps/" + appId + "/run")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(keys.get((round * concurrency + i) % keys.size())))
                        .bodyValue(Json.write(Json.obj("input", withTool
                                ? Json.obj("message", "m" + i, "tool_calls", List.of(Json.obj("name", "lookup_ticket",
                                        "args", Json.obj("ticket_id", "T-" + i))))
                                : Json.obj("message", "m" + i))))
                        .retrieve().bodyToMono(String.class)
                        .doOnNext(body -> {
                            if (!body.contains("\"status\":\"completed\"")) {
                                throw new IllegalStateException(body);
                            }
                            latencies.add(System.nanoTime() - s);
                        });
            }, concurrency).blockLast(Duration.ofMinutes(2));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("runs%s: %d concurrent x %d rounds = %d runs in %.2f s (%,.0f runs/s); latency p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", withTool ? " (1 signed callback tool call each)" : " (no tools)",
                concurrency, rounds, sorted.size(), secs, sorted.size() / secs,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx)) / 1e6;
    }

    static Mono<Map<String, Object>> post(String url, String key, Object body) {
        return post(url, key, body, "POST");
    }

    static Mono<Map<String, Object>> post(String url, String key, Object body, String method) {
        return CLIENT.method(org.springframework.http.HttpMethod.valueOf(method)).uri(url)
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(key))
                .bodyValue(Json.write(body)).retrieve().bodyToMono(byte[].class)
                .map(b -> Json.map(Json.parse(b)));
    }
}
