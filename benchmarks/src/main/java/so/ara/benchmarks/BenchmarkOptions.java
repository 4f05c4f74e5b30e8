package so.ara.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options: {@code --rounds N} (measured rounds per benchmark, default 7, at least 5), {@code --only a,b}
 * (benchmark names), {@code --rows N} (log rows per read, default 10,000), {@code --work DIR} (scratch directory); any
 * other {@code --name value} is kept for the benchmark that reads it ({@link #option}).
 */
public record BenchmarkOptions(int rounds, Set<String> only, int rows, Path work, Map<String, String> values) {

    static BenchmarkOptions parse(String[] args, Path defaultWork) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("missing value after " + args[args.length - 1]);
        }
        int rounds = Integer.parseInt(values.getOrDefault("rounds", "7"));
        if (rounds < 5) {
            throw new IllegalArgumentException("--rounds must be at least 5");
        }
        String only = values.getOrDefault("only", "");
        return new BenchmarkOptions(rounds, only.isBlank() ? Set.of() : Set.of(only.split(",")),
                Integer.parseInt(values.getOrDefault("rows", "10000")),
                Path.of(values.getOrDefault("work", defaultWork.toString())), Map.copyOf(values));
    }

    /** A benchmark's own option ({@code --name value}), or {@code fallback}. */
    public String option(String name, String fallback) {
        return this.values.getOrDefault(name, fallback);
    }

    boolean selects(String name) {
        return this.only.isEmpty() || this.only.contains(name);
    }
}
