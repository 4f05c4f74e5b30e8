package so.ara.spec;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code event_envelope(...)}: an inbound event with a run id and an idempotency key filled in when absent
 * ({@code <slug(event_type)>-<slug(run_id)>}).
 */
public record EventEnvelope(Event event) {

    public static EventEnvelope of(String eventType, String message, Map<String, ?> payload, Map<String, ?> metadata) {
        return of(eventType, "api", "api", message, payload, metadata);
    }

    public static EventEnvelope of(String eventType, String source, String channel, String message,
            Map<String, ?> payload, Map<String, ?> metadata) {
        String type = Normalized.text(eventType);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("event_envelope() requires a non-empty event_type");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        if (metadata != null) {
            meta.putAll(metadata);
        }
        String runId = text(meta.get("run_id"));
        if (runId.isEmpty()) {
            runId = RunIds.newRunId();
        }
        meta.put("run_id", runId);
        String idempotencyKey = text(meta.get("idempotency_key"));
        meta.put("idempotency_key", idempotencyKey.isEmpty()
                ? Slugify.slugify(type) + "-" + Slugify.slugify(runId) : idempotencyKey);
        Map<String, Object> body = payload == null ? Map.of() : new LinkedHashMap<>(payload);
        return new EventEnvelope(new Event(type, source, channel, message == null ? "" : message, body, meta));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    @JsonPropertyOrder({ "type", "source", "channel", "message", "payload", "metadata" })
    public record Event(String type, String source, String channel, String message, Map<String, Object> payload,
            Map<String, Object> metadata) {
    }
}
