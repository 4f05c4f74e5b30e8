package so.ara.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event ({@code POST /v1/apps/{id}/events}, flat body). Defaults as the Python CLI: event type
 * {@code webhook.message.received}, channel and source {@code webhook}, message {@code ""}; idempotency key
 * {@code <slugify(event_type)>-<slugify(new run id)>}, sent as {@code X-Idempotency-Key}.
 */
public record EventRequest(@Nullable String agentId, String eventType, String channel, String source, String message,
        @Nullable Map<String, ?> payload, @Nullable Map<String, ?> metadata, @Nullable String idempotencyKey,
        RuntimeAuth auth) {

    public EventRequest {
        eventType = eventType == null || eventType.isBlank() ? "webhook.message.received" : eventType;
        channel = channel == null || channel.isBlank() ? "webhook" : channel;
        source = source == null || source.isBlank() ? "webhook" : source;
        message = message != null ? message : "";
        auth = auth != null ? auth : RuntimeAuth.DEFAULT;
    }

    public static EventRequest of(@Nullable String agentId, String eventType, String message) {
        return new EventRequest(agentId, eventType, null, null, message, null, null, null, RuntimeAuth.DEFAULT);
    }

    public EventRequest withPayload(@Nullable Map<String, ?> value) {
        return new EventRequest(agentId, eventType, channel, source, message, value, metadata, idempotencyKey, auth);
    }

    public EventRequest withMetadata(@Nullable Map<String, ?> value) {
        return new EventRequest(agentId, eventType, channel, source, message, payload, value, idempotencyKey, auth);
    }

    public EventRequest withChannel(String channelValue, String sourceValue) {
        return new EventRequest(agentId, eventType, channelValue, sourceValue, message, payload, metadata,
                idempotencyKey, auth);
    }

    public EventRequest withIdempotencyKey(@Nullable String value) {
        return new EventRequest(agentId, eventType, channel, source, message, payload, metadata, value, auth);
    }

    public EventRequest withAuth(RuntimeAuth value) {
        return new EventRequest(agentId, eventType, channel, source, message, payload, metadata, idempotencyKey, value);
    }
}
