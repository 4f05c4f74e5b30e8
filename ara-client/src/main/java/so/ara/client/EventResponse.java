package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Answer of {@code sendEvent}: {@code {"ok","event_id","run_id","duplicate"}} plus the idempotency key that was sent. */
public record EventResponse(boolean ok, @Nullable String eventId, @Nullable String runId, boolean duplicate,
        String idempotencyKey, JsonNode raw) {

    static EventResponse from(JsonNode body, String idempotencyKey) {
        return new EventResponse(Json.bool(body, "ok", true), Json.text(body, "event_id"), Json.text(body, "run_id"),
                Json.bool(body, "duplicate", false), idempotencyKey, body);
    }
}
