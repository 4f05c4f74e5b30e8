package so.ara.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A synchronous run ({@code POST /v1/apps/{id}/run}). {@code agentId} null = the default agent. Like the Python CLI,
 * the client adds {@code run_id} (new) and {@code idempotency_key} ({@code <slugify(agent or "default-agent")>-<slugify(run_id)>})
 * to the input when absent.
 */
public record RunRequest(@Nullable String agentId, @Nullable Map<String, ?> input, RuntimeAuth auth) {

    public RunRequest {
        auth = auth != null ? auth : RuntimeAuth.DEFAULT;
    }

    public static RunRequest of(@Nullable String agentId, @Nullable Map<String, ?> input) {
        return new RunRequest(agentId, input, RuntimeAuth.DEFAULT);
    }

    public RunRequest withAuth(RuntimeAuth value) {
        return new RunRequest(this.agentId, this.input, value);
    }
}
