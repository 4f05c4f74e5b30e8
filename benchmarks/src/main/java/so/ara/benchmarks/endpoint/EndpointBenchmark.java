package so.ara.benchmarks.endpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import so.ara.benchmarks.Benchmark;
import so.ara.benchmarks.BenchmarkOptions;
import so.ara.benchmarks.Benchmarks;
import so.ara.benchmarks.Ratio;
import so.ara.benchmarks.Ratio.Target;
import so.ara.benchmarks.Stats;

/**
 * Endpoint throughput (issue 16): the packaged sample app on its embedded ara-local, warm, serving {@code GET /faq}
 * (a {@code none} endpoint: a full local run with the agent's Java prompt callback) against {@code GET
 * /actuator/health} of the same process, each driven by {@value #LOOPS} closed loops on loopback sending
 * {@value #PER_LOOP} requests each per round, alternating which goes first. Any error fails the row.
 *
 * <p>A run goes through the app's runtime key, which ara-local limits as Ara does (at most 2,000 requests a minute,
 * {@code ara.deploy.key-rpm=2000} here): the warm-up, then a new window, and the rounds stay under that, so the figure
 * is the app's throughput, not the limiter's. A sustained load above 33 runs/s gets 429s by contract. {@code
 * --warmup-windows N} repeats the warm-up over N windows (four gave the same ratio as one).
 */
public final class EndpointBenchmark implements Benchmark {

    static final int LOOPS = 8;

    static final int PER_LOOP = 25;

    /** Warm-up requests per loop: 1,200 runs, then a pause for the key's one-minute window to start again. */
    private static final int WARMUP_PER_LOOP = 150;

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public List<Ratio> run(BenchmarkOptions options) throws Exception {
        Path jar = Path.of("sample-app/target/sample-app.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with benchmarks/run.sh");
        }
        Path dir = Files.createDirectories(options.work().resolve("endpoint"));
        int port = freePort();
        Process app = start(jar, dir, port);
        try {
            String base = "http://127.0.0.1:" + port;
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put("faq", URI.create(base + "/faq?question=refund"));
            targets.put("health", URI.create(base + "/actuator/health"));
            awaitReady(app, targets.get("faq"), dir);
            LoadGenerator load = new LoadGenerator(LOOPS);
            int windows = Integer.parseInt(options.option("warmup-windows", "1"));
            for (int window = 1; window <= windows; window++) {
                for (URI uri : targets.values()) {
                    LoadGenerator.Result warm = load.run(uri, WARMUP_PER_LOOP);
                    System.out.printf(Locale.ROOT, "  warm-up %d %s: %,.0f req/s, %d errors %s%n", window,
                            uri.getPath(), warm.requestsPerSecond(), warm.errors(), warm.firstErrors());
                }
                System.out.println("  waiting 61 s for the runtime key's next rate-limit window");
                TimeUnit.SECONDS.sleep(61);
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            targets.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
            long errors = 0;
            List<String> firstErrors = new ArrayList<>();
            if (options.rounds() * PER_LOOP * LOOPS > 2000) {
                throw new IllegalArgumentException("at most " + 2000 / (PER_LOOP * LOOPS)
                        + " rounds fit in the runtime key's 2,000 requests a minute");
            }
            for (int round = 0; round < options.rounds(); round++) {
                List<String> order = new ArrayList<>(targets.keySet());
                java.util.Collections.rotate(order, -round);
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (String name : order) {
                    LoadGenerator.Result result = load.run(targets.get(name), PER_LOOP);
                    rates.get(name).add(result.requestsPerSecond());
                    errors += result.errors();
                    if (firstErrors.isEmpty()) {
                        firstErrors.addAll(result.firstErrors());
                    }
                    line.append(String.format(Locale.ROOT, " %s %,.0f req/s (%d errors)", name,
                            result.requestsPerSecond(), result.errors()));
                }
                System.out.println(line);
            }
            rates.forEach((name, list) -> System.out.printf(Locale.ROOT, "  %-6s median %,.0f req/s %s%n", name,
                    Stats.median(list), Stats.list(list)));
            if (errors > 0) {
                System.out.println("  errors: " + errors + ", first: " + firstErrors);
            }
            String measure = String.format(Locale.ROOT, "GET /faq (none endpoint, full local run) vs /actuator/health, "
                    + "%d loops, warm, %d errors", LOOPS, errors);
            return List.of(new Ratio(name(), measure, "req/s", Stats.median(rates.get("faq")),
                    Stats.median(rates.get("health")), errors == 0 ? Target.atLeast(0.5) : Target.atLeast(
                            Double.POSITIVE_INFINITY), options.rounds()));
        }
        finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static Process start(Path jar, Path dir, int port) throws IOException {
        List<String> command = List.of(Benchmarks.javaExecutable().toString(), "-jar", jar.toString(),
                "--server.port=" + port, "--logging.level.root=WARN", "--ara.deploy.key-rpm=2000");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        // a clean environment: the sample's own configuration (embedded ara-local), no credentials of this machine
        builder.environment().keySet().removeIf(key -> key.startsWith("ARA_") || key.startsWith("SPRING_"));
        builder.environment().put("HOME", dir.toString());
        return builder.start();
    }

    /** Until {@code /faq} answers 200 (the app is up and deployed to its ara-local), at most three minutes. */
    private static void awaitReady(Process app, URI faq, Path dir) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("sample app exited; see " + dir.resolve("app.log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(faq).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.println("  /faq answers: " + abbreviate(response.body()));
                    return;
                }
                last = response.statusCode() + " " + abbreviate(response.body());
            }
            catch (IOException ex) {
                last = ex.toString();
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("sample app not ready in 3 minutes: " + last);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
