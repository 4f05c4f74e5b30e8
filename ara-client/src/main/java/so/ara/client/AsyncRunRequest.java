package so.ara.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An asynchronous run ({@code POST /v1/apps/{id}/runs}). {@code responseMode} {@code poll} (default) or
 * {@code webhook} (then {@code callback} is required). {@code runId} defaults to a new run id,
 * {@code idempotencyKey} to {@code run-<slugify(run_id)>}.
 */
public record AsyncRunRequest(@Nullable String agentId, @Nullable Map<String, ?> input, String responseMode,
        @Nullable RunCallback callback, @Nullable String runId, @Nullable String idempotencyKey, boolean warmup,
        RuntimeAuth auth) {

    public AsyncRunRequest {
        responseMode = responseMode == null || responseMode.isBlank() ? "poll" : responseMode;
        auth = auth != null ? auth : RuntimeAuth.DEFAULT;
    }

    public static AsyncRunRequest poll(@Nullable String agentId, @Nullable Map<String, ?> input) {
        return new AsyncRunRequest(agentId, input, "poll", null, null, null, false, RuntimeAuth.DEFAULT);
    }

    public static AsyncRunRequest webhook(@Nullable String agentId, @Nullable Map<String, ?> input, RunCallback callback) {
        return new AsyncRunRequest(agentId, input, "webhook", callback, null, null, false, RuntimeAuth.DEFAULT);
    }

    public AsyncRunRequest withRunId(@Nullable String value) {
        return new AsyncRunRequest(agentId, input, responseMode, callback, value, idempotencyKey, warmup, auth);
    }

    public AsyncRunRequest withIdempotencyKey(@Nullable String value) {
        return new AsyncRunRequest(agentId, input, responseMode, callback, runId, value, warmup, auth);
    }

    public AsyncRunRequest withAuth(RuntimeAuth value) {
        return new AsyncRunRequest(agentId, input, responseMode, callback, runId, idempotencyKey, warmup, value);
    }
}
