package so.ara.client.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link LogStreamBenchmark} only with {@code -Dara.benchmark=true}; not part of the normal build. */
class LogStreamBenchmarkRunner {

    @Test
    @EnabledIfSystemProperty(named = "ara.benchmark", matches = "true")
    void run() throws Exception {
        LogStreamBenchmark.main(new String[] { System.getProperty("ara.benchmark.runs", "3000") });
    }
}
