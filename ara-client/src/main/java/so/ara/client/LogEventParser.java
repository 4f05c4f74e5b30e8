package so.ara.client;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;

/**
 * Reads one log row's JSON bytes straight into a {@link LogEvent} with Jackson's streaming parser: no tree per row
 * (building a {@code JsonNode} for every row dominated the log stream's profile). The bytes are kept so
 * {@link LogEvent#data()} and {@link LogEvent#raw()} can be built on first use. Semantics are those of reading the row
 * as a tree: the whole text must be one JSON object (else the row is skipped), unknown fields are ignored, a later
 * duplicate field wins, and a field counts only when it holds a scalar.
 */
final class LogEventParser {

    /**
     * The shared mapper's factory with a thread-local buffer pool: the default pool's concurrent deque cost about 6 %
     * of a warm read, taken and returned once per row (rows are parsed on a few event-loop threads).
     */
    private static final TokenStreamFactory FACTORY = ((JsonFactory) AraJson.mapper().tokenStreamFactory()).rebuild()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private static final int ID = 0;
    private static final int TIMESTAMP = 1;
    private static final int CREATED_AT = 2;
    private static final int LEVEL = 3;
    private static final int RUN_ID = 4;
    private static final int EVENT_TYPE = 5;
    private static final int MESSAGE = 6;
    private static final String[] NAMES = { "id", "timestamp", "created_at", "level", "run_id", "event_type",
            "message" };

    private LogEventParser() {
    }

    /** The row as an event, or null when {@code json} is not a single JSON object. */
    static @Nullable LogEvent parse(@Nullable String sseId, String json) {
        return parse(sseId, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The row (UTF-8 JSON, kept by the event) as an event, or null when it is blank or not a single JSON object.
     * Whitespace around the object is JSON whitespace, as the reader of a stripped text sees it.
     */
    static @Nullable LogEvent parse(@Nullable String sseId, byte[] json) {
        String[] fields = new String[NAMES.length];
        boolean numbers = false;
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                int field = field(name);
                if (field < 0) {
                    parser.skipChildren();
                }
                else if (value == JsonToken.VALUE_STRING) {
                    fields[field] = parser.getString();
                }
                else {
                    // null and containers count as absent; numbers and booleans are read below as the tree reads them
                    fields[field] = null;
                    numbers |= value.isScalarValue() && value != JsonToken.VALUE_NULL;
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
        }
        catch (JacksonException ex) {
            return null;
        }
        LogEvent.Row row = new LogEvent.Row(json);
        if (numbers) {
            JsonNode tree = row.tree();
            for (int i = 0; i < NAMES.length; i++) {
                fields[i] = Json.text(tree, NAMES[i]);
            }
        }
        return LogEvent.of(sseId, fields[ID], fields[TIMESTAMP] != null ? fields[TIMESTAMP] : fields[CREATED_AT],
                fields[LEVEL], fields[RUN_ID], fields[EVENT_TYPE], fields[MESSAGE], row);
    }

    private static int field(String name) {
        return switch (name) {
            case "id" -> ID;
            case "timestamp" -> TIMESTAMP;
            case "created_at" -> CREATED_AT;
            case "level" -> LEVEL;
            case "run_id" -> RUN_ID;
            case "event_type" -> EVENT_TYPE;
            case "message" -> MESSAGE;
            default -> -1;
        };
    }
}
