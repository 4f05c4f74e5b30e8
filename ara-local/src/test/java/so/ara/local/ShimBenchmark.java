package so.ara.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import so.ara.auth.AraSignature;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark (not a unit test): one Java tool call through the generated shim on warm interpreters (the path Ara
 * runs, and ara-local's only path now) against the direct signed callback ara-local used before (a copy of that code
 * lives only here, {@link DirectCallback}), side by side in one run; then 200 concurrent runs (prompt callback + one
 * tool call each) through either path, rounds interleaved.
 *
 * <pre>
 * mvn -B -o -q -pl ara-local -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp ara-local/target/test-classes:ara-local/target/classes:$(tr : '\n' &lt; ara-local/target/bench.classpath | grep -v slf4j-simple | paste -sd:) \
 *     so.ara.local.ShimBenchmark [single-calls] [rounds] [interpreters per app]
 * </pre>
 */
public final class ShimBenchmark {

    public static void main(String[] args) {
        int single = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : so.ara.local.python.PythonSettings.defaults()
                .poolSize();
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null)
                .withPython(so.ara.local.python.PythonSettings.defaults().withPoolSize(poolSize));
        try (AraLocalServer server = AraLocalServer.start(settings);
                LocalTestSupport.CallbackServer javaApp = new LocalTestSupport.CallbackServer("bench-secret",
                        req -> req.get("path").toString().endsWith("/prompt") ? "Triage the ticket."
                                : Json.obj("id", Json.map(req.get("body")).get("ticket_id")));
                LocalHttpClient http = new LocalHttpClient()) {
            String cp = server.apiKey();
            String appId = LocalTestSupport.call(server.baseUrl(), org.springframework.http.HttpMethod.POST, "/apps",
                    LocalTestSupport.bearer(cp), LocalTestSupport.manifest("bench", javaApp.url(""), javaApp.url("")))
                    .at("app", "id");
            LocalTestSupport.call(server.baseUrl(), org.springframework.http.HttpMethod.POST, "/apps/" + appId
                    + "/secrets", LocalTestSupport.bearer(cp), Json.obj("name", "ara-java-callback", "values",
                    Json.obj("JAVA_CALLBACK_SECRET", "bench-secret")));
            LocalApp app = server.store().app(appId);
            PythonExecution shim = new PythonExecution(server.python(), server.logs());
            DirectCallback direct = new DirectCallback(http, Duration.ofSeconds(30), settings.clock());
            Map<String, Object> row = app.toolRow("lookup_ticket");
            System.out.printf("ara-local shim benchmark, %d CPUs, Java %s, Python %s, %d warm interpreters per app%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    server.python().interpreter().version(), settings.python().poolSize());

            // one tool call, sequential, alternating paths
            List<Long> viaShim = new ArrayList<>();
            List<Long> viaDirect = new ArrayList<>();
            for (int i = 0; i < single + 200; i++) {
                Map<String, Object> callArgs = Json.obj("ticket_id", "T-" + i);
                long s = System.nanoTime();
                shim.invoke(app, null, "lookup_ticket", row, callArgs).block(Duration.ofSeconds(30));
                long shimNs = System.nanoTime() - s;
                s = System.nanoTime();
                direct.invoke(app, null, "lookup_ticket", row, callArgs).block(Duration.ofSeconds(30));
                long directNs = System.nanoTime() - s;
                if (i >= 200) { // the first 200 of each are warm-up
                    viaShim.add(shimNs);
                    viaDirect.add(directNs);
                }
            }
            report("one Java tool call, direct callback (before)", viaDirect);
            report("one Java tool call, generated shim in python3", viaShim);
            System.out.printf("shim adds %.2f ms at p50, %.2f ms at p99%n", pct(viaShim, 0.5) - pct(viaDirect, 0.5),
                    pct(viaShim, 0.99) - pct(viaDirect, 0.99));

            // 200 concurrent runs: Python prompt factory + one tool call, each through either path
            RunEngine shimEngine = new RunEngine(server.store(), server.logs(), shim, shim, new BuiltinModel(), http,
                    settings);
            RunEngine directEngine = new RunEngine(server.store(), server.logs(), direct, direct, new BuiltinModel(),
                    http, settings);
            List<Long> runsShim = Collections.synchronizedList(new ArrayList<>());
            List<Long> runsDirect = Collections.synchronizedList(new ArrayList<>());
            runs(directEngine, app, 200, null);
            runs(shimEngine, app, 200, null);
            for (int r = 0; r < rounds; r++) {
                runs(directEngine, app, 200, runsDirect);
                runs(shimEngine, app, 200, runsShim);
            }
            report("200 concurrent runs, direct callbacks (before)", runsDirect);
            report("200 concurrent runs, generated shims in python3", runsShim);
            System.out.printf("p99 ratio shim/direct at 200 concurrent runs: %.2f%n",
                    pct(sorted(runsShim), 0.99) / pct(sorted(runsDirect), 0.99));
        }
    }

