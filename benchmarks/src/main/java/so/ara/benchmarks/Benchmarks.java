package so.ara.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import so.ara.benchmarks.cli.CliBenchmark;
import so.ara.benchmarks.endpoint.EndpointBenchmark;
import so.ara.benchmarks.logs.LogsBenchmark;
import so.ara.benchmarks.startup.StartupBenchmark;

/**
 * Runs the side-by-side benchmarks and prints one table of ratios. Start it with {@code benchmarks/run.sh [--rounds N]
 * [--only logs]}. A new benchmark implements {@link Benchmark} and is added to {@link #BENCHMARKS}; each of its
 * measures becomes a table row (planned: CLI wall time, startup overhead, endpoint throughput).
 */
public final class Benchmarks {

    static final List<Benchmark> BENCHMARKS = List.of(new LogsBenchmark(), new CliBenchmark(), new StartupBenchmark(),
            new EndpointBenchmark());

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Files.createTempDirectory("ara-benchmarks"));
        Files.createDirectories(options.work());
        List<Ratio> rows = new ArrayList<>();
        for (Benchmark benchmark : BENCHMARKS) {
            if (options.selects(benchmark.name())) {
                System.out.println("== " + benchmark.name());
                rows.addAll(benchmark.run(options));
            }
        }
        System.out.println();
        System.out.print(RatioTable.render(rows));
    }

    /** The classpath child JVMs are started with: this JVM's own. */
    public static String classpath() {
        return System.getProperty("java.class.path");
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
