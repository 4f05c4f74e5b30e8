package so.ara.client;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One log row of {@code GET /v1/apps/{id}/logs/stream}. Defaults as the Python SDK: timestamp from {@code timestamp}
 * or {@code created_at}, level {@code info}, run id {@code -}, event type {@code runtime.event}. {@code id} is the SSE
 * {@code id:} (else the row's {@code id}).
 *
 * <p>Rows read from a stream keep their JSON bytes: {@link #data()} and {@link #raw()} build their tree on first use,
 * so a reader that needs only the typed fields never pays for one. Equality and hash code cover every accessor.
 */
public final class LogEvent {

    private final @Nullable String id;
    private final String timestamp;
    private final String level;
    private final String runId;
    private final String eventType;
    private final String message;
    private final @Nullable Row row;
    private @Nullable JsonNode data;
    private @Nullable JsonNode raw;
    /** Set (volatile) after data and raw: true once they hold the row's trees. */
    private volatile boolean built;

    public LogEvent(@Nullable String id, String timestamp, String level, String runId, String eventType,
            String message, @Nullable JsonNode data, JsonNode raw) {
        this(id, timestamp, level, runId, eventType, message, null);
        this.data = data;
        this.raw = raw;
        this.built = true;
    }

    private LogEvent(@Nullable String id, String timestamp, String level, String runId, String eventType,
            String message, @Nullable Row row) {
        this.id = id;
        this.timestamp = timestamp;
        this.level = level;
        this.runId = runId;
        this.eventType = eventType;
        this.message = message;
        this.row = row;
    }

    /** Applies the defaults to the row's fields (null = absent). */
    static LogEvent of(@Nullable String sseId, @Nullable String rowId, @Nullable String timestamp,
            @Nullable String level, @Nullable String runId, @Nullable String eventType, @Nullable String message,
            @Nullable Row row) {
        String id = sseId != null && !sseId.isBlank() ? sseId : rowId;
        return new LogEvent(id, timestamp != null ? timestamp : "", orDefault(level, "info"), orDefault(runId, "-"),
                orDefault(eventType, "runtime.event"), orDefault(message, ""), row);
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    public @Nullable String id() {
        return this.id;
    }

    public String timestamp() {
        return this.timestamp;
    }

    public String level() {
        return this.level;
    }

    public String runId() {
        return this.runId;
    }

    public String eventType() {
        return this.eventType;
    }

    public String message() {
        return this.message;
    }

    /** The row's {@code data} (null when absent or JSON null). */
    public @Nullable JsonNode data() {
        if (!this.built) {
            build();
        }
        return this.data;
    }

    /** The whole row as read. */
    public JsonNode raw() {
        if (!this.built) {
            build();
        }
        return this.raw;
    }

    private synchronized void build() {
        if (!this.built) {
            JsonNode tree = Objects.requireNonNull(this.row).tree();
            this.data = Json.node(tree, "data");
            this.raw = tree;
            this.built = true;
        }
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

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LogEvent that && Objects.equals(this.id, that.id)
                && this.timestamp.equals(that.timestamp) && this.level.equals(that.level)
                && this.runId.equals(that.runId) && this.eventType.equals(that.eventType)
                && this.message.equals(that.message) && Objects.equals(data(), that.data())
                && Objects.equals(raw(), that.raw());
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.timestamp, this.level, this.runId, this.eventType, this.message, data(),
                raw());
    }

    @Override
    public String toString() {
        return "LogEvent[id=" + this.id + ", timestamp=" + this.timestamp + ", level=" + this.level + ", runId="
                + this.runId + ", eventType=" + this.eventType + ", message=" + this.message + ", data=" + data()
                + ", raw=" + raw() + "]";
    }

    /** A row's JSON (UTF-8), already checked to be one JSON object. */
    record Row(byte[] json) {

        JsonNode tree() {
            try {
                return AraJson.mapper().readTree(this.json);
            }
            catch (JacksonException ex) {
                // the streaming parser accepted this text, so the tree reader does too
                throw new IllegalStateException("log row no longer parses", ex);
            }
        }
    }
}
