package so.ara.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged app once and measures it: wall time from spawn to Spring Boot's {@code Started ... in} line
 * (the application is ready) and the process's resident set size ({@code VmRSS}) at that moment; then stops it.
 */
final class AppStart {

    private AppStart() {
    }

    static Figures measure(List<String> command, Map<String, String> env, Path dir) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("ARA_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        builder.environment().put("HOME", dir.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("Started ") && line.contains(" in ")) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    return new Figures(seconds, rssMiB(process.pid()));
                }
            }
            throw new IllegalStateException("app ended before it started:\n" + seen);
        }
        finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    record Figures(double seconds, double rssMiB) {
    }
}
