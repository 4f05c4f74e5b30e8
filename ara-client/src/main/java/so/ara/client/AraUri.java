package so.ara.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriUtils;

/**
 * A request URI as a template with its variables, as WebClient takes it: the template becomes the observation's
 * {@code uri} tag ({@code /apps/{app_id}/keys}), the expanded form appears in error messages.
 *
 * @param template  path template, with an optional query of {@code name={name}} pairs
 * @param variables values of the placeholders, in order
 */
record AraUri(String template, List<Object> variables) {

    static AraUri of(String template, Object... variables) {
        return new AraUri(template, List.of(variables));
    }

    /** Adds query parameters, dropping those whose value is null or empty (docs/ara-reference.md §8). */
    AraUri query(Map<String, ?> query) {
        StringBuilder out = new StringBuilder(this.template);
        List<Object> values = new ArrayList<>(this.variables);
        char separator = this.template.contains("?") ? '&' : '?';
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            Object value = entry.getValue();
            if (value == null || String.valueOf(value).isEmpty()) {
                continue;
            }
            out.append(separator).append(entry.getKey()).append("={").append(entry.getKey()).append('}');
            values.add(String.valueOf(value));
            separator = '&';
        }
        return new AraUri(out.toString(), List.copyOf(values));
    }

    /** Variables as WebClient's {@code uri(String, Object...)} takes them. */
    Object[] values() {
        return this.variables.toArray();
    }

    /** The expanded path and query: path variables as encoded segments, query values as encoded parameters. */
    String expanded() {
        StringBuilder out = new StringBuilder();
        int index = 0;
        boolean inQuery = false;
        for (int i = 0; i < this.template.length(); i++) {
            char c = this.template.charAt(i);
            if (c == '?') {
                inQuery = true;
            }
            if (c == '{') {
                int end = this.template.indexOf('}', i);
                String value = String.valueOf(this.variables.get(index++));
                out.append(inQuery ? UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)
                        : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
                i = end;
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
