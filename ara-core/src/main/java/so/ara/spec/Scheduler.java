package so.ara.spec;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Runtime schedule requests ({@code scheduler.create/upsert}): an {@code automation_create} tool call that an agent
 * or {@code execute_tool} sends to Ara's scheduler.
 */
public final class Scheduler {

    public static final String AUTOMATION_CREATE = "automation_create";

    private Scheduler() {
    }

    public static AutomationRequest create(ScheduleSpec spec, String appId) {
        return new AutomationRequest(AUTOMATION_CREATE, args(spec, appId, false));
    }

    public static AutomationRequest upsert(ScheduleSpec spec, String appId) {
        return new AutomationRequest(AUTOMATION_CREATE, args(spec, appId, true));
    }

    private static Map<String, Object> args(ScheduleSpec spec, String appId, boolean upsert) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", spec.id());
        args.put("schedule_kind", spec.kind());
        if (spec.isCron()) {
            args.put("schedule_expr", spec.cron());
            args.put("timezone", spec.timezone());
        }
        else {
            args.put("every_seconds", spec.everySeconds());
        }
        ScheduleRun run = spec.run();
        if (run.isAgent()) {
            args.put("execution_kind", "app_agent_call");
            args.put("agent_id", run.agentId());
            if (run.input() != null) {
                args.put("input", run.input());
            }
        }
        else {
            args.put("execution_kind", "app_tool_call");
            args.put("tool_name", run.toolName());
            if (run.args() != null && !run.args().isEmpty()) {
                args.put("tool_args", run.args());
            }
        }
        String trimmedAppId = Normalized.text(appId);
        if (!trimmedAppId.isEmpty()) {
            args.put("app_id", trimmedAppId);
        }
        if (upsert) {
            args.put("upsert", true);
        }
        return java.util.Collections.unmodifiableMap(args);
    }

    /** {@code {"tool": "automation_create", "args": {...}}}. */
    @JsonPropertyOrder({ "tool", "args" })
    public record AutomationRequest(String tool, Map<String, Object> args) {
    }
}
