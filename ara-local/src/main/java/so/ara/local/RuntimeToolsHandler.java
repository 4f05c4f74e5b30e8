package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** {@code /session/runtime/*}: capabilities, skills, tools, tool execution and the (absent) UI control channel. */
final class RuntimeToolsHandler {

    private final LocalStore store;
    private final ToolInvoker bridge;
    private final AutomationTool automations;
    private final EndpointBodyReader bodies;

    RuntimeToolsHandler(LocalStore store, ToolInvoker bridge, AutomationTool automations, EndpointBodyReader bodies) {
        this.store = store;
        this.bridge = bridge;
        this.automations = automations;
        this.bodies = bodies;
    }

    Mono<ServerResponse> capabilities(ServerRequest r) {
        return Responses.json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null),
                "agent_id", r.queryParam("agent_id").orElse(null), "capabilities", Json.obj("tools", true, "skills",
                        true, "automations", true, "control", false, "terminal", false, "files", false), "local",
                true));
    }

    Mono<ServerResponse> skills(ServerRequest r) {
        Set<String> skills = new LinkedHashSet<>();
        for (LocalApp app : store.apps()) {
            for (Map<String, Object> row : app.agents()) {
                List<Object> s = Json.list(row, "skills");
                if (s != null) {
                    s.forEach(x -> skills.add(String.valueOf(x)));
                }
            }
        }
        List<Object> rows = new ArrayList<>();
        skills.forEach(s -> rows.add(Json.obj("name", s)));
        return Responses.json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null),
                "skills", rows));
    }

    Mono<ServerResponse> tools(ServerRequest r) {
        String kind = r.queryParam("kind").orElse("all");
        if (!Set.of("all", "builtin", "app", "connector").contains(kind)) {
            throw ApiException.badRequest("kind must be one of all, builtin, app, connector");
        }
        String agentId = r.queryParam("agent_id").orElse(null);
        List<Object> rows = new ArrayList<>();
        if (kind.equals("all") || kind.equals("builtin")) {
            rows.add(Json.obj("name", "automation_create", "kind", "builtin", "description",
                    "Create or upsert a schedule that runs an app agent or tool"));
        }
        if (kind.equals("all") || kind.equals("app")) {
            for (LocalApp app : store.apps()) {
                if (agentId != null && app.agentRow(agentId) == null) {
                    continue;
                }
                for (Map<String, Object> t : app.tools()) {
                    Map<String, Object> fn = Json.map(t, "function");
                    rows.add(Json.obj("name", Json.str(fn, "name"), "kind", "app", "app_id", app.id, "description",
                            fn == null ? "" : fn.get("description"), "callback", String.valueOf(t.get("source"))
                                    .contains("ARA_CALLBACK_URL = ")));
                }
            }
        }
        return Responses.json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null),
                "kind", kind, "tools", rows));
    }

    Mono<ServerResponse> controlCall(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            String action = Json.requiredString(body, "action");
            Json.optionalObject(body, "args");
            return Responses.json(200, Json.obj("ok", false, "action", action, "error",
                    "control actions need a connected Ara UI session; ara-local has none", "local", true));
        });
    }

    Mono<ServerResponse> execute(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            String tool = Json.requiredString(body, "tool_name");
            Map<String, Object> args = Json.optionalObject(body, "args");
            args = args == null ? Json.obj() : args;
            String agentId = Json.optionalString(body, "agent_id");
            if (tool.equals("automation_create")) {
                return Responses.json(200, Json.obj("ok", true, "tool_name", tool, "result",
                        automations.create(args)));
            }
            LocalApp target = null;
            String appId = Json.str(args, "app_id");
            for (LocalApp app : store.apps()) {
                if ((appId == null || app.id.equals(appId) || app.slug.equals(appId))
                        && (agentId == null || agentId.isEmpty() || app.agentRow(agentId) != null)
                        && app.toolRow(tool) != null) {
                    target = app;
                    break;
                }
            }
            if (target == null) {
                throw ApiException.notFound("tool '" + tool + "' not found in any app");
            }
            // args.app_id picks the app; the function gets it only when it declares such a parameter
            Map<String, Object> toolArgs = new LinkedHashMap<>(args);
            Map<String, Object> declared = Json.map(Json.map(Json.map(target.toolRow(tool), "function"),
                    "parameters"), "properties");
            if (declared == null || !declared.containsKey("app_id")) {
                toolArgs.remove("app_id");
            }
            return bridge.invoke(target, tool, target.toolRow(tool), toolArgs)
                    .flatMap(result -> Responses.json(200, Json.obj("ok", true, "tool_name", tool, "result",
                            result)))
                    .onErrorResume(AgentModel.ToolFailure.class, e -> Responses.json(200, Json.obj("ok", false,
                            "tool_name", tool, "error", e.getMessage())));
        });
    }
}
