package so.ara.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import so.ara.auth.AraSignature;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Executes runs: {@code run.started} → prompt ({@link PromptBuilder}) → {@code run.prompt.built} → model
 * ({@link AgentModel}) with tool calls through {@link ToolInvoker} ({@code run.tool.*}) → {@code run.completed} or
 * {@code run.failed}. Webhook-mode runs then POST {@code {"event","run"}} to their callback, signed and retried.
 */
final class RunEngine {

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);
    /** The prompt travels in its log row (for the console), cut to this many characters. */
    static final int PROMPT_LOG_CHARS = 16_384;

    private final LocalStore store;
    private final LogHub logs;
    private final PromptBuilder prompts;
    private final ToolInvoker toolInvoker;
    private final AgentModel model;
    private final LocalHttpClient http;
    private final Clock clock;
    private final Duration webhookBackoff;
    private final Duration callbackTimeout;

    RunEngine(LocalStore store, LogHub logs, PromptBuilder prompts, ToolInvoker toolInvoker, AgentModel model,
            LocalHttpClient http, AraLocalSettings settings) {
        this.store = store;
        this.logs = logs;
        this.prompts = prompts;
        this.toolInvoker = toolInvoker;
        this.model = model;
        this.http = http;
        this.clock = settings.clock();
        this.webhookBackoff = settings.webhookBackoff();
        this.callbackTimeout = settings.callbackTimeout();
    }

    /** Resolves the agent (explicit, else default) and registers a queued run. 404 for an unknown agent. */
    Run create(LocalApp app, String agentId, Object input, String mode, boolean warmup, String runId,
            String idempotencyKey, Map<String, Object> callback) {
        String resolved = agentId;
        if (resolved == null) {
            resolved = app.defaultAgentId();
        } else if (app.agentRow(resolved) == null) {
            throw ApiException.notFound("agent '" + resolved + "' not found in app '" + app.slug + "'");
        }
        String id = runId == null ? store.newRunId() : runId;
        if (store.run(id) != null) {
            throw ApiException.conflict("run id '" + id + "' already exists");
        }
        Run run = new Run(id, app.id, resolved, mode, input == null ? Json.obj() : input, warmup, idempotencyKey,
                callback, clock.instant());
        store.putRun(run);
        return run;
    }

    /** Executes a created run; the Mono completes (never errors) with the finished run. */
    Mono<Run> execute(LocalApp app, Run run) {
        return Mono.defer(() -> {
            run.running();
            if (run.warmup) {
                logs.publish(app.id, run.runId, "run.warmup.started", "Warmup started", Json.obj("agent_id", run.agentId));
            }
            logs.publish(app.id, run.runId, "run.started", "Run started", Json.obj("agent_id", run.agentId));
            Map<String, Object> agentRow = run.agentId == null ? null : app.agentRow(run.agentId);
            List<AgentModel.ToolCall> calls = new ArrayList<>();
            AgentModel.ToolExecutor executor = executor(app, run, run.agentId, agentRow, calls, 0);
            return prompts.build(app, run.runId, run.agentId, agentRow, run.input)
                    .doOnNext(prompt -> logs.publish(app.id, run.runId, "run.prompt.built", "Prompt built",
                            Json.obj("agent_id", run.agentId, "prompt_chars", prompt.length(), "prompt",
                                    prompt.length() > PROMPT_LOG_CHARS ? prompt.substring(0, PROMPT_LOG_CHARS)
                                            : prompt)))
                    .flatMap(prompt -> model.run(new AgentModel.ModelRequest(run.agentId, prompt, run.input,
                            model instanceof BuiltinModel ? List.of() : openAiTools(app, agentRow),
                            run.trustedInput()), executor))
                    .<Run>map(result -> {
                        List<Object> toolCalls = new ArrayList<>();
                        result.toolCalls().forEach(c -> toolCalls.add(c.toMap()));
                        if (!run.complete(Json.obj("text", result.text(), "tool_calls", toolCalls),
                                clock.instant())) {
                            return run; // failed meanwhile by a stopping server: that row is logged
                        }
                        logs.publish(app.id, run.runId, "run.completed", "Run completed",
                                Json.obj("agent_id", run.agentId, "status", "completed"));
                        if (run.warmup) {
                            logs.publish(app.id, run.runId, "run.warmup.completed", "Warmup completed", Json.obj());
                        }
                        return run;
                    })
                    .onErrorResume(e -> {
                        if (run.finished()) {
                            return Mono.just(run); // failed by a stopping server, whose runtimes end its calls
                        }
                        String message = e instanceof AgentModel.ToolFailure ? e.getMessage()
                                : "run failed: " + e.getClass().getSimpleName();
                        if (!(e instanceof AgentModel.ToolFailure)) {
                            log.warn("ara-local run {} failed unexpectedly", run.runId, e);
                        }
                        List<Object> toolCalls = new ArrayList<>();
                        synchronized (calls) {
                            calls.forEach(c -> toolCalls.add(c.toMap()));
                        }
                        if (run.fail(message, Json.obj("text", "", "tool_calls", toolCalls), clock.instant())) {
                            logs.publish(app.id, run.runId, "run.failed", message,
                                    Json.obj("agent_id", run.agentId, "status", "failed", "error", message));
                        }
                        return Mono.just(run);
                    })
                    .flatMap(this::durable)
                    .doOnNext(finished -> deliverWebhook(app, finished));
        });
    }

    /**
     * The run once its record and terminal row are committed (before a sync answer or a webhook). Waits without
     * blocking a thread; concurrent runs share one commit. A failing commit is logged, the run still answered.
     */
    private Mono<Run> durable(Run run) {
        return Mono.fromFuture(store::commitAsync).thenReturn(run).onErrorResume(e -> {
            log.warn("ara-local could not commit run {}: {}", run.runId, e.getMessage());
            return Mono.just(run);
        });
    }

    /** Executes a created run that calls one tool directly (a scheduled tool job), without prompt or model. */
    Mono<Run> executeToolRun(LocalApp app, Run run, String toolName, Map<String, Object> args) {
        return Mono.defer(() -> {
            run.running();
            logs.publish(app.id, run.runId, "run.started", "Run started", Json.obj("tool", toolName));
            List<AgentModel.ToolCall> calls = new ArrayList<>();
            return executeTool(app, run, null, null, toolName, args, calls, 0).map(result -> {
                if (run.complete(Json.obj("text", Json.writeString(result), "tool_calls",
                        List.of(new AgentModel.ToolCall(toolName, args, result).toMap())), clock.instant())) {
                    logs.publish(app.id, run.runId, "run.completed", "Run completed", Json.obj("status", "completed"));
                }
                return run;
            }).onErrorResume(e -> {
                String message = e instanceof AgentModel.ToolFailure ? e.getMessage() : "tool run failed";
                if (run.fail(message, Json.obj("text", "", "tool_calls", List.of()), clock.instant())) {
                    logs.publish(app.id, run.runId, "run.failed", message,
                            Json.obj("status", "failed", "error", message));
                }
                return Mono.just(run);
            }).flatMap(this::durable);
        });
    }

    /** Starts a created run in the background. */
    void submit(LocalApp app, Run run) {
        execute(app, run).subscribeOn(Schedulers.parallel()).subscribe();
    }

    /**
     * What the model of one agent in a run talks to: its tool calls go to {@link #executeTool}, and each of its turns
     * becomes {@code run.model.started} and {@code run.model.completed} (or {@code run.model.failed}) rows with the
     * turn number, the tool calls it asked for and its duration.
     */
    private AgentModel.ToolExecutor executor(LocalApp app, Run run, String agentId, Map<String, Object> agentRow,
            List<AgentModel.ToolCall> calls, int depth) {
        return new AgentModel.ToolExecutor() {
            private final Map<Integer, Long> startedNanos = new ConcurrentHashMap<>();

            @Override
            public Mono<Object> execute(String name, Map<String, Object> args) {
                return executeTool(app, run, agentId, agentRow, name, args, calls, depth);
            }

            @Override
            public void turnStarted(int turn) {
                startedNanos.put(turn, System.nanoTime());
                logs.publish(app.id, run.runId, "run.model.started", "Model turn " + turn + " started",
                        Json.obj("agent_id", agentId, "turn", turn));
            }

            @Override
            public void turnEnded(int turn, List<String> toolCalls, String error) {
                Long started = startedNanos.remove(turn);
                long ms = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
                if (error == null) {
                    logs.publish(app.id, run.runId, "run.model.completed", toolCalls.isEmpty()
                            ? "Model turn " + turn + " answered" : "Model turn " + turn + " asked for "
                                    + String.join(", ", toolCalls), Json.obj("agent_id", agentId, "turn", turn,
                                            "tool_calls", toolCalls, "duration_ms", ms));
                } else {
                    logs.publish(app.id, run.runId, "run.model.failed", error, Json.obj("agent_id", agentId,
                            "turn", turn, "error", error, "duration_ms", ms));
                }
            }
        };
    }

    /**
     * Runs one tool call of a run. As on Ara, an agent that declares {@code skills} calls only those tools, and a
     * call naming another agent of the app is a handoff, allowed only to the agents in its {@code handoff_to}; a
     * refused or unknown call fails with {@code run.tool.failed}.
     */
    private Mono<Object> executeTool(LocalApp app, Run run, String agentId, Map<String, Object> agentRow,
            String name, Map<String, Object> args, List<AgentModel.ToolCall> calls, int depth) {
        return Mono.defer(() -> {
            Map<String, Object> row = app.toolRow(name);
            logs.publish(app.id, run.runId, "run.tool.started", "Tool " + name + " started",
                    Json.obj("tool", name, "args", args));
            List<Object> skills = Json.list(agentRow, "skills");
            Mono<Object> invocation;
            if (row == null && agentRow != null && app.agentRow(name) != null) {
                invocation = handoff(app, run, agentId, agentRow, name, args, depth);
            } else if (row == null) {
                invocation = Mono.error(new AgentModel.ToolFailure(
                        "tool '" + name + "' is not a tool of app '" + app.slug + "'"));
            } else if (skills != null && !skills.contains(name)) {
                invocation = Mono.error(new AgentModel.ToolFailure(
                        "tool '" + name + "' is not among the skills of agent '" + agentId + "'"));
            } else {
                invocation = toolInvoker.invoke(app, run.runId, name, row, args);
            }
            return invocation
                    .doOnNext(result -> {
                        synchronized (calls) {
                            calls.add(new AgentModel.ToolCall(name, args, result));
                        }
                        logs.publish(app.id, run.runId, "run.tool.completed", "Tool " + name + " completed",
                                Json.obj("tool", name, "result", result));
                    })
                    .doOnError(e -> {
                        Map<String, Object> data = Json.obj("tool", name, "error", e.getMessage());
                        if (e instanceof AgentModel.ToolFailure failure) {
                            data.putAll(failure.details());
                        }
                        logs.publish(app.id, run.runId, "run.tool.failed", e instanceof AgentModel.ToolFailure
                                ? e.getMessage() : "tool '" + name + "' failed", data);
                    });
        });
    }

    private static final int MAX_HANDOFF_DEPTH = 5;

    /**
     * A handoff: the target agent answers {@code input} (the call's args) with its own prompt, model and tools (its
     * own skills and handoffs); the result is {@code {"agent_id", "text", "tool_calls"}}.
     */
    private Mono<Object> handoff(LocalApp app, Run run, String fromAgent, Map<String, Object> fromRow, String target,
            Map<String, Object> input, int depth) {
        List<Object> allowed = Json.list(fromRow, "handoff_to");
        if (allowed == null || !allowed.contains(target)) {
            return Mono.error(new AgentModel.ToolFailure("agent '" + fromAgent + "' cannot hand off to '" + target
                    + "': it is not in its handoff_to " + (allowed == null ? List.of() : allowed)));
        }
        if (depth >= MAX_HANDOFF_DEPTH) {
            return Mono.error(new AgentModel.ToolFailure("handoff from '" + fromAgent + "' to '" + target
                    + "' exceeds " + MAX_HANDOFF_DEPTH + " nested handoffs"));
        }
        Map<String, Object> targetRow = app.agentRow(target);
        logs.publish(app.id, run.runId, "run.handoff", "Agent " + fromAgent + " handed off to " + target,
                Json.obj("from", fromAgent, "to", target));
        List<AgentModel.ToolCall> nested = new ArrayList<>();
        AgentModel.ToolExecutor executor = executor(app, run, target, targetRow, nested, depth + 1);
        return prompts.build(app, run.runId, target, targetRow, input)
                .flatMap(prompt -> model.run(new AgentModel.ModelRequest(target, prompt, input,
                        model instanceof BuiltinModel ? List.of() : openAiTools(app, targetRow), run.trustedInput()),
                        executor))
                .map(result -> {
                    List<Object> toolCalls = new ArrayList<>();
                    result.toolCalls().forEach(c -> toolCalls.add(c.toMap()));
                    return Json.obj("agent_id", target, "text", result.text(), "tool_calls", toolCalls);
                });
    }

    static List<Map<String, Object>> openAiTools(LocalApp app) {
        return openAiTools(app, null);
    }

    /**
     * The app's tools in OpenAI format (only the agent's skills when it declares them), plus one function per agent
     * in its {@code handoff_to}.
     */
    static List<Map<String, Object>> openAiTools(LocalApp app, Map<String, Object> agentRow) {
        List<Object> skills = Json.list(agentRow, "skills");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : app.tools()) {
            Map<String, Object> fn = Json.map(row, "function");
            if (fn != null && (skills == null || skills.contains(fn.get("name")))) {
                out.add(Json.obj("type", "function", "function", Json.copy(fn)));
            }
        }
        List<Object> handoffs = Json.list(agentRow, "handoff_to");
        for (Object target : handoffs == null ? List.of() : handoffs) {
            if (target instanceof String id && app.agentRow(id) != null) {
                out.add(Json.obj("type", "function", "function", Json.obj("name", id, "description",
                        "Hand the conversation off to agent '" + id + "'", "parameters", Json.obj("type", "object",
                                "properties", Json.obj("message", Json.obj("type", "string"))))));
            }
        }
        return out;
    }

    private void deliverWebhook(LocalApp app, Run run) {
        if (!"webhook".equals(run.responseMode) || run.callback == null) {
            return;
        }
        String url = Json.str(run.callback, "url");
        String event = "run." + run.status();
        List<Object> events = Json.list(run.callback, "events");
        if (url == null || (events != null && !events.contains(event))) {
            return;
        }
        String secret = run.callback.get("secret") == null ? "" : run.callback.get("secret").toString();
        byte[] body = Json.write(Json.obj("event", event, "run", run.toMap()));
        String delivery = "dlv_" + LocalStore.random(20);
        Mono.defer(() -> {
            long ts = clock.instant().getEpochSecond();
            Map<String, String> headers = Map.of(AraSignature.TIMESTAMP_HEADER, Long.toString(ts),
                    AraSignature.DELIVERY_ID_HEADER, delivery,
                    AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, ts, delivery, body));
            return http.postJson(url, headers, body, callbackTimeout).flatMap(resp -> resp.ok() ? Mono.just(resp)
                    : Mono.error(new IllegalStateException("webhook answered HTTP " + resp.status())));
        })
                .retryWhen(Retry.backoff(3, webhookBackoff).maxBackoff(webhookBackoff.multipliedBy(4)).jitter(0))
                .subscribe(ok -> { }, e -> log.warn("ara-local webhook for run {} failed after retries: {}",
                        run.runId, e.getClass().getSimpleName()));
    }
}
