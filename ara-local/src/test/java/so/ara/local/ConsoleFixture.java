package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real ara-local with the reference app deployed and active (a cron schedule in Europe/Paris, endpoints in every
 * auth mode, secrets set) and a callback server answering its prompt and {@code lookup_ticket} tool. Tool answers
 * can be held back ({@link #holdTools()}) so a test sees a run while it is still running.
 */
final class ConsoleFixture implements AutoCloseable {

    static final String SLUG = "ticket-triage";
    static final Map<String, String> ENDPOINT_SECRETS = Map.of("ARA_ENDPOINT_TRIAGE_AGENT_SECRET", "hmac-s3cret",
            "ARA_ENDPOINT_HEADER_HOOK_SECRET", "header-s3cret", "ARA_ENDPOINT_BEARER_HOOK_SECRET", "bearer-s3cret");

    final AraLocalServer server;
    final DisposableServer callbacks;
    final String base;
    final String appId;
    final String token;
    private final AtomicReference<Sinks.Empty<Void>> gate = new AtomicReference<>();

    ConsoleFixture() {
        this(LocalTestSupport.testSettings());
    }

    /** The Python tool {@code python_only()} called with an argument it does not take: a TypeError in Python. */
    static final String FAILING_TOOL_ERROR = "tool 'python_only' failed: TypeError: python_only() got an unexpected"
            + " keyword argument 'surprise'";

    static Map<String, Object> failingToolInput() {
        return Json.obj("tool_calls", List.of(Json.obj("name", "python_only", "args", Json.obj("surprise", 1))));
    }

    ConsoleFixture(AraLocalSettings settings) {
        callbacks = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> req.receive().aggregate()
                .asByteArray().defaultIfEmpty(new byte[0]).flatMap(bytes -> {
                    Map<String, Object> body = bytes.length == 0 ? Map.of() : Json.map(Json.parse(bytes));
                    Object result = req.path().endsWith("prompt")
                            ? "Triage this ticket: " + Json.writeString(body.get("input"))
                            : Json.obj("id", body.get("ticket_id"), "status", "open");
                    Sinks.Empty<Void> held = gate.get();
                    Mono<Void> wait = held == null || req.path().endsWith("prompt") ? Mono.empty() : held.asMono();
                    return wait.then(res.header("Content-Type", "application/json")
                            .sendByteArray(Mono.just(Json.write(Json.obj("result", result)))).then());
                })).bindNow();
        server = AraLocalServer.start(settings);
        base = server.baseUrl();
        String cb = "http://127.0.0.1:" + callbacks.port();
        Map<String, Object> manifest = LocalTestSupport.manifest(SLUG, cb, cb);
        Map<String, Object> agent = Json.map(manifest, "agent");
        Map<String, Object> row = Json.maps(agent.get("agents")).get(0);
        row.put("schedules", List.of(Json.obj("id", "weekday-digest", "kind", "cron", "cron", "0 9 * * 1-5",
                "timezone", "Europe/Paris", "run", Json.obj("type", "agent", "agent_id", "triage_agent", "input",
                        Json.obj("message", "digest")))));
        List<Object> endpoints = new ArrayList<>(Json.list(Json.map(manifest, "interfaces"), "fastapi_endpoints"));
        endpoints.add(endpoint("status", "GET", "none", null));
        endpoints.add(endpoint("header-hook", "POST", "header", "ARA_ENDPOINT_HEADER_HOOK_SECRET"));
        endpoints.add(endpoint("bearer-hook", "POST", "bearer", "ARA_ENDPOINT_BEARER_HOOK_SECRET"));
        Json.map(manifest, "interfaces").put("fastapi_endpoints", endpoints);
        String cp = server.apiKey();
        var created = call(base, HttpMethod.POST, "/apps", bearer(cp), manifest);
        assertThat(created.status()).isEqualTo(201);
        appId = created.at("app", "id");
        assertThat(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name",
                "ara-java-callback", "values", Json.obj("JAVA_CALLBACK_SECRET", "cb-secret"))).status()).isEqualTo(201);
        assertThat(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name",
                "endpoints", "values", ENDPOINT_SECRETS)).status()).isEqualTo(201);
        assertThat(call(base, HttpMethod.PATCH, "/apps/" + appId, bearer(cp), Json.obj("status", "active")).status())
                .isEqualTo(200);
        token = URI.create(server.consoleUrl()).getQuery().substring("token=".length());
    }

    private static Map<String, Object> endpoint(String label, String method, String mode, String secretEnv) {
        return Json.obj("type", "fastapi_endpoint", "method", method, "path", "/" + label, "label", label, "docs",
                false, "auth", Json.obj("mode", mode, "header_name", "", "secret_env", secretEnv), "agent_id",
                "triage_agent", "workflow_id", "triage_agent");
    }

    /** Holds every tool answer until {@link #releaseTools()}. */
    void holdTools() {
        gate.set(Sinks.empty());
    }

    void releaseTools() {
        Sinks.Empty<Void> held = gate.getAndSet(null);
        if (held != null) {
            held.tryEmitEmpty();
        }
    }

    LocalTestSupport.Resp get(String path) {
        return call(base, HttpMethod.GET, path, bearer(token), null);
    }

    LocalTestSupport.Resp post(String path, Object body) {
        return call(base, HttpMethod.POST, path, bearer(token), body);
    }

    static Map<String, Object> toolCallsInput(String message, String ticketId) {
        return Json.obj("message", message, "tool_calls", List.of(Json.obj("name", "lookup_ticket", "args",
                Json.obj("ticket_id", ticketId))));
    }

    @Override
    public void close() {
        releaseTools();
        server.close();
        callbacks.disposeNow();
    }
}
