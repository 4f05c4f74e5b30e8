package so.ara.client;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Small null-safe readers over response trees. */
final class Json {

    private Json() {
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return value.asString();
    }

    static @Nullable JsonNode node(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    static boolean bool(@Nullable JsonNode node, String field, boolean fallback) {
        JsonNode value = node(node, field);
        return value == null ? fallback : value.asBoolean(fallback);
    }

    static List<String> texts(@Nullable JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asString());
                }
            }
        }
        return out;
    }
}
