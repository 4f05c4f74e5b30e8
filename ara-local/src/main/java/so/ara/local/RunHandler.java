package so.ara.local;

import java.util.Map;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** Runtime runs: synchronous run, asynchronous run (poll or webhook, idempotent), run status. */
final class RunHandler {

    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern
            .compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    static final int MAX_IDEMPOTENCY_KEY = 256;

    private final LocalStore store;
    private final RunEngine engine;
    private final EndpointBodyReader bodies;

    RunHandler(LocalStore store, RunEngine engine, EndpointBodyReader bodies) {
        this.store = store;
        this.engine = engine;
        this.bodies = bodies;
    }

    static Map<String, Object> runAnswer(Run run) {
        Map<String, Object> m = run.toMap();
        return Json.obj("ok", true, "run", m, "run_id", run.runId, "status", m.get("status"), "output",
                m.get("output"));
    }

    /** {@code agent_id}, else {@code workflow_id}, else null (the app's default agent). */
    static String agentIdOf(Map<String, Object> body) {
        String agent = Json.optionalString(body, "agent_id");
        if (agent == null || agent.isEmpty()) {
            agent = Json.optionalString(body, "workflow_id");
        }
        return agent == null || agent.isEmpty() ? null : agent;
    }

    private static Object inputOf(Map<String, Object> body) {
        Object input = body.get("input");
        if (input != null && Json.map(input) == null) {
            throw ApiException.badRequest("field 'input' must be a JSON object");
        }
        return input == null ? Json.obj() : input;
    }

    private static boolean bool(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw ApiException.badRequest("field '" + key + "' must be a boolean");
        }
        return b;
    }

    Mono<ServerResponse> runSync(ServerRequest r) {
        LocalApp app = RuntimeAuthFilter.app(r);
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, true)).flatMap(body -> {
            Run run = engine.create(app, agentIdOf(body), inputOf(body), "sync", bool(body, "warmup"), null, null,
                    null);
            return engine.execute(app, run).flatMap(done -> Responses.json(200, runAnswer(done)));
        });
    }

    Mono<ServerResponse> runAsync(ServerRequest r) {
        LocalApp app = RuntimeAuthFilter.app(r);
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, true)).flatMap(body -> {
            String mode = Json.optionalString(body, "response_mode");
            mode = mode == null || mode.isEmpty() ? "poll" : mode;
            if (!mode.equals("poll") && !mode.equals("webhook")) {
                throw ApiException.unprocessable("response_mode must be 'poll' or 'webhook'");
            }
            Map<String, Object> callback = Json.optionalObject(body, "callback");
            if (mode.equals("webhook")) {
                String url = Json.str(callback, "url");
                if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                    throw ApiException.unprocessable("response_mode webhook requires callback.url (http or https)");
                }
                if (callback.get("events") != null && Json.list(callback.get("events")) == null) {
                    throw ApiException.badRequest("callback.events must be a list");
                }
            }
            String runId = Json.optionalString(body, "run_id");
            String idem = Json.optionalString(body, "idempotency_key");
            idem = idem == null || idem.isEmpty() ? null : idem;
            if (runId != null && !runId.isEmpty() && !RUN_ID.matcher(runId).matches()) {
                throw ApiException.unprocessable("run_id must be 1-128 letters, digits, '.', '_', ':' or '-'")
                        .with("field", "run_id");
            }
            if (idem != null && idem.length() > MAX_IDEMPOTENCY_KEY) {
                throw ApiException.unprocessable("idempotency_key must be at most " + MAX_IDEMPOTENCY_KEY
                        + " characters").with("field", "idempotency_key");
            }
            Run run;
            synchronized (store) { // check-and-create is atomic for one idempotency key
                Run existing = idem == null ? null : store.runByIdempotencyKey(app.id, idem);
                if (existing != null) {
                    return Responses.json(200, Json.obj("ok", true, "run", existing.toMap(), "run_id",
                            existing.runId, "status", existing.status(), "duplicate", true));
                }
                run = engine.create(app, agentIdOf(body), inputOf(body), mode, bool(body, "warmup"),
                        runId == null || runId.isEmpty() ? null : runId, idem, callback);
            }
            Map<String, Object> answer = Json.obj("ok", true, "run", run.toMap(), "run_id", run.runId, "status",
                    "queued", "duplicate", false);
            // an accepted run is durable before the 202 (a shared commit, waited for without blocking)
            return Mono.fromFuture(store::commitAsync).then(Mono.defer(() -> {
                engine.submit(app, run);
                return Responses.json(202, answer);
            }));
        });
    }

    Mono<ServerResponse> status(ServerRequest r) {
        LocalApp app = RuntimeAuthFilter.app(r);
        Run run = store.run(r.pathVariable("runId"));
        if (run == null || !run.appId.equals(app.id)) {
            throw ApiException.notFound("run '" + r.pathVariable("runId") + "' not found");
        }
        Map<String, Object> m = run.toMap();
        return Responses.json(200, Json.obj("ok", true, "run", m, "run_id", run.runId, "status", m.get("status")));
    }
}
