package so.ara.local;

import java.util.List;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** The one local session: start, status, stop, heartbeat. */
final class SessionHandler {

    private final LocalStore store;
    private final EndpointBodyReader bodies;
    private volatile String sessionId;

    SessionHandler(LocalStore store, EndpointBodyReader bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    Mono<ServerResponse> start(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, true)).flatMap(b -> {
            if (sessionId == null) {
                sessionId = "sess_local_" + LocalStore.random(12);
            }
            return Responses.json(200, Json.obj("ok", true, "session_id", sessionId, "status", "running", "local",
                    true));
        });
    }

    Mono<ServerResponse> status(ServerRequest r) {
        String id = sessionId;
        return Responses.json(200, Json.obj("ok", true, "session_id", id, "status", id == null ? "stopped"
                : "running", "local", true));
    }

    Mono<ServerResponse> stop(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, true)).flatMap(b -> {
            sessionId = null;
            return Responses.json(200, Json.obj("ok", true, "status", "stopped"));
        });
    }

    Mono<ServerResponse> heartbeat(ServerRequest r) {
        return Responses.json(200, Json.obj("ok", true, "session_id", sessionId, "timestamp",
                store.now().toString()));
    }

    Mono<ServerResponse> controlActions(ServerRequest r) {
        return Responses.json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null),
                "actions", List.of(), "local", true));
    }
}
