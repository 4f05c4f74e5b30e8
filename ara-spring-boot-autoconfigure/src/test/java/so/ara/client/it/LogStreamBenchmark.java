package so.ara.client.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Subscription;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.DeployOptions;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RunRequest;
import so.ara.client.RuntimeAuth;
import so.ara.credentials.AraCredentials;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * Not a test: log rows/s consumed by {@link AraClient#logs} from ara-local versus the same stream read line by line
 * with a blocking {@link HttpURLConnection} (both replay the app's ring buffer from {@code Last-Event-ID: 0}), and heap
 * with a slow subscriber (one row per millisecond). Run through {@link LogStreamBenchmarkRunner}.
 */
public final class LogStreamBenchmark {

    private LogStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null))) {
            AraCredentials credentials = AraCredentials.of(server.baseUrl(), server.apiKey());
            AraClient client = new AraClient(AraClientIntegrationTests.manifest("bench-app"), WebClient.builder(),
                    credentials, AraClientSettings.defaults(), null);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add(client.deploy(DeployOptions.defaults().withKey("bench-" + i, 2000)).block().runtimeKey());
            }
            String appId = client.appId().block();
            long t0 = System.nanoTime();
            Flux.range(0, runs).flatMap(i -> client.run(RunRequest.of("triage_agent", Map.of("message", "m" + i))
                    .withAuth(RuntimeAuth.runtimeKey(keys.get(i % keys.size())))), 8).blockLast();
            int rows = runs * 3;
            System.out.printf("prepared %,d runs (%,d log rows) in %.1f s%n", runs, rows, (System.nanoTime() - t0) / 1e9);
            String url = server.baseUrl() + "/v1/apps/" + appId + "/logs/stream";
            String key = keys.get(0);
            // warm-up, then 7 measured rounds each, alternating
            baseline(url, key, rows);
            reactive(client, key, rows);
            List<Double> base = new ArrayList<>();
            List<Double> reactive = new ArrayList<>();
            for (int round = 0; round < 7; round++) {
                base.add(baseline(url, key, rows));
                reactive.add(reactive(client, key, rows));
            }
            double b = median(base);
            double r = median(reactive);
            System.out.printf("baseline HttpURLConnection line reader: %,.0f rows/s (rounds %s)%n", b, format(base));
            System.out.printf("AraClient.logs() typed LogEvent:        %,.0f rows/s (rounds %s)%n", r, format(reactive));
            System.out.printf("ratio logs()/baseline: %.2f%n", r / b);
            slowSubscriber(client, key, Math.min(rows, 6000), 1000);
        }
    }

    static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%,.0f", v)).toList().toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    static double baseline(String url, String runtimeKey, int count) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + runtimeKey);
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Last-Event-ID", "0");
        long start = System.nanoTime();
        long end;
        int seen = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen < count && (line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    seen++;
                }
            }
            // stop the clock before closing: closing an endless stream is teardown, not reading
            end = System.nanoTime();
        }
        finally {
            connection.disconnect();
        }
        return seen / ((end - start) / 1e9);
    }

    static double reactive(AraClient client, String runtimeKey, int count) {
        long start = System.nanoTime();
        Long seen = client.logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey(runtimeKey))
                .withLastEventId("0")).take(count).count().block(Duration.ofMinutes(5));
        return seen / ((System.nanoTime() - start) / 1e9);
    }

    static double usedHeapMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** Requests one row per millisecond; prints heap (after GC) every {@code every} rows. */
    static void slowSubscriber(AraClient client, String runtimeKey, int count, int every) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<String> samples = new ArrayList<>();
        samples.add(String.format("  before: heap %.1f MiB", usedHeapMiB()));
        long start = System.nanoTime();
        client.logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey(runtimeKey)).withLastEventId("0"))
                .take(count)
                .subscribe(new BaseSubscriber<LogEvent>() {
                    @Override
                    protected void hookOnSubscribe(Subscription subscription) {
                        request(1);
                    }

                    @Override
                    protected void hookOnNext(LogEvent value) {
                        long n = received.incrementAndGet();
                        if (n % every == 0) {
                            samples.add(String.format("  after %,d rows: heap %.1f MiB", n, usedHeapMiB()));
                        }
                        try {
                            Thread.sleep(1);
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                        request(1);
                    }

                    @Override
                    protected void hookOnError(Throwable throwable) {
                        error.set(throwable);
                    }

                    @Override
                    protected void hookFinally(SignalType type) {
                        done.countDown();
                    }
                });
        done.await();
        System.out.printf("slow subscriber (request(1) per ms): %,d rows in %.1f s, error=%s%n", received.get(),
                (System.nanoTime() - start) / 1e9, error.get());
        samples.forEach(System.out::println);
    }
}
