package so.ara.sample.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: 64 concurrent anonymous clients on the sample's {@code none} endpoint {@code GET /faq}, the app started
 * as its own JVM (embedded ara-local, as the README's first command runs it) so its CPU time
 * ({@code /proc/<pid>/stat} utime+stime; Python workers are child processes and not counted) is the app's alone.
 * Phases, in one run: warm-up; 30 s of plain requests; 30 s of {@code Accept: text/event-stream} requests (both paced
 * below the app key's 2000 requests a minute, so every request runs the agent and CPU per request compares like with
 * like); then 30 s unpaced, to show overload answers 429 with Retry-After and never 5xx. Prints status counts and CPU
 * ms per request; exits 1 on any 5xx.
 * <p>
 * Run (the app process gets the same classpath):
 * {@code mvn -q -pl sample-app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test -DskipTests} then
 * {@code java -cp sample-app/target/test-classes:sample-app/target/classes:$(cat /tmp/cp.txt)
 * so.ara.sample.bench.EndpointLoadBenchmark}
 */
public final class EndpointLoadBenchmark {

    static final int CLIENTS = 64;

    static final Duration PHASE = Duration.ofSeconds(30);

    /** Per client: 64 clients × one request per 2.5 s = 1,536 requests a minute, under the key's 2,000. */
    static final Duration PACE = Duration.ofMillis(2500);

    public static void main(String[] args) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("ara-endpoint-bench");
        Path log = dir.resolve("app.log");
        Process app = new ProcessBuilder(javaBinary(), "-Xmx512m", "-Duser.home=" + dir, "-cp", classpath(),
                "so.ara.sample.SupportDeskApplication", "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.jmx.enabled=false", "--ARA_API_KEY=", "--ARA_ACCESS_TOKEN=")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        int code = 0;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
            URI faq = URI.create("http://127.0.0.1:" + port + "/faq");
            awaitReady(http, faq, app, log);
            run(http, faq, "application/json", Duration.ofSeconds(5), PACE, app);
            Result plain = run(http, faq, "application/json", PHASE, PACE, app);
            Result sse = run(http, faq, "text/event-stream", PHASE, PACE, app);
            Result overload = run(http, faq, "application/json", PHASE, Duration.ZERO, app);
            System.out.println("64 clients, 30 s per phase, app JVM pid " + app.pid() + ", app log " + log);
            System.out.println(plain.describe("plain (paced)"));
            System.out.println(sse.describe("text/event-stream (paced)"));
            System.out.println(overload.describe("plain (unpaced)"));
            System.out.printf("CPU per request, event-stream / plain: %.2fx (target <= 2x)%n",
                    sse.cpuMsPerRequest() / plain.cpuMsPerRequest());
            long fiveHundreds = plain.fiveHundreds() + sse.fiveHundreds() + overload.fiveHundreds();
            System.out.println("5xx in all phases: " + fiveHundreds);
            code = fiveHundreds == 0 ? 0 : 1;
        }
        finally {
            app.destroy();
            app.waitFor();
        }
        System.exit(code);
    }

    record Result(Map<Integer, Long> statuses, long requests, long cpuMillis, long retryAfterMissing,
            Map<String, Long> errors, long medianMillis) {

        double cpuMsPerRequest() {
            return this.requests == 0 ? Double.NaN : (double) this.cpuMillis / this.requests;
        }

        long fiveHundreds() {
            return this.statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                .mapToLong(Map.Entry::getValue).sum();
        }

        String describe(String name) {
            return String.format("%-27s %6d requests, statuses %s, median %d ms, app CPU %6d ms = %.2f ms/request%s%s",
                    name, this.requests, this.statuses, this.medianMillis, this.cpuMillis, cpuMsPerRequest(),
                    this.retryAfterMissing > 0 ? ", 429 without Retry-After: " + this.retryAfterMissing : "",
                    this.errors.isEmpty() ? "" : ", client errors (status -1) " + this.errors);
        }
    }

    static Result run(HttpClient http, URI uri, String accept, Duration length, Duration pace, Process app)
            throws Exception {
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong missingRetryAfter = new AtomicLong();
        long cpuBefore = cpuMillis(app.pid());
        long end = System.nanoTime() + length.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            long offset = pace.toMillis() * i / CLIENTS;
            loops.add(clients.submit(() -> {
                sleep(offset);
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        if (status == 429 && response.headers().firstValue("Retry-After").isEmpty()) {
                            missingRetryAfter.incrementAndGet();
                        }
                    }
                    catch (IOException ex) {
                        status = -1;
                        errors.computeIfAbsent(ex.getClass().getSimpleName(), e -> new AtomicLong()).incrementAndGet();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    latencies.add((System.nanoTime() - started) / 1_000_000);
                    sleep(pace.toMillis() - (System.nanoTime() - started) / 1_000_000);
                }
            }));
        }
        for (java.util.concurrent.Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();
        long cpu = cpuMillis(app.pid()) - cpuBefore;
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((type, count) -> errorCounts.put(type, count.get()));
        List<Long> sorted = new ArrayList<>(latencies);
        java.util.Collections.sort(sorted);
        long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        return new Result(counts, total, cpu, missingRetryAfter.get(), errorCounts, median);
    }

    static void awaitReady(HttpClient http, URI uri, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(log));
            }
            try {
                int status = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException("the app did not answer 200 on " + uri + " within 3 minutes");
    }

    /** utime + stime of the process, from /proc/<pid>/stat, in ms. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / 100;
    }

    static String classpath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                entries.add(new File(URI.create(url.toString())).getPath());
            }
            return String.join(File.pathSeparator, entries);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString()); // the app runs in a temp working directory
        }
        return String.join(File.pathSeparator, entries);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
