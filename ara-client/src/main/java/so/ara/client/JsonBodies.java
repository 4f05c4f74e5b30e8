package so.ara.client;

import org.jspecify.annotations.Nullable;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers building request bodies. */
final class JsonBodies {

    private JsonBodies() {
    }

    static boolean nonBlank(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    static void putNullable(ObjectNode node, String field, @Nullable String value) {
        if (value == null) {
            node.putNull(field);
        }
        else {
            node.put(field, value);
        }
    }

    static ObjectNode toObject(@Nullable Object value) {
        if (value == null) {
            return AraJson.mapper().createObjectNode();
        }
        JsonNode node = AraJson.mapper().valueToTree(value);
        if (node instanceof ObjectNode object) {
            return object.deepCopy();
        }
        throw new IllegalArgumentException("input must be a JSON object");
    }

    static String textOr(JsonNode node, String field, String fallback) {
        String value = Json.text(node, field);
        return value != null ? value : fallback;
    }

    static JsonNode objectOr(JsonNode node, String field, boolean array) {
        JsonNode value = Json.node(node, field);
        if (value != null && (array ? value.isArray() : value.isObject())) {
            return value.deepCopy();
        }
        return array ? AraJson.mapper().createArrayNode() : AraJson.mapper().createObjectNode();
    }
}
