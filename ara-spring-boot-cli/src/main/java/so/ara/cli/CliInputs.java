package so.ara.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parsing of {@code k=v} lists and {@code --input-json} values exactly as the Python CLI (docs/ara-reference.md §7.2). */
final class CliInputs {

    private CliInputs() {
    }

    /** Items without {@code =} ignored; split at the first {@code =}; key trimmed (empty dropped); value verbatim. */
    static Map<String, Object> pairs(@Nullable List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (items == null) {
            return out;
        }
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).strip();
            if (!key.isEmpty()) {
                out.put(key, item.substring(eq + 1));
            }
        }
        return out;
    }

    /** A JSON object given inline or as {@code @path}. */
    static Map<String, Object> jsonObject(String flag, String value) {
        String text = value;
        if (value.startsWith("@")) {
            Path path = Path.of(value.substring(1));
            if (!Files.isRegularFile(path)) {
                throw new CliException(flag + " file not found: " + path);
            }
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new CliException(flag + " file not found: " + path, ex);
            }
        }
        JsonNode node;
        try {
            node = AraJson.mapper().readTree(text);
        }
        catch (JacksonException ex) {
            throw new CliException(flag + " must be valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new CliException(flag + " must decode to a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = AraJson.mapper().convertValue(node, LinkedHashMap.class);
        return map;
    }

    /** {@code --input-json} when given, else the {@code --input} pairs; then {@code message} when given. */
    static Map<String, Object> input(@Nullable String inputJson, @Nullable List<String> pairs, @Nullable String message) {
        Map<String, Object> input = inputJson != null && !inputJson.isBlank() ? jsonObject("--input-json", inputJson)
                : pairs(pairs);
        if (message != null && !message.isEmpty()) {
            input.put("message", message);
        }
        return input;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
