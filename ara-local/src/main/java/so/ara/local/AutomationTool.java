package so.ara.local;

import java.util.List;
import java.util.Map;

/** The built-in {@code automation_create} tool: args as built by {@code scheduler.create/upsert}. */
final class AutomationTool {

    private final LocalStore store;
    private final LocalScheduler scheduler;

    AutomationTool(LocalStore store, LocalScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    Map<String, Object> create(Map<String, Object> args) {
        String name = Json.requiredString(args, "name");
        String appRef = Json.optionalString(args, "app_id");
        LocalApp app;
        if (appRef == null || appRef.isEmpty()) {
            List<LocalApp> apps = store.apps();
            if (apps.size() != 1) {
                throw ApiException.unprocessable("automation_create needs args.app_id when ara-local holds "
                        + apps.size() + " apps");
            }
            app = apps.get(0);
        } else {
            app = store.app(appRef);
        }
        String kind = Json.requiredString(args, "schedule_kind");
        String execution = Json.requiredString(args, "execution_kind");
        Map<String, Object> run;
        if (execution.equals("app_agent_call")) {
            String agentId = Json.requiredString(args, "agent_id");
            if (app.agentRow(agentId) == null) {
                throw ApiException.notFound("agent '" + agentId + "' not found in app '" + app.slug + "'");
            }
            run = Json.obj("type", "agent", "agent_id", agentId);
            if (args.get("input") != null) {
                run.put("input", args.get("input"));
            }
        } else if (execution.equals("app_tool_call")) {
            String toolName = Json.requiredString(args, "tool_name");
            if (app.toolRow(toolName) == null) {
                throw ApiException.notFound("tool '" + toolName + "' not found in app '" + app.slug + "'");
            }
            Map<String, Object> toolArgs = Json.optionalObject(args, "tool_args");
            run = Json.obj("type", "tool", "tool_name", toolName, "args", toolArgs == null ? Json.obj() : toolArgs);
        } else {
            throw ApiException.unprocessable("execution_kind must be app_agent_call or app_tool_call");
        }
        Map<String, Object> spec = Json.obj("id", name, "kind", kind, "cron", args.get("schedule_expr"),
                "timezone", args.get("timezone"), "every_seconds", args.get("every_seconds"));
        LocalScheduler.Entry entry;
        try {
            entry = LocalScheduler.entry(app.id, "automation", spec, run);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        Object upsert = args.get("upsert");
        if (!Boolean.TRUE.equals(upsert) && scheduler.hasAutomation(app.id, entry.id)) {
            throw ApiException.conflict("automation '" + entry.id + "' already exists");
        }
        store.saveAutomation(app.id, entry.id, spec, run);
        LocalScheduler.Entry added = scheduler.addAutomation(entry, true);
        return Json.obj("job", added.toMap(), "created", true);
    }
}
