package so.ara.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process driven by a line protocol: it prints {@code ready} once started, then answers each command line
 * with one result line. Stderr is inherited so failures show.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final long readyNanos;

    private ChildProcess(Process process, long startedAt) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String first = this.out.readLine();
        if (!"ready".equals(first)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not start: " + first);
        }
        this.readyNanos = System.nanoTime() - startedAt;
    }

    public static ChildProcess start(List<String> command) throws IOException {
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ChildProcess(process, startedAt);
    }

    /** Time from spawning the process to its {@code ready} line (interpreter or JVM start, imports). */
    public double readySeconds() {
        return this.readyNanos / 1e9;
    }

    public String ask(String command) throws IOException {
        this.in.write(command + "\n");
        this.in.flush();
        String answer = this.out.readLine();
        if (answer == null || answer.startsWith("error")) {
            throw new IllegalStateException("child failed on '" + command + "': " + answer);
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        try {
            this.in.close();
        }
        catch (IOException ignored) {
            // already gone
        }
        if (!this.process.waitFor(3, TimeUnit.MINUTES)) {
            this.process.destroyForcibly();
        }
    }
}
