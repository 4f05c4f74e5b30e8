package so.ara.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** {@code POST /chat}: one model turn streamed as UI-message SSE chunks, tools of the chosen app callable. */
final class ChatHandler {

    private final LocalStore store;
    private final ToolInvoker bridge;
    private final AgentModel model;
    private final EndpointBodyReader bodies;

    ChatHandler(LocalStore store, ToolInvoker bridge, AgentModel model, EndpointBodyReader bodies) {
        this.store = store;
        this.bridge = bridge;
        this.model = model;
        this.bodies = bodies;
    }

    Mono<ServerResponse> chat(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).map(body -> {
            List<Map<String, Object>> messages = Json.maps(body.get("messages"));
            if (messages.isEmpty()) {
                throw ApiException.badRequest("field 'messages' must be a non-empty list of {role, content}");
            }
            String content = null;
            for (Map<String, Object> m : messages) {
                if ("user".equals(m.get("role")) && m.get("content") instanceof String s) {
                    content = s;
                }
            }
            if (content == null) {
                throw ApiException.badRequest("messages must contain a user message with string content");
            }
            String appRef = Json.optionalString(body, "app_id");
            LocalApp app = appRef == null || appRef.isEmpty() ? null : store.app(appRef);
            String agentId = Json.optionalString(body, "agent_id");
            if (agentId == null || agentId.isEmpty()) {
                agentId = app == null ? "chat" : app.defaultAgentId();
            }
            Map<String, Object> input = Json.obj("message", content);
            if (body.get("tool_calls") != null) {
                input.put("tool_calls", body.get("tool_calls"));
            }
            return new Object[] {app, agentId, input, content};
        }).flatMap(parts -> {
            LocalApp app = (LocalApp) parts[0];
            String agentId = (String) parts[1];
            List<Map<String, Object>> events = new ArrayList<>();
            List<Map<String, Object>> tools = app == null ? List.of() : RunEngine.openAiTools(app);
            AgentModel.ToolExecutor executor = (name, args) -> {
                String callId = "call_" + LocalStore.random(10);
                synchronized (events) {
                    events.add(Json.obj("type", "tool-input-available", "toolCallId", callId, "toolName", name,
                            "input", args));
                }
                Mono<Object> result = app == null || app.toolRow(name) == null
                        ? Mono.error(new AgentModel.ToolFailure("tool '" + name + "' is not available in this chat"))
                        : bridge.invoke(app, name, app.toolRow(name), args);
                return result.doOnNext(out -> {
                    synchronized (events) {
                        events.add(Json.obj("type", "tool-output-available", "toolCallId", callId, "output", out));
                    }
                });
            };
            Flux<String> lines = model.run(new AgentModel.ModelRequest(agentId, (String) parts[3], parts[2], tools),
                    executor).flatMapMany(result -> {
                        List<String> out = new ArrayList<>();
                        synchronized (events) {
                            events.forEach(e -> out.add(Json.writeString(e)));
                        }
                        for (String chunk : chunks(result.text())) {
                            out.add(Json.writeString(Json.obj("type", "text-delta", "delta", chunk)));
                        }
                        return Flux.fromIterable(out);
                    })
                    .onErrorResume(e -> {
                        List<String> out = new ArrayList<>();
                        synchronized (events) {
                            events.forEach(ev -> out.add(Json.writeString(ev)));
                        }
                        out.add(Json.writeString(Json.obj("type", "error", "errorText",
                                e instanceof AgentModel.ToolFailure ? e.getMessage() : "Agent error")));
                        return Flux.fromIterable(out);
                    })
                    .map(json -> "data: " + json + "\n\n")
                    .concatWith(Mono.just("data: [DONE]\n\n"));
            return Responses.eventStream(lines);
        });
    }

    /** Splits text into word-sized deltas (each keeps its trailing whitespace), so joining them gives the text. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && (i + 1 == text.length()
                    || !Character.isWhitespace(text.charAt(i + 1)))) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
