package so.ara.benchmarks.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts an asynchronous run ({@code POST /v1/apps/{id}/runs}) every {@code period} while open, so a freshly
 * connected log tail (logs are live, without backfill) gets its first row within about one period of connecting,
 * for either CLI alike.
 */
final class RunTrigger implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-trigger");
        thread.setDaemon(true);
        return thread;
    });

    RunTrigger(String baseUrl, String appId, String agent, String runtimeKey, Duration period) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/apps/" + appId + "/runs"))
                .header("Authorization", "Bearer " + runtimeKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"" + agent + "\",\"workflow_id\":\"" + agent
                        + "\",\"input\":{\"message\":\"tick\"},\"response_mode\":\"poll\"}"))
                .build();
        this.timer.scheduleAtFixedRate(() -> this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        this.timer.shutdownNow();
    }
}
