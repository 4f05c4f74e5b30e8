package so.ara.spec;

import java.util.LinkedHashMap;
import java.util.Map;

import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;

/** Schedule targets: {@code invoke.agent(...)} and {@code invoke.tool(...)}. */
public final class Invoke {

    private Invoke() {
    }

    public static ScheduleRun agent(String agentId) {
        return agent(agentId, null);
    }

    public static ScheduleRun agent(String agentId, Object input) {
        String id = Normalized.text(agentId);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("invoke.agent(...) requires a non-empty agent_id");
        }
        if (input != null) {
            requireJson(input, "invoke.agent(..., input=...) must be JSON-serializable");
        }
        return new ScheduleRun(ScheduleRun.AGENT, id, null, input, null);
    }

    public static ScheduleRun tool(String toolName) {
        return tool(toolName, null);
    }

    public static ScheduleRun tool(String toolName, Map<String, ?> args) {
        String name = Normalized.text(toolName);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invoke.tool(...) requires a non-empty tool name");
        }
        return new ScheduleRun(ScheduleRun.TOOL, null, name, null,
                args == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args)));
    }

    static void requireJson(Object value, String message) {
        try {
            AraJson.mapper().writeValueAsBytes(value);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException(message, ex);
        }
    }
}
