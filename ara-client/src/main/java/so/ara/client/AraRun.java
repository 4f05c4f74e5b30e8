package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A run object ({@code docs/local-wire.md}): ids, status ({@code queued|running|completed|failed|cancelled}),
 * response mode, input, output, error and timestamps; {@code raw} keeps the whole tree.
 */
public record AraRun(@Nullable String runId, @Nullable String appId, @Nullable String agentId,
        @Nullable String workflowId, @Nullable String status, @Nullable String responseMode, @Nullable JsonNode input,
        @Nullable JsonNode output, @Nullable JsonNode error, @Nullable String createdAt, @Nullable String completedAt,
        JsonNode raw) {

    static @Nullable AraRun from(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new AraRun(Json.text(node, "run_id"), Json.text(node, "app_id"), Json.text(node, "agent_id"),
                Json.text(node, "workflow_id"), Json.text(node, "status"), Json.text(node, "response_mode"),
                Json.node(node, "input"), Json.node(node, "output"), Json.node(node, "error"),
                Json.text(node, "created_at"), Json.text(node, "completed_at"), node);
    }

    /** {@code completed}, {@code failed} or {@code cancelled}. */
    public boolean isTerminal() {
        return "completed".equals(this.status) || "failed".equals(this.status) || "cancelled".equals(this.status);
    }

    /** {@code output.text} when present. */
    public @Nullable String outputText() {
        return Json.text(this.output, "text");
    }

    /** {@code error.message} when present. */
    public @Nullable String errorMessage() {
        return this.error != null && this.error.isObject() ? Json.text(this.error, "message")
                : (this.error != null && this.error.isString() ? this.error.asString() : null);
    }
}
