package so.ara.local;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** A run in the shape of docs/local-wire.md "Runs". Mutable while executing; guarded by its monitor. */
final class Run {

    final String runId;
    final String appId;
    final String agentId;
    final String responseMode;
    final Object input;
    final boolean warmup;
    final String idempotencyKey;
    final Map<String, Object> callback;
    final Instant createdAt;
    /** False when the input came from an endpoint request body: it must not steer tool calls. */
    private volatile boolean trustedInput = true;
    private String status = "queued";
    private Map<String, Object> output;
    private Map<String, Object> error;
    private Instant completedAt;
    /** Told after each status change (the store persists the run); set once when the run is stored. */
    private volatile Consumer<Run> listener = run -> { };

    Run(String runId, String appId, String agentId, String responseMode, Object input, boolean warmup,
            String idempotencyKey, Map<String, Object> callback, Instant createdAt) {
        this.runId = runId;
        this.appId = appId;
        this.agentId = agentId;
        this.responseMode = responseMode;
        this.input = input;
        this.warmup = warmup;
        this.idempotencyKey = idempotencyKey;
        this.callback = callback;
        this.createdAt = createdAt;
    }

    /** Marks a run whose input came from an endpoint request body (the gateway). */
    void untrustedInput() {
        trustedInput = false;
    }

    boolean trustedInput() {
        return trustedInput;
    }

    synchronized String status() {
        return status;
    }

    synchronized boolean finished() {
        return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    void onChange(Consumer<Run> value) {
        this.listener = value;
    }

    void running() {
        synchronized (this) {
            status = "running";
        }
        listener.accept(this);
    }

    /** Completes the run; false (and nothing changes) when it already finished, e.g. failed by a stop. */
    boolean complete(Map<String, Object> output, Instant at) {
        synchronized (this) {
            if (finished()) {
                return false;
            }
            this.status = "completed";
            this.output = output;
            this.completedAt = at;
        }
        listener.accept(this);
        return true;
    }

    /** Fails the run; false (and nothing changes) when it already finished. */
    boolean fail(String message, Map<String, Object> partialOutput, Instant at) {
        synchronized (this) {
            if (finished()) {
                return false;
            }
            this.status = "failed";
            this.error = Json.obj("message", message);
            this.output = partialOutput;
            this.completedAt = at;
        }
        listener.accept(this);
        return true;
    }

    /** Fails an unfinished run without telling the listener (the store writes it); false when it had finished. */
    synchronized boolean interrupt(String message, Instant at) {
        if (finished()) {
            return false;
        }
        restore("failed", Json.obj("text", "", "tool_calls", java.util.List.of()), Json.obj("message", message), at);
        return true;
    }

    /** Sets the state read back from the store (no listener call). */
    synchronized void restore(String status, Map<String, Object> output, Map<String, Object> error, Instant at) {
        this.status = status;
        this.output = output;
        this.error = error;
        this.completedAt = at;
    }

    synchronized Map<String, Object> toMap() {
        Map<String, Object> m = Json.obj("run_id", runId, "app_id", appId, "agent_id", agentId, "workflow_id",
                agentId, "status", status, "response_mode", responseMode, "input", input, "output",
                output == null ? Json.obj() : output, "error", error, "created_at", createdAt.toString(),
                "completed_at", completedAt == null ? null : completedAt.toString());
        if (warmup) {
            m.put("warmup", true);
        }
        if (idempotencyKey != null) {
            m.put("idempotency_key", idempotencyKey);
        }
        return m;
    }
}
