package so.ara.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An OpenAI-compatible chat-completions model ({@code POST <baseUrl>/chat/completions}) driving a tool-calling loop
 * with the app's tools (the manifest's {@code agent.tools[*]} as {@code {"type":"function","function":{...}}}).
 * A failing tool is reported back to the model as {@code {"error": "<message>"}}. At most 8 model turns.
 */
final class OpenAiCompatibleModel implements AgentModel {

    static final int MAX_TURNS = 8;
    private final LocalHttpClient http;
    private final AraLocalSettings.ModelSettings settings;
    private final Duration timeout;

    OpenAiCompatibleModel(LocalHttpClient http, AraLocalSettings.ModelSettings settings, Duration timeout) {
        this.http = http;
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public Mono<ModelResult> run(ModelRequest request, ToolExecutor tools) {
        List<Object> messages = new ArrayList<>();
        messages.add(Json.obj("role", "user", "content", request.prompt()));
        return Mono.defer(() -> turn(request, tools, messages, new ArrayList<>(), 0));
    }

    private Mono<ModelResult> turn(ModelRequest request, ToolExecutor tools, List<Object> messages,
            List<ToolCall> done, int turn) {
        if (turn >= MAX_TURNS) {
            return Mono.error(new ToolFailure("model did not finish within " + MAX_TURNS + " turns"));
        }
        tools.turnStarted(turn + 1);
        Map<String, Object> body = Json.obj("model", settings.model(), "messages", messages);
        if (!request.tools().isEmpty()) {
            body.put("tools", request.tools());
        }
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        Map<String, String> headers = settings.apiKey() == null ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey());
        return http.postJson(base + "/chat/completions", headers, Json.write(body), timeout)
                .onErrorMap(e -> !(e instanceof ToolFailure),
                        e -> new ToolFailure("model call failed: " + e.getClass().getSimpleName()))
                .doOnError(e -> tools.turnEnded(turn + 1, List.of(), e.getMessage()))
                .flatMap(resp -> {
                    if (!resp.ok()) {
                        return failed(tools, turn, "model answered HTTP " + resp.status());
                    }
                    Map<String, Object> json;
                    try {
                        json = Json.map(Json.parse(resp.body()));
                    } catch (ApiException e) {
                        return failed(tools, turn, "model answered invalid JSON");
                    }
                    List<Map<String, Object>> choices = Json.maps(json == null ? null : json.get("choices"));
                    Map<String, Object> message = choices.isEmpty() ? null : Json.map(choices.get(0), "message");
                    if (message == null) {
                        return failed(tools, turn, "model answered without choices[0].message");
                    }
                    List<Map<String, Object>> calls = Json.maps(message.get("tool_calls"));
                    tools.turnEnded(turn + 1, calls.stream().map(call -> {
                        String name = Json.str(Json.map(call, "function"), "name");
                        return name == null ? "?" : name;
                    }).toList(), null);
                    if (calls.isEmpty()) {
                        Object content = message.get("content");
                        return Mono.just(new ModelResult(content == null ? "" : content.toString(), done));
                    }
                    messages.add(message);
                    return Flux.fromIterable(calls).concatMap(call -> {
                        Map<String, Object> fn = Json.map(call, "function");
                        String name = Json.str(fn, "name");
                        String callId = Json.str(call, "id");
                        Map<String, Object> args;
                        try {
                            Object raw = fn == null ? null : fn.get("arguments");
                            args = raw instanceof String s && !s.isBlank()
                                    ? Json.map(Json.parse(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                    : Json.map(raw);
                        } catch (ApiException e) {
                            args = null;
                        }
                        Map<String, Object> safeArgs = args == null ? Json.obj() : args;
                        Mono<Object> result = name == null
                                ? Mono.just(Json.obj("error", "tool call without a function name"))
                                : tools.execute(name, safeArgs)
                                        .onErrorResume(ToolFailure.class, e -> Mono.just(Json.obj("error", e.getMessage())));
                        return result.map(r -> {
                            done.add(new ToolCall(name, safeArgs, r));
                            messages.add(Json.obj("role", "tool", "tool_call_id", callId, "content", Json.writeString(r)));
                            return r;
                        });
                    }).then(Mono.defer(() -> turn(request, tools, messages, done, turn + 1)));
                });
    }

    private static Mono<ModelResult> failed(ToolExecutor tools, int turn, String message) {
        tools.turnEnded(turn + 1, List.of(), message);
        return Mono.error(new ToolFailure(message));
    }
}
