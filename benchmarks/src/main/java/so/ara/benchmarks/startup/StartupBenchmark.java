package so.ara.benchmarks.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import so.ara.benchmarks.Benchmark;
import so.ara.benchmarks.BenchmarkOptions;
import so.ara.benchmarks.Ratio;
import so.ara.benchmarks.Ratio.Target;
import so.ara.benchmarks.Stats;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * What the starter costs at startup (issue 16): the packaged sample app in remote mode (pointing at a running
 * ara-local, every Ara auto-configuration active) against the same jar with the Ara auto-configurations excluded
 * ({@code spring.autoconfigure.exclude}); and, separately, the app with its embedded ara-local ({@code ara.mode=local})
 * against the same baseline. Start time to the {@code Started ... in} line and VmRSS then, medians of alternating rounds.
 */
public final class StartupBenchmark implements Benchmark {

    /** Every auto-configuration of ara-spring-boot-autoconfigure (its AutoConfiguration.imports). */
    static final String ARA_AUTO_CONFIGURATIONS = String.join(",",
            "so.ara.autoconfigure.AraManifestAutoConfiguration", "so.ara.autoconfigure.AraClientAutoConfiguration",
            "so.ara.actuate.AraActuatorAutoConfiguration", "so.ara.autoconfigure.replay.AraReplayAutoConfiguration",
            "so.ara.autoconfigure.callback.AraCallbackAutoConfiguration",
            "so.ara.autoconfigure.local.AraLocalModeAutoConfiguration",
            "so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration",
            "so.ara.autoconfigure.env.AraEnvironmentSanitizingAutoConfiguration");

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<Ratio> run(BenchmarkOptions options) throws Exception {
        Path jar = Path.of("sample-app/target/sample-app.jar").toAbsolutePath();
        Path dir = Files.createDirectories(options.work().resolve("startup"));
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null))) {
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("remote", command(jar, "--ara.mode=remote"));
            variants.put("excluded", command(jar, "--ara.mode=remote",
                    "--spring.autoconfigure.exclude=" + ARA_AUTO_CONFIGURATIONS));
            variants.put("embedded", command(jar, "--ara.mode=local"));
            Map<String, String> env = Map.of("ARA_API_BASE_URL", server.baseUrl(), "ARA_API_KEY", server.apiKey());

            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            Map<String, List<Double>> rss = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(variants.keySet());
            for (int round = -1; round < options.rounds(); round++) {
                for (String variant : order) {
                    AppStart.Figures figures = AppStart.measure(variants.get(variant), env, dir);
                    if (round >= 0) {
                        seconds.computeIfAbsent(variant, k -> new ArrayList<>()).add(figures.seconds() * 1000);
                        rss.computeIfAbsent(variant, k -> new ArrayList<>()).add(figures.rssMiB());
                    }
                }
                java.util.Collections.rotate(order, 1);
            }
            for (String variant : variants.keySet()) {
                System.out.printf("%-9s start %s ms, rss %s MiB%n", variant, Stats.list(seconds.get(variant)),
                        Stats.list(rss.get(variant)));
            }
            double baseStart = Stats.median(seconds.get("excluded"));
            double baseRss = Stats.median(rss.get("excluded"));
            double remoteRss = Stats.median(rss.get("remote"));
            double embeddedRss = Stats.median(rss.get("embedded"));
            return List.of(
                    new Ratio("startup", "start, remote vs Ara excluded", "ms", Stats.median(seconds.get("remote")),
                            baseStart, Target.atMost(1.05), options.rounds()),
                    new Ratio("startup", "RSS, remote vs Ara excluded (+"
                            + String.format(java.util.Locale.ROOT, "%.1f", remoteRss - baseRss) + " MiB, target < 15)",
                            "MiB", remoteRss, baseRss, Target.atMost((baseRss + 15) / baseRss), options.rounds()),
                    new Ratio("startup", "start, embedded ara-local vs excluded", "ms",
                            Stats.median(seconds.get("embedded")), baseStart, Target.NONE, options.rounds()),
                    new Ratio("startup", "RSS, embedded ara-local vs excluded (+"
                            + String.format(java.util.Locale.ROOT, "%.1f", embeddedRss - baseRss) + " MiB)", "MiB",
                            embeddedRss, baseRss, Target.NONE, options.rounds()));
        }
    }

    private static List<String> command(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--server.port=0"));
        command.addAll(List.of(args));
        return command;
    }
}
