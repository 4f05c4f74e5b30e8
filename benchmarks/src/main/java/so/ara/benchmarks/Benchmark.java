package so.ara.benchmarks;

import java.util.List;

/** One side-by-side benchmark: runs its alternating rounds and returns one table row per measure. */
public interface Benchmark {

    /** Short name used by {@code --only}. */
    String name();

    List<Ratio> run(BenchmarkOptions options) throws Exception;
}