    static void runs(RunEngine engine, LocalApp app, int concurrency, List<Long> latencies) {
        Flux.range(0, concurrency).flatMap(i -> Mono.defer(() -> {
            long s = System.nanoTime();
            Run run = engine.create(app, null, Json.obj("message", "m" + i, "tool_calls", List.of(Json.obj("name",
                    "lookup_ticket", "args", Json.obj("ticket_id", "T-" + i)))), "sync", false, null, null, null);
            return engine.execute(app, run).doOnNext(done -> {
                if (!"completed".equals(done.status())) {
                    throw new IllegalStateException(String.valueOf(done.toMap().get("error")));
                }
                if (latencies != null) {
                    latencies.add(System.nanoTime() - s);
                }
            });
        }), concurrency).blockLast(Duration.ofMinutes(5));
    }

    static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    static void report(String what, List<Long> values) {
        List<Long> s = sorted(values);
        System.out.printf("%-50s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, s.size(), pct(s, 0.5),
                pct(s, 0.99), s.get(s.size() - 1) / 1e6);
    }

    static double pct(List<Long> values, double p) {
        List<Long> s = sorted(values);
        return s.get(Math.max(0, (int) Math.ceil(p * s.size()) - 1)) / 1e6;
    }

    /**
     * The callback path ara-local took before it ran Python (kept only for this comparison): the URL is the string
     * literal assigned to {@code ARA_CALLBACK_URL} in the source, called directly with Ara's signature.
     */
    static final class DirectCallback implements PromptBuilder, ToolInvoker {

        private static final Pattern URL = Pattern.compile(
                "(?m)^\\s*ARA_CALLBACK_URL\\s*(?::\\s*[A-Za-z_][A-Za-z0-9_.\\[\\]]*\\s*)?=\\s*(['\"])([^'\"\\r\\n]+)\\1");
        private final LocalHttpClient http;
        private final Duration timeout;
        private final Clock clock;

        DirectCallback(LocalHttpClient http, Duration timeout, Clock clock) {
            this.http = http;
            this.timeout = timeout;
            this.clock = clock;
        }

        static String callbackUrl(Object source) {
            if (!(source instanceof String s)) {
                return null;
            }
            Matcher m = URL.matcher(s);
            return m.find() ? m.group(2).trim() : null;
        }

        @Override
        public Mono<String> build(LocalApp app, String runId, String agentId, Map<String, Object> agentRow,
                Object input) {
            String url = callbackUrl(Json.map(agentRow, "prompt_factory").get("source"));
            return call(app, url, Json.obj("input", input)).map(String::valueOf);
        }

        @Override
        public Mono<Object> invoke(LocalApp app, String runId, String toolName, Map<String, Object> toolRow,
                Map<String, Object> args) {
            return call(app, callbackUrl(toolRow.get("source")), args);
        }

        private Mono<Object> call(LocalApp app, String url, Object body) {
            return Mono.defer(() -> {
                String secret = app.secretValue("JAVA_CALLBACK_SECRET");
                byte[] bytes = Json.write(body);
                long ts = clock.instant().getEpochSecond();
                String delivery = "dlv_" + LocalStore.random(20);
                Map<String, String> headers = Map.of(AraSignature.TIMESTAMP_HEADER, Long.toString(ts),
                        AraSignature.DELIVERY_ID_HEADER, delivery,
                        AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, ts, delivery, bytes));
                return http.postJson(url, headers, bytes, timeout)
                        .onErrorMap(TimeoutException.class, e -> new AgentModel.ToolFailure("timed out"))
                        .map(resp -> {
                            if (!resp.ok()) {
                                throw new AgentModel.ToolFailure("HTTP " + resp.status());
                            }
                            return Json.map(Json.parse(resp.body())).get("result");
                        });
            });
        }
    }
}
