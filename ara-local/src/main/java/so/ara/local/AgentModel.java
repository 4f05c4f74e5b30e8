package so.ara.local;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/** Step two of a run: a model answers the built prompt, calling the app's tools through {@link ToolExecutor}. */
public interface AgentModel {

    /** What the model gets: the agent, the built prompt, the run input and the app's tools in OpenAI format. */
    record ModelRequest(String agentId, String prompt, Object input, List<Map<String, Object>> tools) {
    }

    record ToolCall(String name, Map<String, Object> args, Object result) {
        Map<String, Object> toMap() {
            return Json.obj("name", name, "args", args, "result", result);
        }
    }

    record ModelResult(String text, List<ToolCall> toolCalls) {
    }

    /** Runs one tool of the app; errors with {@link ToolFailure} when the tool fails. */
    interface ToolExecutor {
        Mono<Object> execute(String name, Map<String, Object> args);
    }

    /** A tool failure; its message is safe to show (never contains secrets). */
    final class ToolFailure extends RuntimeException {
        public ToolFailure(String message) {
            super(message, null, false, false);
        }
    }

    Mono<ModelResult> run(ModelRequest request, ToolExecutor tools);
}
