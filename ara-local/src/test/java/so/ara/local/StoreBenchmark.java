package so.ara.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark (not a unit test): 200 concurrent synchronous runs for a bounded time against an in-memory server and a
 * durable one (data directory), alternating in the same JVM: runs/s, latency p50/p99 and heap after GC.
 *
 * <pre>
 * mvn -B -o -q -pl ara-local -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx512m -cp ara-local/target/test-classes:ara-local/target/classes:$(tr : '\n' &lt; ara-local/target/bench.classpath | grep -v slf4j-simple | paste -sd:) \
 *     so.ara.local.StoreBenchmark [seconds per round, default 20] [rounds per store, default 2]
 * </pre>
 */
public final class StoreBenchmark {

    private static final int CONCURRENCY = 200;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path data = Files.createTempDirectory("ara-local-bench");
        System.out.printf("ara-local store benchmark, %d CPUs, Java %s, %d concurrent sync runs, %d s per round%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CONCURRENCY, seconds);
        try {
            for (int r = 0; r <= rounds; r++) {
                int secs = r == 0 ? Math.max(3, seconds / 4) : seconds; // round 0 warms up both
                round("memory ", null, secs, r == 0);
                round("durable", data.resolve("round-" + r), secs, r == 0);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            LocalBenchmark.POOL.dispose();
        }
    }

    private static void round(String label, Path dataDir, int seconds, boolean warmUp) {
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null).withDataDir(dataDir);
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            String cp = server.apiKey();
            String appId = (String) Json.map(LocalBenchmark.post(server.baseUrl() + "/apps", cp,
                    LocalTestSupport.manifest("bench", null, null)).block().get("app")).get("id");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                keys.add((String) LocalBenchmark.post(server.baseUrl() + "/apps/" + appId + "/keys", cp,
                        Json.obj("requests_per_minute", 2000)).block().get("key"));
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>(1 << 20));
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long t0 = System.nanoTime();
            Flux.range(0, CONCURRENCY).flatMap(worker -> Mono.defer(() -> {
                long s = System.nanoTime();
                return LocalBenchmark.CLIENT.post().uri(server.baseUrl() + "/v1/apps/" + appId + "/run")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(keys.get(worker % keys.size())))
                        .bodyValue(Json.write(Json.obj("input", Json.obj("message", "m" + worker))))
                        .retrieve().bodyToMono(String.class)
                        .doOnNext(body -> {
                            if (!body.contains("\"status\":\"completed\"")) {
                                throw new IllegalStateException(body);
                            }
                            latencies.add(System.nanoTime() - s);
                        });
            }).repeat(() -> System.nanoTime() < deadline), CONCURRENCY).blockLast(Duration.ofSeconds(seconds + 60L));
            double secs = (System.nanoTime() - t0) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long runsKept = server.store().runCount();
            long runBytes = server.store().runBytes();
            latencies.clear();
            long fileBytes = dataDir == null ? 0 : dataDir.resolve(StoreFile.FILE_NAME).toFile().length();
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("%s%s: %,d runs in %.1f s = %,.0f runs/s; p50 %.1f ms, p99 %.1f ms; kept %,d runs "
                    + "(%,d bytes); heap after GC %,d MiB; store file %,d KiB%n", warmUp ? "warm-up " : "", label,
                    sorted.size(), secs, sorted.size() / secs, LocalBenchmark.pct(sorted, 0.50),
                    LocalBenchmark.pct(sorted, 0.99), runsKept, runBytes, heap >> 20, fileBytes >> 10);
        }
    }
}
