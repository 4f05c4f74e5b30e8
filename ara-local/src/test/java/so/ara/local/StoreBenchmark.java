package so.ara.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark (not a unit test): 200 concurrent synchronous runs ({@code POST /v1/apps/{id}/run}) for a fixed time
 * against an in-memory server and a durable one (data directory), alternating in one JVM (memory, durable, memory,
 * durable, ...) after a short warm-up of each. Per round: runs/s, latency p50/p99, heap after a forced GC at the
 * start, middle and end of the load (requests in flight during the middle GC are left out of the percentiles and
 * counted), the store file's size at the middle and end, commits written, and the load average.
 *
 * <p>The runs are pure Java (the bench agent has no prompt factory and calls no tool), so the store's cost is what
 * differs between the two. Requests are spread round-robin over 500 runtime keys at 2,000 requests per minute (the
 * wire contract's maximum): 16,666 runs/s before any 429.
 *
 * <pre>
 * mvn -B -o -q -pl ara-local -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx512m -cp ara-local/target/test-classes:ara-local/target/classes:ara-core/target/classes:$(tr : '\n' &lt; ara-local/target/bench.classpath | grep -v slf4j-simple | paste -sd:) \
 *     so.ara.local.StoreBenchmark [seconds per round, default 60] [rounds per store, default 2]
 * </pre>
 */
public final class StoreBenchmark {

    private static final int CONCURRENCY = 200;
    private static final int KEYS = 500;
    private static final int KEY_RPM = 2_000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path data = Files.createTempDirectory("ara-local-bench");
        System.out.printf("ara-local store benchmark: %d CPUs, Java %s, max heap %d MiB, %d concurrent sync runs, "
                + "%d s per round, %d rounds per store%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, CONCURRENCY, seconds,
                rounds);
        System.out.printf("%-16s %8s %9s %9s %9s %8s %22s %18s %8s %9s%n", "round", "runs", "runs/s", "p50 ms",
                "p99 ms", "left out", "heap MiB start/mid/end", "file MiB mid/end", "commits", "load avg");
        try {
            for (int r = 0; r <= rounds; r++) {
                int secs = r == 0 ? Math.max(5, seconds / 6) : seconds; // round 0 warms up both
                String tag = r == 0 ? "warm-up " : "#" + r + " ";
                round(tag + "memory", null, secs);
                round(tag + "durable", data.resolve("round-" + r), secs);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            LocalBenchmark.POOL.dispose();
        }
    }

    private static void round(String label, Path dataDir, int seconds) {
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null).withDataDir(dataDir);
        String line;
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            Map<String, Object> manifest = LocalTestSupport.manifest("bench", null, null);
            Json.maps(Json.map(manifest, "agent").get("agents")).get(0).remove("prompt_factory");
            String appId = (String) Json.map(LocalBenchmark.post(base + "/apps", cp, manifest).block().get("app"))
                    .get("id");
            List<String> keys = Flux.range(0, KEYS).concatMap(i -> LocalBenchmark.post(base + "/apps/" + appId
                    + "/keys", cp, Json.obj("requests_per_minute", KEY_RPM)).map(k -> (String) k.get("key")))
                    .collectList().block();
            AtomicInteger nextKey = new AtomicInteger();
            long heapStart = heapAfterGc();
            long commitsStart = server.store().file().commits();
            // [start, end] nanos of each successful run
            ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
            AtomicLong failures = new AtomicLong();
            long t0 = System.nanoTime();
            long deadline = t0 + seconds * 1_000_000_000L;
            long[] midGc = new long[2];
            long[] mid = new long[2]; // heap, file size
            Thread middle = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 500L);
                } catch (InterruptedException e) {
                    return;
                }
                midGc[0] = System.nanoTime();
                mid[0] = heapAfterGc();
                midGc[1] = System.nanoTime();
                mid[1] = server.store().file().fileSize();
            }, "bench-middle");
            middle.start();
            Flux.range(0, CONCURRENCY).flatMap(worker -> Mono.defer(() -> {
                long s = System.nanoTime();
                return LocalBenchmark.CLIENT.post().uri(base + "/v1/apps/" + appId + "/run")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(keys.get(Math.floorMod(nextKey.getAndIncrement(), KEYS))))
                        .bodyValue(Json.write(Json.obj("input", Json.obj("message", "m" + worker))))
                        .retrieve().bodyToMono(String.class)
                        .doOnNext(body -> {
                            if (body.contains("\"status\":\"completed\"")) {
                                samples.add(new long[] {s, System.nanoTime()});
                            } else {
                                failures.incrementAndGet();
                            }
                        })
                        .onErrorResume(e -> {
                            failures.incrementAndGet();
                            return Mono.empty();
                        });
            }).repeat(() -> System.nanoTime() < deadline), CONCURRENCY).blockLast(Duration.ofSeconds(seconds + 120L));
            double secs = (System.nanoTime() - t0) / 1e9;
            try {
                middle.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int runs = samples.size();
            List<Long> kept = new ArrayList<>(runs);
            for (long[] sample : samples) {
                boolean overlapsGc = sample[0] <= midGc[1] && sample[1] >= midGc[0];
                if (!overlapsGc) {
                    kept.add(sample[1] - sample[0]);
                }
            }
            samples.clear();
            kept.sort(null);
            long heapEnd = heapAfterGc();
            long fileEnd = server.store().file().fileSize();
            long commits = server.store().file().commits() - commitsStart;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            line = String.format("%-16s %,8d %,9.0f %9.1f %9.1f %8d %22s %18s %,8d %9.2f", label, runs, runs / secs,
                    LocalBenchmark.pct(kept, 0.50), LocalBenchmark.pct(kept, 0.99), runs - kept.size(),
                    (heapStart >> 20) + " / " + (mid[0] >> 20) + " / " + (heapEnd >> 20),
                    dataDir == null ? "-" : String.format("%.1f / %.1f", mid[1] / 1048576.0, fileEnd / 1048576.0),
                    commits, load) + (failures.get() == 0 ? "" : "  FAILED REQUESTS: " + failures.get());
        }
        long closed = dataDir == null ? 0 : dataDir.resolve(StoreFile.FILE_NAME).toFile().length();
        System.out.println(line + (dataDir == null ? "" : String.format("  (closed: %.1f MiB)", closed / 1048576.0)));
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private StoreBenchmark() {
    }
}
