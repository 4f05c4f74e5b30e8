package so.ara.benchmarks.logs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

/**
 * The ceiling: the same stream counted line by line with a blocking {@link HttpURLConnection}, no JSON at all. A
 * reader cannot be faster than ara-local writes, so this bounds every ratio against the Python reader. Same protocol
 * and arguments as {@link JavaLogsReader}.
 */
public final class RawLinesReader {

    private RawLinesReader() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String slug = args[2];
        int rows = Integer.parseInt(args[4]);
        String appId = appId(baseUrl, args[1], slug);
        System.out.println("ready");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (commands.readLine() != null) {
            long start = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) URI
                    .create(baseUrl + "/v1/apps/" + appId + "/logs/stream").toURL().openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + args[3]);
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("Last-Event-ID", "0");
            int seen = 0;
            long firstRow = 0;
            long end;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (seen < rows && (line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        seen++;
                        if (firstRow == 0) {
                            firstRow = System.nanoTime() - start;
                        }
                    }
                }
                end = System.nanoTime();
            }
            finally {
                connection.disconnect();
            }
            System.out.println(seen + " " + (end - start) + " " + firstRow);
            System.out.flush();
        }
    }

    private static String appId(String baseUrl, String apiKey, String slug) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/apps").toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + apiKey);
        try (var in = connection.getInputStream()) {
            for (JsonNode app : AraJson.mapper().readTree(in).path("apps")) {
                if (slug.equals(app.path("slug").asString())) {
                    return app.path("id").asString();
                }
            }
        }
        throw new IllegalStateException("app " + slug + " not found");
    }
}
