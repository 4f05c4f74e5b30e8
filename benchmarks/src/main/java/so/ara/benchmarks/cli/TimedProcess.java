package so.ara.benchmarks.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Whole-process wall times of CLI invocations. */
final class TimedProcess {

    private TimedProcess() {
    }

    /** Seconds from spawn to exit; the exit code must be one of {@code allowed}. Returns stdout too (stderr goes to the side's {@code stderr.txt}). */
    static Result run(CliSide side, List<String> args, Set<Integer> allowed) throws IOException, InterruptedException {
        java.nio.file.Path stderr = side.dir().resolve("stderr.txt");
        ProcessBuilder builder = side.process(args).redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(side.name() + " " + args + " did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!allowed.contains(process.exitValue())) {
            throw new IllegalStateException(side.name() + " " + args + " exited " + process.exitValue() + ":\n" + output
                    + java.nio.file.Files.readString(stderr));
        }
        return new Result(seconds, output);
    }

    /** Seconds from spawn to the first stdout line (the process is then ended). */
    static double untilFirstLine(CliSide side, List<String> args) throws IOException, InterruptedException {
        ProcessBuilder builder = side.process(args).redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        Process process = builder.start();
        // a stream that never yields a row ends the process (readLine then returns null) instead of hanging the run
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "first-line-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (line == null) {
                throw new IllegalStateException(side.name() + " " + args + " printed nothing");
            }
            return seconds;
        }
        finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    record Result(double seconds, String output) {
    }
}
