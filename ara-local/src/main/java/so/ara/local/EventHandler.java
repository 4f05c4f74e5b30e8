package so.ara.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** Runtime events ({@code POST /v1/apps/{id}/events}): each accepted event starts a run; idempotent by header. */
final class EventHandler {

    private final LocalStore store;
    private final LogHub logs;
    private final RunEngine engine;
    private final EndpointBodyReader bodies;

    EventHandler(LocalStore store, LogHub logs, RunEngine engine, EndpointBodyReader bodies) {
        this.store = store;
        this.logs = logs;
        this.engine = engine;
        this.bodies = bodies;
    }

    Mono<ServerResponse> accept(ServerRequest r) {
        LocalApp app = RuntimeAuthFilter.app(r);
        String idem = r.headers().firstHeader("X-Idempotency-Key");
        String key = idem == null || idem.isBlank() ? null : idem.trim();
        if (key != null && key.length() > RunHandler.MAX_IDEMPOTENCY_KEY) {
            throw ApiException.unprocessable("X-Idempotency-Key must be at most " + RunHandler.MAX_IDEMPOTENCY_KEY
                    + " characters");
        }
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            if (key != null) {
                Map<String, Object> previous = store.eventAnswer(app.id, key);
                if (previous != null) {
                    return duplicate(previous);
                }
            }
            for (String f : List.of("event_type", "channel", "source", "message")) {
                Json.optionalString(body, f);
            }
            Json.optionalObject(body, "payload");
            Json.optionalObject(body, "metadata");
            String agentId = RunHandler.agentIdOf(body);
            if (agentId != null && app.agentRow(agentId) == null) {
                throw ApiException.notFound("agent '" + agentId + "' not found in app '" + app.slug + "'");
            }
            String eventId = "evt_" + LocalStore.random(16);
            String runId = store.newRunId();
            Map<String, Object> answer = Json.obj("ok", true, "event_id", eventId, "run_id", runId,
                    "duplicate", false);
            if (key != null) {
                // first writer wins; a concurrent duplicate gets the first answer and starts nothing
                Map<String, Object> raced = store.putEventAnswer(app.id, key, answer);
                if (raced != null) {
                    return duplicate(raced);
                }
            }
            Run run = engine.create(app, agentId, Json.obj("event", body), "event", false, runId, null, null);
            logs.publish(app.id, run.runId, "event.received", "Event received", Json.obj("event_id", eventId,
                    "event_type", body.get("event_type"), "idempotency_key", key));
            store.commit(); // the event and its run are durable before the 202
            engine.submit(app, run);
            return Responses.json(202, answer);
        });
    }

    private static Mono<ServerResponse> duplicate(Map<String, Object> first) {
        Map<String, Object> again = new LinkedHashMap<>(first);
        again.put("duplicate", true);
        return Responses.json(200, again);
    }
}
