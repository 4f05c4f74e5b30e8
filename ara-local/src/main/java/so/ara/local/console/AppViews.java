package so.ara.local.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import so.ara.local.console.ConsoleData.AppRecord;
import so.ara.local.console.ConsoleData.ScheduleRecord;

/** The deployed manifest made readable: agents, tools with their parameters, schedules, endpoints with curl. */
final class AppViews {

    record AppView(String id, String slug, String name, String status, String defaultAgentId, List<AgentView> agents,
            List<ToolView> tools, List<ScheduleView> schedules, List<EndpointView> endpoints) {
    }

    record AgentView(String id, String instructions, List<String> skills, List<Object> handoffTo, boolean entrypoint,
            Map<String, Object> inputTemplate) {
    }

    record ToolView(String name, String description, List<ParamView> parameters, Map<String, Object> schema) {
    }

    record ParamView(String name, String type, boolean required, String description) {
    }

    record ScheduleView(String id, String source, String kind, String expr, String timezone, Long everySeconds,
            String oneShotAt, String nextFireAt, String nextFireLocal, String target) {
    }

    record EndpointView(String label, String method, String path, String url, String authMode, String secretEnv,
            String agentId, String curl) {
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss z");

    private AppViews() {
    }

    static AppView of(AppRecord app, List<ScheduleRecord> schedules, String baseUrl) {
        List<ToolView> tools = new ArrayList<>();
        for (Map<String, Object> row : maps(app.agent().get("tools"))) {
            tools.add(tool(row));
        }
        List<AgentView> agents = new ArrayList<>();
        for (Map<String, Object> row : maps(app.agent().get("agents"))) {
            agents.add(agent(row, tools));
        }
        List<ScheduleView> scheduleViews = new ArrayList<>();
        for (ScheduleRecord s : schedules) {
            if (s.appId().equals(app.id())) {
                scheduleViews.add(schedule(s, app));
            }
        }
        List<EndpointView> endpoints = new ArrayList<>();
        for (Map<String, Object> row : maps(app.interfaces().get("fastapi_endpoints"))) {
            endpoints.add(endpoint(row, app, baseUrl));
        }
        return new AppView(app.id(), app.slug(), app.name(), app.status(), str(app.agent(), "default_agent_id"),
                agents, tools, scheduleViews, endpoints);
    }

    private static AgentView agent(Map<String, Object> row, List<ToolView> tools) {
        String instructions = str(row, "instructions") != null ? str(row, "instructions") : str(row, "task");
        List<String> skills = new ArrayList<>();
        if (row.get("skills") instanceof List<?> list) {
            list.forEach(s -> skills.add(String.valueOf(s)));
        }
        List<Object> handoffs = row.get("handoff_to") instanceof List<?> list ? new ArrayList<>(list) : List.of();
        return new AgentView(str(row, "id"), instructions, skills, handoffs, Boolean.TRUE.equals(row.get("entrypoint")),
                inputTemplate(skills, tools));
    }

    /**
     * The built-in model's input shape ({@code message} plus {@code tool_calls: [{name, args}]}), filled with the
     * agent's first skill that is an app tool and placeholders for its required parameters.
     */
    static Map<String, Object> inputTemplate(List<String> skills, List<ToolView> tools) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("message", "Hello from the console");
        ToolView pick = null;
        for (String skill : skills) {
            for (ToolView t : tools) {
                if (t.name().equals(skill) && pick == null) {
                    pick = t;
                }
            }
        }
        if (pick == null && skills.isEmpty() && !tools.isEmpty()) {
            pick = tools.get(0);
        }
        List<Object> calls = new ArrayList<>();
        if (pick != null) {
            Map<String, Object> args = new LinkedHashMap<>();
            for (ParamView p : pick.parameters()) {
                if (p.required()) {
                    args.put(p.name(), placeholder(p.type()));
                }
            }
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("name", pick.name());
            call.put("args", args);
            calls.add(call);
        }
        template.put("tool_calls", calls);
        return template;
    }

    private static Object placeholder(String type) {
        return switch (type == null ? "" : type) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> "example";
        };
    }

    private static ToolView tool(Map<String, Object> row) {
        Map<String, Object> fn = map(row.get("function"));
        Map<String, Object> schema = map(fn.get("parameters"));
        Map<String, Object> props = map(schema.get("properties"));
        List<?> required = schema.get("required") instanceof List<?> l ? l : List.of();
        List<ParamView> params = new ArrayList<>();
        props.forEach((name, value) -> {
            Map<String, Object> p = map(value);
            Object type = p.get("type");
            if (type == null && p.get("$ref") instanceof String ref) {
                type = ref.substring(ref.lastIndexOf('/') + 1);
            }
            params.add(new ParamView(name, type instanceof List<?> types ? String.join(" | ",
                    types.stream().map(String::valueOf).toList()) : type == null ? "any" : type.toString(),
                    required.contains(name), str(p, "description")));
        });
        return new ToolView(str(fn, "name"), str(fn, "description"), params, schema);
    }

    private static ScheduleView schedule(ScheduleRecord s, AppRecord app) {
        Map<String, Object> spec = manifestSpec(app, s.id());
        String expr = spec == null ? null : str(spec, "cron") != null ? str(spec, "cron") : str(spec, "expr");
        Instant next = s.nextFireAt();
        String target = "tool".equals(str(s.run(), "type"))
                ? "tool " + (str(s.run(), "tool_name") != null ? str(s.run(), "tool_name") : str(s.run(), "tool"))
                : "agent " + str(s.run(), "agent_id");
        return new ScheduleView(s.id(), s.source(), s.kind(), expr, s.timezone(), s.everySeconds(),
                s.oneShotAt() == null ? null : s.oneShotAt().toString(), next == null ? null : next.toString(),
                next == null ? null : LOCAL.format(next.atZone(ZoneId.of(s.timezone()))), target);
    }

    /** The manifest spec of a schedule (agent rows first, then tools), for its cron expression. */
    private static Map<String, Object> manifestSpec(AppRecord app, String id) {
        List<Map<String, Object>> rows = new ArrayList<>(maps(app.agent().get("agents")));
        rows.addAll(maps(app.agent().get("tools")));
        for (Map<String, Object> row : rows) {
            for (Map<String, Object> spec : maps(row.get("schedules"))) {
                if (id.equals(spec.get("id"))) {
                    return spec;
                }
            }
        }
        return null;
    }

    private static EndpointView endpoint(Map<String, Object> row, AppRecord app, String baseUrl) {
        Map<String, Object> auth = map(row.get("auth"));
        String mode = str(auth, "mode") == null ? "none" : str(auth, "mode").toLowerCase(java.util.Locale.ROOT);
        String method = str(row, "method") == null ? "POST" : str(row, "method").toUpperCase(java.util.Locale.ROOT);
        String label = str(row, "label");
        String url = baseUrl + "/v1/apps/" + app.slug() + "/endpoints/" + label;
        String secretEnv = str(auth, "secret_env");
        return new EndpointView(label, method, str(row, "path"), url, mode, secretEnv, str(row, "agent_id"),
                CurlCommands.forEndpoint(method, url, mode, str(auth, "header_name"), secretEnv));
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v == null || v instanceof Map || v instanceof List || v.toString().isBlank() ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map) {
                    out.add(map(o));
                }
            }
        }
        return out;
    }
}
