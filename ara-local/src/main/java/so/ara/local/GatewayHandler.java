package so.ara.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The endpoint gateway: {@code /v1/apps/{id}/endpoints/{label}} verifies endpoint auth and runs the agent. */
final class GatewayHandler {

    private final LocalStore store;
    private final RunEngine engine;
    private final BodyReader bodies;
    private final EndpointAuthVerifier endpointAuth;

    GatewayHandler(LocalStore store, RunEngine engine, BodyReader bodies, EndpointAuthVerifier endpointAuth) {
        this.store = store;
        this.engine = engine;
        this.bodies = bodies;
        this.endpointAuth = endpointAuth;
    }

    Mono<ServerResponse> handle(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        String label = r.pathVariable("label");
        Map<String, Object> endpoint = null;
        for (Map<String, Object> e : app.endpoints()) {
            if (label.equals(e.get("label"))) {
                endpoint = e;
                break;
            }
        }
        if (endpoint == null) {
            throw ApiException.notFound("endpoint '" + label + "' not found in app '" + app.slug + "'");
        }
        String method = Json.str(endpoint, "method") == null ? "POST" : Json.str(endpoint, "method").toUpperCase();
        if (!method.equals(r.method().name())) {
            throw new ApiException(405, "Method Not Allowed", "endpoint '" + label + "' accepts " + method)
                    .header(HttpHeaders.ALLOW, method);
        }
        Map<String, Object> auth = Json.map(endpoint, "auth");
        String mode = auth == null || Json.str(auth, "mode") == null ? "none" : Json.str(auth, "mode").toLowerCase();
        String secretEnv = Json.str(auth, "secret_env");
        String agentId = Json.str(endpoint, "agent_id");
        Map<String, Object> finalEndpoint = endpoint;
        return bodies.bytes(r).flatMap(bytes -> {
            String failure = endpointAuth.check(mode, Json.str(auth, "header_name"),
                    secretEnv == null ? null : app.secretValue(secretEnv), r.headers().asHttpHeaders(), bytes);
            if (failure != null) {
                throw ApiException.unauthorized("endpoint auth (" + mode + ") failed: " + failure);
            }
            Object payload = bytes.length == 0 ? Json.obj() : Json.parse(bytes);
            Map<String, Object> query = new LinkedHashMap<>();
            r.queryParams().forEach((k, v) -> query.put(k, v.size() == 1 ? v.get(0) : v));
            Map<String, Object> headers = new LinkedHashMap<>();
            for (String h : List.of("content-type", "user-agent", "x-request-id", "x-forwarded-for")) {
                String v = r.headers().firstHeader(h);
                if (v != null) {
                    headers.put(h, v);
                }
            }
            String requestId = r.headers().firstHeader("X-Request-Id") != null ? r.headers().firstHeader("X-Request-Id")
                    : "req_" + LocalStore.random(16);
            Map<String, Object> input = Json.obj("input", payload, "gateway", Json.obj("method", method, "path",
                    finalEndpoint.get("path"), "label", label, "query", query, "headers", headers, "request_id",
                    requestId));
            Run run = engine.create(app, agentId, input, "sync", false, null, null, null);
            run.untrustedInput(); // an endpoint request body never chooses tools
            return engine.execute(app, run).flatMap(done -> ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON).header("X-Ara-Run-Id", done.runId)
                    .bodyValue(Json.write(RunHandler.runAnswer(done))));
        });
    }
}
