package so.ara.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import so.ara.client.AraApiException;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

/**
 * Small blocking HTTP helper for the few CLI calls the reactive client does not cover (docs/ara-reference.md §4.5: CLI config,
 * device login, whoami with an explicit key, key rotation, connect exchange, Supabase). Same error texts as docs/ara-reference.md §4.1.
 */
final class CliHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    private final boolean debug;

    CliHttp(String baseUrl, boolean debug) {
        String base = baseUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.baseUrl = base;
        this.debug = debug;
    }

    String baseUrl() {
        return this.baseUrl;
    }

    /** A call to the Ara API: {@code <METHOD> <path> failed (<status>)...} on HTTP errors. */
    JsonNode call(String method, String path, @Nullable Object body, @Nullable String bearer, Duration timeout) {
        return send(method, this.baseUrl + path, path, body, bearer, Map.of(), timeout, false);
    }

    /** A call outside Ara (Supabase): errors always include the body. */
    JsonNode external(String method, String url, @Nullable Object body, Map<String, String> headers,
            String errorPrefix) {
        try {
            return send(method, url, url, body, null, headers, Duration.ofSeconds(30), true);
        }
        catch (AraApiException ex) {
            throw new CliException(errorPrefix + " (" + ex.getStatus() + "): " + ex.getResponseBody(), ex);
        }
    }

    private JsonNode send(String method, String url, String path, @Nullable Object body, @Nullable String bearer,
            Map<String, String> headers, Duration timeout, boolean showBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(AraJson.mapper().writeValueAsString(body));
        request.method(method, publisher);
        HttpResponse<String> response;
        try {
            response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new CliException(method + " " + path + " failed (network): " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CliException(method + " " + path + " failed (network): interrupted", ex);
        }
        if (response.statusCode() >= 400) {
            throw new AraApiException(response.statusCode(), method, path, response.body(), this.debug || showBody,
                    null);
        }
        if (response.statusCode() == 204 || response.body() == null || response.body().isBlank()) {
            return AraJson.mapper().createObjectNode();
        }
        return AraJson.mapper().readTree(response.body());
    }
}
