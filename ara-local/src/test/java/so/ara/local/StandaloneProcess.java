package so.ara.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A standalone ara-local ({@link AraLocalMain}) in its own JVM, for crash and refusal tests. */
final class StandaloneProcess implements AutoCloseable {

    final Process process;
    final String url;
    final String apiKey;

    private StandaloneProcess(Process process, String url, String apiKey) {
        this.process = process;
        this.url = url;
        this.apiKey = apiKey;
    }

    static ProcessBuilder builder(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "so.ara.local.AraLocalMain", "--server.port=0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("ARA_"));
        return builder;
    }

    /** Starts and waits for the three startup lines (url, base url, key). */
    static StandaloneProcess start(String... args) throws IOException {
        Process p = builder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line1 = out.readLine();
        while (line1 != null && !line1.startsWith("ara-local listening on ")) {
            line1 = out.readLine(); // log lines of the test classpath's logging backend
        }
        out.readLine();
        String line3 = out.readLine();
        if (line1 == null || line3 == null || !line1.startsWith("ara-local listening on ")) {
            p.destroyForcibly();
            throw new IllegalStateException("ara-local did not start: " + line1);
        }
        return new StandaloneProcess(p, line1.substring("ara-local listening on ".length()),
                line3.substring("ARA_API_KEY=".length()));
    }

    /** kill -9: no shutdown hook, no close, no final commit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
