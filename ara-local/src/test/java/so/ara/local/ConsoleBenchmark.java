package so.ara.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import so.ara.spec.RunIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Benchmark (not a unit test): with 10,000 runs stored, how fast the console's runs page and a run page load in
 * headless Chromium on loopback, by the browser's own navigation timing and the page's render marks
 * ({@code console:runs-rendered}, {@code console:run-rendered}: the data fetched and the DOM built).
 *
 * <pre>
 * mvn -B -o -q -pl ara-local -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp ara-local/target/test-classes:ara-local/target/classes:$(tr : '\n' < ara-local/target/bench.classpath | grep -v slf4j-simple | paste -sd:) \
 *     so.ara.local.ConsoleBenchmark [runs=10000] [rounds=15]
 * </pre>
 */
public final class ConsoleBenchmark {

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        if (ConsoleBrowser.unavailableReason() != null) {
            System.err.println(ConsoleBrowser.unavailableReason());
            System.exit(2);
        }
        AraLocalSettings settings = LocalTestSupport.testSettings().withLimits(AraLocalSettings.Limits.defaults()
                .withMaxRuns(runs * 2));
        Path profile = Files.createTempDirectory("console-bench");
        try (ConsoleFixture fx = new ConsoleFixture(settings)) {
            long t0 = System.nanoTime();
            int real = Math.min(runs, 300);
            seed(fx, runs - real);
            // the newest runs go through the console's own API and the run engine (a third with a tool call)
            List<String> ids = Flux.range(0, real)
                    .flatMap(i -> Mono.fromCallable(() -> startRun(fx, i)).subscribeOn(Schedulers.boundedElastic()), 8)
                    .collectList().block();
            while (!ids.stream().allMatch(id -> fx.server.store().run(id).finished())) {
                Thread.onSpinWait();
            }
            String[] oldestSeen = {null};
            fx.server.store().forEachRunNewestFirst(run -> {
                oldestSeen[0] = run.runId;
                return true;
            });
            String oldest = oldestSeen[0];
            System.out.printf("stored %d runs (%d seeded into the store with their log rows, %d run through the API) "
                    + "in %.1f s%n", fx.server.store().runCount(), runs - real, real, (System.nanoTime() - t0) / 1e9);
            System.out.println("load average before: " + loadAverage());
            apiTiming(fx, "/auth/cli/config"); // baseline: the cheapest route of the same server
            apiTiming(fx, "/console/api/runs");
            apiTiming(fx, "/console/api/runs?status=failed&agent=triage_agent");
            apiTiming(fx, "/console/api/runs/" + ids.get(ids.size() - 1 - ((ids.size() - 1) % 3)));
            String recent = ids.get(ids.size() - 1 - ((ids.size() - 1) % 3));
            ChromeDriver browser = ConsoleBrowser.start(profile, 1280, 1000);
            try {
                browser.get(fx.server.consoleUrl());
                measure(browser, fx.base + "/console/runs", "console:runs-rendered", 3); // warm-up
                measure(browser, fx.base + "/console/runs/" + recent, "console:run-rendered", 3);
                report("runs page (newest 50 of " + runs + ")",
                        measure(browser, fx.base + "/console/runs", "console:runs-rendered", rounds));
                report("runs page filtered (status=failed, agent=triage_agent)", measure(browser, fx.base
                        + "/console/runs?status=failed&agent=triage_agent", "console:runs-rendered", rounds));
                report("run page (a recent run with a tool call)",
                        measure(browser, fx.base + "/console/runs/" + recent, "console:run-rendered", rounds));
                report("run page (the oldest run)",
                        measure(browser, fx.base + "/console/runs/" + oldest, "console:run-rendered", rounds));
            } finally {
                browser.quit();
            }
            System.out.println("load average after: " + loadAverage());
        }
    }

    /**
     * Runs stored as the engine stores them (created, started, prompt built, completed, with the same log rows),
     * without executing them, so 10,000 runs take seconds instead of minutes.
     */
    private static void seed(ConsoleFixture fx, int count) {
        LocalApp app = fx.server.store().app(fx.appId);
        for (int i = 0; i < count; i++) {
            Instant at = Instant.now();
            Run run = new Run(RunIds.newRunId(Clock.systemUTC()), app.id, "triage_agent",
                    "poll", Json.obj("message", "seed " + i), false, null, null, at);
            fx.server.store().putRun(run);
            run.running();
            fx.server.logs().publish(app.id, run.runId, "run.started", "Run started",
                    Json.obj("agent_id", "triage_agent"));
            fx.server.logs().publish(app.id, run.runId, "run.prompt.built", "Prompt built",
                    Json.obj("agent_id", "triage_agent", "prompt_chars", 20, "prompt", "Triage this ticket: seed"));
            boolean failed = i % 10 == 0;
            if (failed) {
                run.fail("seeded failure", Json.obj("text", "", "tool_calls", List.of()), at);
            } else {
                run.complete(Json.obj("text", "[triage_agent] seed " + i, "tool_calls", List.of()), at);
            }
            fx.server.logs().publish(app.id, run.runId, failed ? "run.failed" : "run.completed",
                    failed ? "seeded failure" : "Run completed", Json.obj("agent_id", "triage_agent"));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + Runtime.getRuntime()
                    .availableProcessors() + " CPUs)";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Server time of a console API call over loopback (median and max of 50, after 20 warm-up calls). */
    private static void apiTiming(ConsoleFixture fx, String path) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long t = System.nanoTime();
            if (fx.get(path).status() != 200) {
                throw new IllegalStateException(path + " failed");
            }
            if (i >= 20) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(ms);
        System.out.printf("GET %s: min %.1f ms, median %.1f ms, max %.1f ms (Java client, loopback)%n", path,
                ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
    }

    /** Every third run calls a tool, so run pages have timelines with tool calls. */
    private static String startRun(ConsoleFixture fx, int i) {
        Object input = i % 3 == 0 ? ConsoleFixture.toolCallsInput("bench " + i, "T-" + i)
                : Json.obj("message", "bench " + i);
        return fx.post("/console/api/apps/" + fx.appId + "/runs", Json.obj("input", input)).at("run_id");
    }

    /** Per navigation: [responseEnd, domContentLoadedEventEnd, loadEventEnd, render mark], ms from navigation start. */
    private static List<double[]> measure(ChromeDriver browser, String url, String mark, int rounds) {
        List<double[]> out = new ArrayList<>();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(5));
        for (int i = 0; i < rounds; i++) {
            browser.get(url);
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return performance.getEntriesByName(arguments[0]).length > 0", mark)));
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return performance.getEntriesByType('navigation')[0].loadEventEnd > 0")));
            @SuppressWarnings("unchecked")
            List<Number> t = (List<Number>) browser.executeScript("const n = performance.getEntriesByType("
                    + "'navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd, "
                    + "performance.getEntriesByName(arguments[0])[0].startTime];", mark);
            out.add(new double[] {t.get(0).doubleValue(), t.get(1).doubleValue(), t.get(2).doubleValue(),
                    t.get(3).doubleValue()});
        }
        return out;
    }

    private static void report(String what, List<double[]> samples) {
        String[] names = {"responseEnd", "domContentLoaded", "loadEventEnd", "rendered (mark)"};
        StringBuilder sb = new StringBuilder(what).append(" over ").append(samples.size()).append(" loads:");
        for (int k = 0; k < names.length; k++) {
            List<Double> v = new ArrayList<>();
            for (double[] s : samples) {
                v.add(s[k]);
            }
            Collections.sort(v);
            sb.append(String.format("%n    %-17s min %6.1f ms   median %6.1f ms   max %6.1f ms", names[k], v.get(0),
                    v.get(v.size() / 2), v.get(v.size() - 1)));
        }
        System.out.println(sb);
    }
}
