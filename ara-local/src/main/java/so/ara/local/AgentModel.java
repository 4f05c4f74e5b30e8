package so.ara.local;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/** Step two of a run: a model answers the built prompt, calling the app's tools through {@link ToolExecutor}. */
public interface AgentModel {

    /**
     * What the model gets: the agent, the built prompt, the run input and the app's tools in OpenAI format.
     * {@code trustedInput} is false for runs whose input came from an endpoint request body (the gateway): such input
     * never chooses tools.
     */
    record ModelRequest(String agentId, String prompt, Object input, List<Map<String, Object>> tools,
            boolean trustedInput) {

        ModelRequest(String agentId, String prompt, Object input, List<Map<String, Object>> tools) {
            this(agentId, prompt, input, tools, true);
        }
    }

    record ToolCall(String name, Map<String, Object> args, Object result) {
        Map<String, Object> toMap() {
            return Json.obj("name", name, "args", args, "result", result);
        }
    }

    record ModelResult(String text, List<ToolCall> toolCalls) {
    }

    /**
     * The run side a model talks to: runs one tool of the app (errors with {@link ToolFailure} when the tool fails)
     * and hears each model turn as it happens (the run's {@code run.model.*} log rows).
     */
    interface ToolExecutor {
        Mono<Object> execute(String name, Map<String, Object> args);

        /** Turn {@code turn} (counted from 1) starts: the model is asked. */
        default void turnStarted(int turn) {
        }

        /**
         * Turn {@code turn} ended: the model asked for {@code toolCalls} (the tool names, in order; none when it
         * answered with its text), or failed with {@code error} (else null).
         */
        default void turnEnded(int turn, List<String> toolCalls, String error) {
        }
    }

    /** A tool failure; its message is safe to show (never contains secrets). */
    final class ToolFailure extends RuntimeException {
        private final Map<String, Object> details;

        public ToolFailure(String message) {
            this(message, Map.of());
        }

        /** {@code details} go into the {@code run.tool.failed} row's data (e.g. a Python traceback). */
        public ToolFailure(String message, Map<String, Object> details) {
            super(message, null, false, false);
            this.details = details;
        }

        public Map<String, Object> details() {
            return details;
        }
    }

    Mono<ModelResult> run(ModelRequest request, ToolExecutor tools);
}
