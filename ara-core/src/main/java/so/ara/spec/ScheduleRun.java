package so.ara.spec;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What a schedule runs: an agent with optional input, or a tool with arguments. Build with {@link Invoke}. */
@JsonPropertyOrder({ "type", "agent_id", "tool_name", "input", "args" })
public record ScheduleRun(String type, String agentId, String toolName, Object input, Map<String, Object> args) {

    public static final String AGENT = "agent";
    public static final String TOOL = "tool";

    public boolean isAgent() {
        return AGENT.equals(type);
    }

    /** The agent id or tool name, used as the hint in auto-generated schedule ids. */
    String target() {
        return isAgent() ? agentId : toolName;
    }
}
