package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import so.ara.local.python.PythonCall;
import so.ara.local.python.PythonCallException;
import so.ara.local.python.PythonEnvironment;
import so.ara.local.python.PythonResult;
import so.ara.local.python.PythonRuntime;
import reactor.core.publisher.Mono;

/**
 * Runs an app's Python as Ara does: each tool's {@code source} (the function {@code function_name}, called with the
 * JSON args as keyword arguments; Java tools are generated shims that call the app back over HTTP) and each agent's
 * {@code prompt_factory.source} (called with the run input; it must return a string). What the code printed becomes
 * a {@code run.tool.output} / {@code run.prompt.output} log row; an exception fails the call with
 * {@code "<ExceptionType>: <message>"}.
 *
 * <p>An agent without {@code prompt_factory.source} gets its {@code instructions} (else {@code task}), a blank line
 * and the run input as JSON.
 */
final class PythonExecution implements PromptBuilder, ToolInvoker {

    private final PythonRuntime python;
    private final LogHub logs;

    PythonExecution(PythonRuntime python, LogHub logs) {
        this.python = python;
        this.logs = logs;
    }

    @Override
    public Mono<String> build(LocalApp app, String runId, String agentId, Map<String, Object> agentRow, Object input) {
        Map<String, Object> factory = Json.map(agentRow, "prompt_factory");
        String source = factory != null && factory.get("source") instanceof String s ? s : null;
        if (source == null || source.isBlank()) {
            String instructions = Json.str(agentRow, "instructions");
            if (instructions == null) {
                instructions = Json.str(agentRow, "task");
            }
            String rendered = Json.writeString(input);
            return Mono.just(instructions == null ? rendered : instructions + "\n\n" + rendered);
        }
        String what = "prompt_factory of agent '" + agentId + "'";
        String function = functionName(factory, source);
        List<Object> positional = new ArrayList<>();
        positional.add(input);
        return run(app, runId, "run.prompt.output", Json.obj("agent_id", agentId), what,
                PythonCall.withPositional(source, function, positional)).map(result -> {
                    if (result instanceof String text) {
                        return text;
                    }
                    throw new AgentModel.ToolFailure(what + " returned " + pythonType(result) + ", not str");
                });
    }

    @Override
    public Mono<Object> invoke(LocalApp app, String runId, String toolName, Map<String, Object> toolRow,
            Map<String, Object> args) {
        String source = toolRow != null && toolRow.get("source") instanceof String s ? s : null;
        String what = "tool '" + toolName + "'";
        if (source == null || source.isBlank()) {
            return Mono.error(new AgentModel.ToolFailure(what + " has no Python source in the manifest"));
        }
        String function = functionName(toolRow, source);
        return run(app, runId, "run.tool.output", Json.obj("tool", toolName), what,
                PythonCall.withKwargs(source, function, args)).map(v -> v == null ? Json.obj() : v);
    }

    private Mono<Object> run(LocalApp app, String runId, String outputEvent, Map<String, Object> subject, String what,
            PythonCall call) {
        return python.call(environment(app), call)
                .doOnNext(result -> publishOutput(app, runId, outputEvent, subject, what, result.stdout(),
                        result.stderr(), null))
                .map(PythonResult::value)
                .onErrorMap(PythonCallException.class, e -> {
                    publishOutput(app, runId, outputEvent, subject, what, e.stdout(), e.stderr(), e.traceback());
                    return failure(what, e);
                });
    }

    private static AgentModel.ToolFailure failure(String what, PythonCallException e) {
        return switch (e.kind()) {
            case RAISED -> new AgentModel.ToolFailure(what + " failed: " + e.getMessage(), Json.obj("error",
                    e.getMessage(), "exception", e.exception(), "traceback", e.traceback()));
            case TIMEOUT -> new AgentModel.ToolFailure(what + " " + e.getMessage());
            default -> new AgentModel.ToolFailure(what + " cannot run: " + e.getMessage());
        };
    }

    private void publishOutput(LocalApp app, String runId, String event, Map<String, Object> subject, String what,
            String stdout, String stderr, String traceback) {
        if (runId == null || (stdout.isEmpty() && stderr.isEmpty())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>(subject);
        data.put("stdout", stdout);
        data.put("stderr", stderr);
        logs.publish(app.id, runId, event, what + " printed output", data);
    }

    /** The manifest's {@code function_name}, else the name after the first {@code def}. */
    private static String functionName(Map<String, Object> row, String source) {
        String name = Json.str(row, "function_name");
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*def\\s+([\\p{L}_][\\p{L}\\p{Nd}_]*)")
                .matcher(source);
        return m.find() ? m.group(1) : "";
    }

    private static String pythonType(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number) {
            return value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal
                    ? "float" : "int";
        }
        return value.getClass().getSimpleName();
    }

    /** The interpreters' environment: runtime profile files and env, then the uploaded secret values. */
    static PythonEnvironment environment(LocalApp app) {
        Map<String, String> env = new LinkedHashMap<>();
        List<PythonEnvironment.File> files = new ArrayList<>();
        synchronized (app) {
            Map<String, Object> profileEnv = Json.map(app.runtimeProfile, "env");
            if (profileEnv != null) {
                profileEnv.forEach((k, v) -> env.put(k, v == null ? "" : v instanceof String s ? s
                        : Json.writeString(v)));
            }
            for (Map<String, Object> f : Json.maps(app.runtimeProfile.get("files"))) {
                files.add(new PythonEnvironment.File(Json.str(f, "path"), f.get("content") instanceof String s ? s
                        : f.get("content") == null ? "" : Json.writeString(f.get("content")),
                        Boolean.TRUE.equals(f.get("executable"))));
            }
            app.secrets.values().forEach(env::putAll);
        }
        String fingerprint = PythonRuntime.fingerprint(env, files);
        return new PythonEnvironment(app.id, app.slug, env, files, fingerprint);
    }
}
