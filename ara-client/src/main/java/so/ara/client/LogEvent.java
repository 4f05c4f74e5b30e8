package so.ara.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One log row of {@code GET /v1/apps/{id}/logs/stream}. Defaults as the Python SDK: timestamp from {@code timestamp}
 * or {@code created_at}, level {@code info}, run id {@code -}, event type {@code runtime.event}. {@code id} is the SSE
 * {@code id:} (else the row's {@code id}).
 */
public record LogEvent(@Nullable String id, String timestamp, String level, String runId, String eventType,
        String message, @Nullable JsonNode data, JsonNode raw) {

    static LogEvent from(@Nullable String sseId, JsonNode row) {
        String id = sseId != null && !sseId.isBlank() ? sseId : Json.text(row, "id");
        String timestamp = Json.text(row, "timestamp") != null ? Json.text(row, "timestamp")
                : (Json.text(row, "created_at") != null ? Json.text(row, "created_at") : "");
        return new LogEvent(id, timestamp, orDefault(Json.text(row, "level"), "info"),
                orDefault(Json.text(row, "run_id"), "-"), orDefault(Json.text(row, "event_type"), "runtime.event"),
                orDefault(Json.text(row, "message"), ""), Json.node(row, "data"), row);
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** {@code run.completed} or {@code run.failed}. */
    public boolean isTerminal() {
        return "run.completed".equals(this.eventType) || "run.failed".equals(this.eventType);
    }

    /** The reference's printed line: {@code <timestamp> <LEVEL> run=<run_id> event=<event_type> <message>}, trimmed. */
    public String format() {
        return (this.timestamp + " " + this.level.toUpperCase(Locale.ROOT) + " run=" + this.runId + " event="
                + this.eventType + " " + this.message).strip();
    }
}
