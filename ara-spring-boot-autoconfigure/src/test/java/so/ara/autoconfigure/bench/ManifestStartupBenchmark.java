package so.ara.autoconfigure.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.manifest.AppManifest;

/**
 * Start-up cost of building the manifest for 200 agents and 200 tools: the same context (20 beans carrying the
 * declarations) started with and without the manifest auto-configuration, alternately, and the median difference
 * reported. Not a test: run it with
 * {@code mvn -q -pl ara-spring-boot-autoconfigure -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=so.ara.autoconfigure.bench.ManifestStartupBenchmark} (or any java -cp of the test classpath).
 */
public final class ManifestStartupBenchmark {

    private ManifestStartupBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ApplicationContextRunner baseline = withBeans(new ApplicationContextRunner());
        ApplicationContextRunner withAra = withBeans(new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class))
                .withPropertyValues("ara.project-name=bench"));
        long firstBaseline = time(() -> start(baseline, false));
        long firstAra = time(() -> start(withAra, true));
        List<Long> baselineTimes = new ArrayList<>();
        List<Long> araTimes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            baselineTimes.add(time(() -> start(baseline, false)));
            araTimes.add(time(() -> start(withAra, true)));
        }
        long medianBaseline = median(baselineTimes);
        long medianAra = median(araTimes);
        System.out.printf("first start (cold JVM): baseline %.1f ms, with manifest %.1f ms%n", firstBaseline / 1e6,
                firstAra / 1e6);
        System.out.printf("median of %d warm starts: baseline %.2f ms, with manifest %.2f ms, added %.2f ms"
                + " (ratio %.2f)%n", rounds, medianBaseline / 1e6, medianAra / 1e6,
                (medianAra - medianBaseline) / 1e6, (double) medianAra / medianBaseline);
    }

    private static ApplicationContextRunner withBeans(ApplicationContextRunner runner) {
        for (Class<?> bean : ManyDeclarations.BEANS) {
            runner = register(runner, bean);
        }
        return runner;
    }

    @SuppressWarnings("unchecked")
    private static <T> ApplicationContextRunner register(ApplicationContextRunner runner, Class<T> type) {
        return runner.withBean(type);
    }

    private static boolean start(ApplicationContextRunner runner, boolean expectManifest) {
        boolean[] ok = new boolean[1];
        runner.run(context -> {
            if (expectManifest) {
                AppManifest manifest = context.getBean(AppManifest.class);
                if (manifest.agents().size() != 200 || manifest.tools().size() != 200) {
                    throw new IllegalStateException("expected 200 agents and 200 tools");
                }
            }
            ok[0] = true;
        });
        return ok[0];
    }

    private static long time(Supplier<Boolean> work) {
        long start = System.nanoTime();
        if (!work.get()) {
            throw new IllegalStateException("context did not start");
        }
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
