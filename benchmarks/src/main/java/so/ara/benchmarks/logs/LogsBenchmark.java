package so.ara.benchmarks.logs;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import so.ara.benchmarks.Benchmark;
import so.ara.benchmarks.BenchmarkOptions;
import so.ara.benchmarks.Benchmarks;
import so.ara.benchmarks.ChildProcess;
import so.ara.benchmarks.Ratio;
import so.ara.benchmarks.Ratio.Target;
import so.ara.benchmarks.Stats;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * {@code AraClient.logs()} against the Python SDK's way of reading the same ara-local stream (issue 16): rows/s of
 * the first {@code rows} rows in a fresh process (a new JVM / interpreter each round, timed from the client's
 * construction to the last row; process start and Python's imports excluded), with and without an AppCDS archive,
 * and of the same read in a warmed-up process, with a raw line counter as the server's ceiling; the warm reads are
 * repeated against a canned replay of the same bytes, which measures the clients alone. Each round runs every reader
 * once, rotating which goes first.
 */
public final class LogsBenchmark implements Benchmark {

    /**
     * Rows a warm JVM reads before measuring: reading 10,000-row streams back to back, the client reached its steady
     * speed (the C2-compiled read loop) after 20 to 30 reads, at 111k, 148k, then about 500k rows/s at reads 10, 20
     * and 30; 200,000 rows left some rounds short of it.
     */
    private static final int JAVA_WARMUP_ROWS = 600_000;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<Ratio> run(BenchmarkOptions options) throws Exception {
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null)
                .withLimits(AraLocalSettings.Limits.defaults().withMaxLogRowsPerApp(options.rows()));
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            LogsFixture fixture = LogsFixture.seed(server, options.rows());
            try (CannedLogServer canned = CannedLogServer.capture(fixture, options.rows())) {
                return measure(options, fixture, fixture.at(canned.baseUrl()));
            }
        }
    }

    private List<Ratio> measure(BenchmarkOptions options, LogsFixture fixture, LogsFixture canned) throws Exception {
        int rows = options.rows();
        Path archive = options.work().resolve("logs-reader.jsa");
        Map<String, List<String>> freshCommands = new LinkedHashMap<>();
        freshCommands.put("java", java(List.of(), JavaLogsReader.class, fixture, rows));
        freshCommands.put("java+cds", java(List.of("-XX:SharedArchiveFile=" + archive), JavaLogsReader.class,
                fixture, rows));
        freshCommands.put("python", python(options, fixture, rows));
        Map<String, List<String>> warmCommands = new LinkedHashMap<>();
        warmCommands.put("java", freshCommands.get("java"));
        warmCommands.put("raw", java(List.of(), RawLinesReader.class, fixture, rows));
        warmCommands.put("python", freshCommands.get("python"));
        warmCommands.put("java canned", java(List.of(), JavaLogsReader.class, canned, rows));
        warmCommands.put("raw canned", java(List.of(), RawLinesReader.class, canned, rows));
        warmCommands.put("python canned", python(options, canned, rows));

        // an AppCDS archive of the classes a read loads, dumped by a training run (which also warms the server up)
        try (ChildProcess training = ChildProcess.start(java(
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable"), JavaLogsReader.class, fixture, rows))) {
            read(training, rows);
        }
        fresh(freshCommands.get("python"), rows);

        Map<String, List<Figure>> fresh = figures(freshCommands.keySet());
        Map<String, List<Figure>> warm = figures(warmCommands.keySet());
        Map<String, ChildProcess> warmProcesses = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<String>> reader : warmCommands.entrySet()) {
                ChildProcess process = ChildProcess.start(reader.getValue());
                warmProcesses.put(reader.getKey(), process);
                int warmupReads = reader.getKey().startsWith("java") ? Math.max(1, JAVA_WARMUP_ROWS / rows) : 1;
                for (int read = 0; read < warmupReads; read++) {
                    read(process, rows);
                }
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (String reader : rotate(List.copyOf(fresh.keySet()), round)) {
                    fresh.get(reader).add(fresh(freshCommands.get(reader), rows));
                }
                for (String reader : rotate(List.copyOf(warm.keySet()), round)) {
                    warm.get(reader).add(read(warmProcesses.get(reader), rows));
                }
                System.out.printf(Locale.ROOT, "round %d:%n  fresh %s%n  warm  %s%n", round + 1, last(fresh),
                        last(warm));
            }
        }
        finally {
            for (ChildProcess process : warmProcesses.values()) {
                process.close();
            }
        }
        fresh.forEach((reader, figures) -> print("fresh " + reader, figures));
        warm.forEach((reader, figures) -> print("warm " + reader, figures));
        System.out.println("  python side: " + pythonLabel() + "; fresh = from the first logs() call on a client built "
                + "before the timed read, in a new process, to the last row (process start, imports and client "
                + "construction excluded, reported as 'ready')");
        String first = String.format(Locale.ROOT, "first %,d rows, fresh process (first call to last row)", rows);
        String again = String.format(Locale.ROOT, "%,d rows, warm process", rows);
        return List.of(
                ratio(first, fresh.get("java"), fresh.get("python"), Target.atLeast(1), options),
                ratio(first + ", AppCDS", fresh.get("java+cds"), fresh.get("python"), Target.atLeast(1), options),
                ratio(again, warm.get("java"), warm.get("python"), Target.atLeast(5), options),
                ratio(again + ": ara-local ceiling (raw lines, no JSON)", warm.get("raw"), warm.get("python"),
                        Target.NONE, options),
                ratio(again + ", canned stream (client cost only)", warm.get("java canned"),
                        warm.get("python canned"), Target.atLeast(5), options),
                ratio(again + ", canned stream: raw lines, no JSON", warm.get("raw canned"),
                        warm.get("python canned"), Target.NONE, options));
    }

    private static Map<String, List<Figure>> figures(java.util.Collection<String> readers) {
        Map<String, List<Figure>> figures = new LinkedHashMap<>();
        readers.forEach(reader -> figures.put(reader, new ArrayList<>()));
        return figures;
    }

    private static List<String> python(BenchmarkOptions options, LogsFixture fixture, int rows) throws Exception {
        Path sdk = pythonSdk();
        List<String> command = new ArrayList<>();
        if (sdk != null) {
            command.addAll(List.of("env", "PYTHONPATH=" + sdk, "python3",
                    pythonReader(options.work(), "logs_reader_sdk.py").toString()));
        }
        else {
            command.addAll(List.of("python3", pythonReader(options.work(), "logs_reader.py").toString()));
        }
        command.addAll(fixture.readerArguments(rows));
        return command;
    }

    /**
     * The directory holding the real Python SDK's {@code ara_sdk} package: {@code ARA_PYSDK}, else {@code /work/pysdk};
     * null when absent (the stdlib re-implementation of its reader is used then, and the table says so).
     */
    static Path pythonSdk() {
        String configured = System.getenv("ARA_PYSDK");
        Path dir = Path.of(configured != null && !configured.isBlank() ? configured : "/work/pysdk");
        return Files.isDirectory(dir.resolve("ara_sdk")) ? dir : null;
    }

    private static String pythonLabel() {
        return pythonSdk() != null ? "ara_sdk AraClient.logs()" : "stdlib re-implementation of the SDK reader";
    }

    /**
     * One read: rows per second over the whole read, the time to its first row, and the process's start to
     * {@code ready} (JVM or interpreter start, imports, client construction; 0 for reads in a warm process).
     */
    record Figure(double rowsPerSecond, double firstRowSeconds, double readySeconds) {
    }

    private Ratio ratio(String measure, List<Figure> subject, List<Figure> baseline, Target target,
            BenchmarkOptions options) {
        return new Ratio(name(), measure, "rows/s", Stats.median(rates(subject)), Stats.median(rates(baseline)), target,
                options.rounds());
    }

    private static List<String> java(List<String> flags, Class<?> main, LogsFixture fixture, int rows) {
        List<String> command = new ArrayList<>();
        command.add(Benchmarks.javaExecutable().toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", Benchmarks.classpath(), main.getName()));
        command.addAll(fixture.readerArguments(rows));
        return command;
    }

    private static Figure fresh(List<String> command, int rows) throws Exception {
        try (ChildProcess child = ChildProcess.start(command)) {
            Figure read = read(child, rows);
            return new Figure(read.rowsPerSecond(), read.firstRowSeconds(), child.readySeconds());
        }
    }

    private static Figure read(ChildProcess child, int rows) throws Exception {
        String[] answer = child.ask("read").split(" ");
        long seen = Long.parseLong(answer[0]);
        if (seen != rows) {
            throw new IllegalStateException("read " + seen + " rows instead of " + rows);
        }
        return new Figure(seen / (Long.parseLong(answer[1]) / 1e9), Long.parseLong(answer[2]) / 1e9, 0);
    }

    private static List<String> rotate(List<String> readers, int round) {
        List<String> order = new ArrayList<>(readers);
        java.util.Collections.rotate(order, -round);
        return order;
    }

    private static Path pythonReader(Path work, String name) throws Exception {
        Path script = work.resolve(name);
        try (InputStream in = LogsBenchmark.class.getResourceAsStream(name)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private static List<Double> rates(List<Figure> figures) {
        return figures.stream().map(Figure::rowsPerSecond).toList();
    }

    private static String last(Map<String, List<Figure>> figures) {
        List<String> parts = new ArrayList<>();
        figures.forEach((reader, list) -> {
            Figure f = list.get(list.size() - 1);
            parts.add(String.format(Locale.ROOT, "%s %,.0f rows/s (first row %.2f s)", reader, f.rowsPerSecond(),
                    f.firstRowSeconds()));
        });
        return String.join(", ", parts);
    }

    private static void print(String label, List<Figure> figures) {
        List<Double> firstRows = figures.stream().map(Figure::firstRowSeconds).toList();
        double ready = Stats.median(figures.stream().map(Figure::readySeconds).toList());
        System.out.printf(Locale.ROOT, "  %-15s median %,9.0f rows/s %s; first row median %.3f s%s%n", label,
                Stats.median(rates(figures)), Stats.list(rates(figures)), Stats.median(firstRows),
                ready > 0 ? String.format(Locale.ROOT, "; process start to ready (not timed above) %.3f s", ready) : "");
    }
}
