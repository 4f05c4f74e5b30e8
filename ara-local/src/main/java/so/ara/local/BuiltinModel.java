package so.ara.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The deterministic built-in model (the default).
 *
 * <p>Rule, exactly:
 * <ol>
 * <li>Tool calls are read from the top level of the run input only, {@code input.tool_calls}: a list of
 * {@code {"name": <tool>, "args": {...}}} ({@code args} optional, default {@code {}}). They run one after another,
 * in order. The first failing call fails the run with its message. Only a trusted caller chooses tools: a run whose
 * input came from an endpoint request body ({@link ModelRequest#trustedInput()} false) calls none, and
 * {@code input.input.tool_calls} (where endpoint bodies arrive, also when the starter forwards them with the app's
 * runtime key) is never read.</li>
 * <li>The answer text is {@code "[" + agentId + "] " + message}, where {@code agentId} is the run's agent
 * ({@code "app"} when the app has no agent) and {@code message} is {@code input.message}, else
 * {@code input.input.message}, else {@code ""} (non-string messages are rendered as JSON).</li>
 * <li>Then, per tool call in order, one line {@code "\n" + name + ": " + <result as compact JSON>}.</li>
 * </ol>
 * Example: agent {@code triage_agent}, input {@code {"message":"hi","tool_calls":[{"name":"lookup","args":{"id":"T-1"}}]}}
 * and a tool answering {@code {"id":"T-1"}} → {@code "[triage_agent] hi\nlookup: {\"id\":\"T-1\"}"}.
 *
 * <p>Turns, as a model answering with parallel tool calls has them: turn 1 asks for every tool call of the input at
 * once; when there were any, turn 2 answers once they ran. An input without tool calls is answered in turn 1.
 */
final class BuiltinModel implements AgentModel {

    @Override
    public Mono<ModelResult> run(ModelRequest request, ToolExecutor tools) {
        return Mono.defer(() -> {
            tools.turnStarted(1);
            Map<String, Object> input = Json.map(request.input());
            Map<String, Object> nested = Json.map(input, "input");
            Object calls = input == null || !request.trustedInput() ? null : input.get("tool_calls");
            List<Map<String, Object>> parsed = new ArrayList<>();
            if (calls != null) {
                List<Object> list = Json.list(calls);
                if (list == null) {
                    return failed(tools, "input.tool_calls must be a list of {\"name\",\"args\"}");
                }
                for (int i = 0; i < list.size(); i++) {
                    Map<String, Object> call = Json.map(list.get(i));
                    if (call == null || !(call.get("name") instanceof String name) || name.isBlank()) {
                        return failed(tools, "input.tool_calls[" + i + "] must be an object with a non-empty \"name\"");
                    }
                    Object args = call.get("args");
                    if (args != null && Json.map(args) == null) {
                        return failed(tools, "input.tool_calls[" + i + "].args must be an object");
                    }
                    parsed.add(call);
                }
            }
            Object message = input == null ? null : input.get("message");
            if (message == null && nested != null) {
                message = nested.get("message");
            }
            String text = "[" + (request.agentId() == null ? "app" : request.agentId()) + "] "
                    + (message == null ? "" : message instanceof String s ? s : Json.writeString(message));
            tools.turnEnded(1, parsed.stream().map(call -> ((String) call.get("name")).trim()).toList(), null);
            if (parsed.isEmpty()) {
                return Mono.just(new ModelResult(text, List.of()));
            }
            return Flux.fromIterable(parsed)
                    .concatMap(call -> {
                        String name = ((String) call.get("name")).trim();
                        Map<String, Object> args = Json.map(call.get("args"));
                        Map<String, Object> safeArgs = args == null ? Json.obj() : args;
                        return tools.execute(name, safeArgs).map(result -> new ToolCall(name, safeArgs, result));
                    })
                    .collectList()
                    .map(results -> {
                        tools.turnStarted(2);
                        StringBuilder sb = new StringBuilder(text);
                        for (ToolCall call : results) {
                            sb.append('\n').append(call.name()).append(": ").append(Json.writeString(call.result()));
                        }
                        tools.turnEnded(2, List.of(), null);
                        return new ModelResult(sb.toString(), results);
                    });
        });
    }

    private static Mono<ModelResult> failed(ToolExecutor tools, String message) {
        tools.turnEnded(1, List.of(), message);
        return Mono.error(new ToolFailure(message));
    }
}
