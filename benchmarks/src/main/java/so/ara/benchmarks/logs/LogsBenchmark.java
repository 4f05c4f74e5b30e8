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
 * and of the same read in a warmed-up process, with a raw line counter as the server's ceiling. Each round runs every
 * reader once, rotating which goes first.
 */
public final class LogsBenchmark implements Benchmark {

    /** Rows a warm JVM reads before measuring: the client overtook its cold speed after about 100,000 rows. */
    private static final int JAVA_WARMUP_ROWS = 200_000;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<Ratio> run(BenchmarkOptions options) throws Exception {
        int rows = options.rows();
        AraLocalSettings settings = AraLocalSettings.defaults().withScheduleTick(null)
                .withLimits(AraLocalSettings.Limits.defaults().withMaxLogRowsPerApp(rows));
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            LogsFixture fixture = LogsFixture.seed(server, rows);
            List<String> java = java(List.of(), JavaLogsReader.class, fixture, rows);
            List<String> raw = java(List.of(), RawLinesReader.class, fixture, rows);
            List<String> python = new ArrayList<>(List.of("python3", pythonReader(options.work()).toString()));
            python.addAll(fixture.readerArguments(rows));
            Path archive = options.work().resolve("logs-reader.jsa");
            List<String> javaCds = java(List.of("-XX:SharedArchiveFile=" + archive), JavaLogsReader.class, fixture,
                    rows);

            // an AppCDS archive of the classes a read loads, dumped by a training run (also warms the server up)
            try (ChildProcess training = ChildProcess
                    .start(java(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable"),
                            JavaLogsReader.class, fixture, rows))) {
                read(training, rows);
            }
            fresh(python, rows);

            Map<String, List<Figure>> fresh = new LinkedHashMap<>();
            Map<String, List<Figure>> warm = new LinkedHashMap<>();
            for (String reader : List.of("java", "java+cds", "python")) {
                fresh.put(reader, new ArrayList<>());
            }
            for (String reader : List.of("java", "raw", "python")) {
                warm.put(reader, new ArrayList<>());
            }
            try (ChildProcess warmJava = ChildProcess.start(java); ChildProcess warmRaw = ChildProcess.start(raw);
                    ChildProcess warmPython = ChildProcess.start(python)) {
                for (int read = 0; read < Math.max(1, JAVA_WARMUP_ROWS / rows); read++) {
                    read(warmJava, rows);
                }
                read(warmRaw, rows);
                read(warmPython, rows);
                Map<String, List<String>> freshCommands = Map.of("java", java, "java+cds", javaCds, "python", python);
                Map<String, ChildProcess> warmProcesses = Map.of("java", warmJava, "raw", warmRaw, "python",
                        warmPython);
                for (int round = 0; round < options.rounds(); round++) {
                    for (String reader : rotate(List.copyOf(fresh.keySet()), round)) {
                        fresh.get(reader).add(fresh(freshCommands.get(reader), rows));
                    }
                    for (String reader : rotate(List.copyOf(warm.keySet()), round)) {
                        warm.get(reader).add(read(warmProcesses.get(reader), rows));
                    }
                    System.out.printf(Locale.ROOT, "round %d: fresh %s; warm %s%n", round + 1, last(fresh), last(warm));
                }
            }
            fresh.forEach((reader, figures) -> print("fresh " + reader, figures));
            warm.forEach((reader, figures) -> print("warm " + reader, figures));
            String first = String.format(Locale.ROOT, "first %,d rows, fresh process", rows);
            String again = String.format(Locale.ROOT, "%,d rows, warm process", rows);
            return List.of(
                    ratio(first, fresh.get("java"), fresh.get("python"), Target.atLeast(1), options),
                    ratio(first + ", AppCDS", fresh.get("java+cds"), fresh.get("python"), Target.atLeast(1), options),
                    ratio(again, warm.get("java"), warm.get("python"), Target.atLeast(5), options),
                    ratio(again + ": server ceiling (raw lines, no JSON)", warm.get("raw"), warm.get("python"),
                            Target.NONE, options));
        }
    }

    /** One read: rows per second over the whole read, and the time to its first row. */
    record Figure(double rowsPerSecond, double firstRowSeconds) {
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
            return read(child, rows);
        }
    }

    private static Figure read(ChildProcess child, int rows) throws Exception {
        String[] answer = child.ask("read").split(" ");
        long seen = Long.parseLong(answer[0]);
        if (seen != rows) {
            throw new IllegalStateException("read " + seen + " rows instead of " + rows);
        }
        return new Figure(seen / (Long.parseLong(answer[1]) / 1e9), Long.parseLong(answer[2]) / 1e9);
    }

    private static List<String> rotate(List<String> readers, int round) {
        List<String> order = new ArrayList<>(readers);
        java.util.Collections.rotate(order, -round);
        return order;
    }

    private static Path pythonReader(Path work) throws Exception {
        Path script = work.resolve("logs_reader.py");
        try (InputStream in = LogsBenchmark.class.getResourceAsStream("logs_reader.py")) {
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
        System.out.printf(Locale.ROOT, "  %-15s median %,9.0f rows/s %s; first row median %.3f s%n", label,
                Stats.median(rates(figures)), Stats.list(rates(figures)), Stats.median(firstRows));
    }
}
