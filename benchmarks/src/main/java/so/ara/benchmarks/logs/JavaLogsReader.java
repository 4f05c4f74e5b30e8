package so.ara.benchmarks.logs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.web.reactive.function.client.WebClient;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.LogStreamOptions;
import so.ara.client.RuntimeAuth;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;

/**
 * Child JVM of {@link LogsBenchmark}: for each {@code read} line on stdin, reads the first {@code rows} rows of the
 * app's log stream (from {@code Last-Event-ID: 0}) with {@link AraClient#logs} and prints
 * {@code <rows> <nanos> <nanos to the first row>}. The client is built before {@code ready} (JVM start and client
 * construction are reported apart, as the interpreter's start and the SDK's import and construction are); the first
 * read, from the first call to the last row, is the fresh-JVM figure.
 * Arguments: base URL, API key, app slug, runtime key, rows.
 */
public final class JavaLogsReader {

    private JavaLogsReader() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        String slug = args[2];
        String runtimeKey = args[3];
        int rows = Integer.parseInt(args[4]);
        // built before "ready", as the Python reader builds its SDK client: the timed read starts at the first call
        AraClient client = new AraClient(AraJson.mapper().createObjectNode().put("name", slug).put("slug", slug),
                WebClient.builder(), AraCredentials.of(baseUrl, apiKey), AraClientSettings.defaults(), null);
        LogStreamOptions options = LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey(runtimeKey))
                .withReconnect(false).withLastEventId("0");
        System.out.println("ready");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (commands.readLine() != null) {
            long start = System.nanoTime();
            long[] firstRow = { 0 };
            Long seen = client.logs(options).take(rows).doOnNext(event -> {
                if (firstRow[0] == 0) {
                    firstRow[0] = System.nanoTime() - start;
                }
            }).count().block(Duration.ofMinutes(2));
            long nanos = System.nanoTime() - start;
            System.out.println(seen + " " + nanos + " " + firstRow[0]);
            System.out.flush();
        }
        System.exit(0);
    }
}
