package so.ara.benchmarks.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import so.ara.benchmarks.Benchmark;
import so.ara.benchmarks.BenchmarkOptions;
import so.ara.benchmarks.Ratio;
import so.ara.benchmarks.Ratio.Target;
import so.ara.benchmarks.Stats;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * The sample app's CLI against the Python SDK's {@code ara} CLI (issue 16): whole-process wall time of {@code run},
 * {@code run-status}, {@code events}, {@code deploy} and the time to the first row of {@code logs}, both against one
 * ara-local with the sample's manifest deployed (the Python side deploys the identical manifest JSON through its
 * {@code App}). Java runs as the README tells users: {@code sample-app/ara} (extracted jar + the build's CDS archive;
 * {@code --java-cli jar} for plain {@code java -jar sample-app.jar ara ...}). Python runs from {@code --python-sdk DIR}
 * ({@code PYTHONPATH=DIR python3 -m ara_sdk}); without it the Python side is reported as skipped. Each round runs
 * every command once per side, alternating which side goes first. The sample's agents build their prompt in Java, so
 * without the app serving its callback a run ends {@code failed}: same requests for both sides (the Java CLI then
 * exits 1, the Python CLI 0).
 */
public final class CliBenchmark implements Benchmark {

    private static final Pattern RUNTIME_KEY = Pattern.compile("\"runtime_key\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern APP_ID = Pattern.compile("\"app_id\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String name() {
        return "cli";
    }

    @Override
    public List<Ratio> run(BenchmarkOptions options) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String pythonSdk = options.option("python-sdk", "");
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null))) {
            Map<String, String> env = Map.of("ARA_API_BASE_URL", server.baseUrl(), "ARA_API_KEY", server.apiKey());
            CliSide java = javaSide(root, options, env);
            TimedProcess.Result manifest = TimedProcess.run(java, List.of("manifest"), Set.of(0));
            CliSide python = pythonSdk.isBlank() ? null : pythonSide(Path.of(pythonSdk), options, env, manifest.output());
            String runtimeKey = find(RUNTIME_KEY, TimedProcess.run(java,
                    List.of("deploy", "--key-name", "bench-cli", "--rpm", "2000"), Set.of(0)).output());
            String firstRun = TimedProcess.run(java, List.of("run", "--agent", "triage", "--message",
                    "Printer on fire", "--runtime-key", runtimeKey), Set.of(0, 1)).output();
            String runId = find(RUN_ID, firstRun);
            String appId = find(APP_ID, firstRun);
            String triggerKey = find(RUNTIME_KEY, TimedProcess.run(java,
                    List.of("deploy", "--key-name", "bench-trigger", "--rpm", "2000"), Set.of(0)).output());

            Map<String, Measure> measures = new LinkedHashMap<>();
            measures.put("run", new Measure(List.of("run", "--agent", "triage", "--message", "Printer on fire",
                    "--runtime-key", runtimeKey), Set.of(0, 1), false, 3));
            measures.put("run-status", new Measure(List.of("run-status", "--run-id", runId, "--runtime-key",
                    runtimeKey), Set.of(0), false, 3));
            measures.put("events", new Measure(List.of("events", "--message", "hi", "--runtime-key", runtimeKey),
                    Set.of(0), false, 3));
            measures.put("logs first row", new Measure(List.of("logs", "--runtime-key", runtimeKey), Set.of(0), true, 3));
            measures.put("deploy", new Measure(List.of("deploy"), Set.of(0), false, 4));

            List<CliSide> sides = python == null ? List.of(java) : List.of(java, python);
            Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
            try (RunTrigger trigger = new RunTrigger(server.baseUrl(), appId, "triage", triggerKey,
                    Duration.ofMillis(50))) {
                measureRound(measures, sides, 0, null);
                for (int round = 0; round < options.rounds(); round++) {
                    measureRound(measures, sides, round, figures);
                }
            }
            List<Ratio> rows = new ArrayList<>();
            for (Map.Entry<String, Measure> measure : measures.entrySet()) {
                List<Double> javaMs = figures.get(measure.getKey()).get(java.name());
                List<Double> pythonMs = python == null ? null : figures.get(measure.getKey()).get(python.name());
                System.out.printf("%-15s java %s ms%s%n", measure.getKey(), Stats.list(javaMs),
                        pythonMs == null ? "" : ", python " + Stats.list(pythonMs) + " ms");
                rows.add(new Ratio("cli", measure.getKey() + (python == null ? " (no Python SDK)" : ""), "ms",
                        Stats.median(javaMs), pythonMs == null ? Double.NaN : Stats.median(pythonMs),
                        Target.atMost(measure.getValue().target()), options.rounds()));
            }
            return rows;
        }
    }

    /** One round: every measure once per side, alternating which side goes first; {@code figures} null = warm-up. */
    private static void measureRound(Map<String, Measure> measures, List<CliSide> sides, int round,
            Map<String, Map<String, List<Double>>> figures) throws Exception {
        for (Map.Entry<String, Measure> measure : measures.entrySet()) {
            List<CliSide> order = new ArrayList<>(sides);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (CliSide side : order) {
                Measure m = measure.getValue();
                double seconds = m.firstLine() ? TimedProcess.untilFirstLine(side, m.args())
                        : TimedProcess.run(side, m.args(), m.exitCodes()).seconds();
                if (figures != null) {
                    figures.computeIfAbsent(measure.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(side.name(), k -> new ArrayList<>()).add(seconds * 1000);
                }
            }
        }
    }

    private static CliSide javaSide(Path root, BenchmarkOptions options, Map<String, String> env) throws Exception {
        Path dir = Files.createDirectories(options.work().resolve("cli-java"));
        boolean jar = "jar".equals(options.option("java-cli", "launcher"));
        List<String> prefix = jar
                ? List.of("java", "-jar", root.resolve("sample-app/target/sample-app.jar").toString(), "ara")
                : List.of(root.resolve("sample-app/ara").toString());
        return new CliSide(jar ? "java -jar" : "java", prefix, List.of(), env, dir);
    }

    private static CliSide pythonSide(Path sdk, BenchmarkOptions options, Map<String, String> env, String manifest)
            throws Exception {
        Path dir = Files.createDirectories(options.work().resolve("cli-python"));
        Path script = dir.resolve("manifest_app.py");
        try (InputStream in = CliBenchmark.class.getResourceAsStream("manifest_app.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path manifestFile = Files.writeString(dir.resolve("manifest.json"), manifest);
        Map<String, String> pythonEnv = new LinkedHashMap<>(env);
        pythonEnv.put("PYTHONPATH", sdk.toAbsolutePath().toString());
        pythonEnv.put("ARA_BENCH_MANIFEST", manifestFile.toString());
        return new CliSide("python", List.of("python3", "-m", "ara_sdk"), List.of(script.toString()), pythonEnv, dir);
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in:\n" + output);
        }
        return matcher.group(1);
    }

    /** One CLI invocation to time: whole process, or until its first stdout line; target ratio at most. */
    private record Measure(List<String> args, Set<Integer> exitCodes, boolean firstLine, double target) {
    }
}
