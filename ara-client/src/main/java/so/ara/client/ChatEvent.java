package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event of the {@code /chat} SSE stream (docs/ara-reference.md §8), dispatched on {@code type}: {@code text-delta} and
 * {@code reasoning-delta} carry {@code delta}; {@code tool-input-available} carries {@code toolCallId},
 * {@code toolName}, {@code input}; {@code tool-output-available} carries {@code toolCallId}, {@code output};
 * {@code error} carries {@code errorText}. Other types are passed through with {@code raw}.
 */
public record ChatEvent(String type, @Nullable String delta, @Nullable String toolCallId, @Nullable String toolName,
        @Nullable JsonNode input, @Nullable JsonNode output, @Nullable String errorText, JsonNode raw) {

    static ChatEvent from(JsonNode node) {
        String type = Json.text(node, "type");
        return new ChatEvent(type != null ? type : "", Json.text(node, "delta"), Json.text(node, "toolCallId"),
                Json.text(node, "toolName"), Json.node(node, "input"), node.get("output"), Json.text(node, "errorText"),
                node);
    }
}
