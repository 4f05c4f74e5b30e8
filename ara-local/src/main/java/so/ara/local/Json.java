package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers over plain JSON trees (Map / List / String / Number / Boolean / null). */
final class Json {

    /** Deepest JSON accepted from outside: deeper documents answer 422 before anything is stored. */
    static final int MAX_DEPTH = 64;

    private static final JsonMapper READER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .build();

    private Json() {
    }

    static byte[] write(Object value) {
        return AraJson.mapper().writeValueAsBytes(value);
    }

    static String writeString(Object value) {
        return AraJson.mapper().writeValueAsString(value);
    }

    static Object parse(byte[] bytes) {
        try {
            return READER.readValue(bytes, Object.class);
        } catch (StreamConstraintsException e) {
            throw ApiException.unprocessable("request body nests deeper than " + MAX_DEPTH
                    + " levels or holds a number or string beyond the parser's limits");
        } catch (JacksonException e) {
            throw ApiException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses what ara-local wrote itself (records a few levels deeper than the request they came from). */
    static Object parseStored(String json) {
        return AraJson.mapper().readValue(json, Object.class);
    }

    /** Parses a body that must be a JSON object; an empty body is an empty object when {@code emptyOk}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] bytes, boolean emptyOk) {
        if (bytes == null || bytes.length == 0 || new String(bytes).isBlank()) {
            if (emptyOk) {
                return new LinkedHashMap<>();
            }
            throw ApiException.badRequest("request body must be a JSON object");
        }
        Object value = parse(bytes);
        if (!(value instanceof Map)) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : null;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? null : map(parent.get(key));
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        return parent == null ? null : list(parent.get(key));
    }

    /** Trimmed string value, or null when absent/empty/not a scalar. */
    static String str(Map<String, Object> parent, String key) {
        if (parent == null) {
            return null;
        }
        Object value = parent.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** A field that must be a string when present. */
    static String optionalString(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiException.badRequest("field '" + key + "' must be a string");
        }
        return s.trim();
    }

    static String requiredString(Map<String, Object> body, String key) {
        String value = optionalString(body, key);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("field '" + key + "' is required");
        }
        return value;
    }

    static Integer optionalInt(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            long l = ((Number) value).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw ApiException.badRequest("field '" + key + "' is out of range");
            }
            return (int) l;
        }
        throw ApiException.badRequest("field '" + key + "' must be an integer");
    }

    static Map<String, Object> optionalObject(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        Map<String, Object> m = map(value);
        if (m == null) {
            throw ApiException.badRequest("field '" + key + "' must be a JSON object");
        }
        return m;
    }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Deep copy through the mapper (keeps stored state independent of callers). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value == null) {
            return null;
        }
        return (T) AraJson.mapper().readValue(write(value), Object.class);
    }

    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> l = list(value);
        if (l != null) {
            for (Object o : l) {
                Map<String, Object> m = map(o);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
