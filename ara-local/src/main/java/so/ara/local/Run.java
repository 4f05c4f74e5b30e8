package so.ara.local;

import java.time.Instant;
import java.util.Map;

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

    synchronized void running() {
        status = "running";
    }

    synchronized void complete(Map<String, Object> output, Instant at) {
        this.status = "completed";
        this.output = output;
        this.completedAt = at;
    }

    synchronized void fail(String message, Map<String, Object> partialOutput, Instant at) {
        this.status = "failed";
        this.error = Json.obj("message", message);
        this.output = partialOutput;
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
