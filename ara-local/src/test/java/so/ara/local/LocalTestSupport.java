package so.ara.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.auth.AraSignature;
import so.ara.json.AraJson;
import so.ara.manifest.PythonSources;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Plain-WebClient helpers over real HTTP. */
final class LocalTestSupport {

    static final WebClient CLIENT = WebClient.builder()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();

    record Resp(int status, HttpHeaders headers, String raw) {
        Map<String, Object> json() {
            return Json.map(AraJson.mapper().readValue(raw, Object.class));
        }

        @SuppressWarnings("unchecked")
        <T> T at(String... path) {
            Object cur = json();
            for (String p : path) {
                if (cur instanceof Map<?, ?> m) {
                    cur = m.get(p);
                } else if (cur instanceof List<?> l) {
                    cur = l.get(Integer.parseInt(p));
                } else {
                    return null;
                }
            }
            return (T) cur;
        }
    }

    static AraLocalSettings testSettings() {
        return AraLocalSettings.defaults().withPort(0).withScheduleTick(null)
                .withHeartbeatInterval(Duration.ofSeconds(2)).withWebhookBackoff(Duration.ofMillis(50))
                .withCallbackTimeout(Duration.ofSeconds(3));
    }

    static Resp call(String base, HttpMethod method, String path, Map<String, String> headers, Object body) {
        WebClient.RequestBodySpec spec = CLIENT.method(method).uri(base + path)
                .headers(h -> headers.forEach(h::set));
        WebClient.RequestHeadersSpec<?> ready;
        if (body instanceof String s) {
            ready = spec.bodyValue(s.getBytes(StandardCharsets.UTF_8));
        } else if (body instanceof byte[] b) {
            ready = spec.bodyValue(b);
        } else if (body != null) {
            ready = spec.contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body));
        } else {
            ready = spec;
        }
        return ready.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                .map(s -> new Resp(r.statusCode().value(), r.headers().asHttpHeaders(), s)))
                .block(Duration.ofSeconds(30));
    }

    static ObjectNode node(Map<String, Object> json) {
        return (ObjectNode) AraJson.mapper().valueToTree(json);
    }

    static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    static Map<String, String> xKey(String key) {
        return Map.of("X-Ara-App-Key", key);
    }

    static Flux<ServerSentEvent<String>> logStream(String base, String appId, String key, String lastEventId) {
        return CLIENT.get().uri(base + "/v1/apps/" + appId + "/logs/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(key);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
    }

    /** An answer sent verbatim (not wrapped in {@code {"result": ...}}). */
    record Raw(String text) {
    }

    /** A tiny callback server: verifies Ara's signature with {@code secret}, answers via {@code answer}. */
    static final class CallbackServer implements AutoCloseable {
        final ConcurrentLinkedQueue<Map<String, Object>> received = new ConcurrentLinkedQueue<>();
        final DisposableServer server;

        CallbackServer(String secret, Function<Map<String, Object>, Object> answer) {
            server = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> req.receive().aggregate()
                    .asByteArray().defaultIfEmpty(new byte[0]).flatMap(bytes -> {
                        String ts = req.requestHeaders().get(AraSignature.TIMESTAMP_HEADER);
                        String delivery = req.requestHeaders().get(AraSignature.DELIVERY_ID_HEADER);
                        String sig = req.requestHeaders().get(AraSignature.SIGNATURE_HEADER);
                        boolean verified = ts != null && delivery != null
                                && AraSignature.matches(secret, Long.parseLong(ts), delivery, bytes, sig);
                        Map<String, Object> body = bytes.length == 0 ? Map.of()
                                : Json.map(AraJson.mapper().readValue(bytes, Object.class));
                        received.add(Json.obj("path", req.path(), "verified", verified, "body", body,
                                "user_agent", req.requestHeaders().get("User-Agent")));
                        if (!verified) {
                            return res.status(401).sendString(Mono.just("{\"error\":\"bad signature\"}")).then();
                        }
                        Object out = answer.apply(Json.obj("path", "/" + req.path(), "body", body));
                        if (out instanceof Integer status) {
                            return res.status(status).sendString(Mono.just("{}")).then();
                        }
                        if (out instanceof Raw raw) {
                            return res.header("Content-Type", "application/json").sendString(Mono.just(raw.text()))
                                    .then();
                        }
                        return res.header("Content-Type", "application/json")
                                .sendByteArray(Mono.just(Json.write(Json.obj("result", out)))).then();
                    })).bindNow();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.port() + path;
        }

        @Override
        public void close() {
            server.disposeNow();
        }
    }

    /**
     * The worked example of docs/ara-reference.md (§2.8). With a callback base URL, the tool (and the prompt factory) are the
     * Java shims {@link PythonSources} generates, calling back to that base; without one they are plain Python.
     */
    static Map<String, Object> manifest(String slug, String toolCallbackBase, String promptCallbackBase) {
        Map<String, Object> toolParams = Json.obj("type", "object", "properties", Json.obj("ticket_id",
                Json.obj("type", "string")), "required", List.of("ticket_id"));
        Map<String, Object> promptParams = Json.obj("type", "object", "properties", Json.obj("input",
                Json.obj("type", "object")), "required", List.of("input"));
        String toolSource = toolCallbackBase == null
                ? "def lookup_ticket(ticket_id: str) -> dict:\n"
                        + "    \"\"\"Fetch one ticket by id.\"\"\"\n"
                        + "    return {\"id\": ticket_id}"
                : PythonSources.withCallback(slug, toolCallbackBase).toolSource("lookup_ticket", "lookup_ticket",
                        "Fetch one ticket by id.", node(toolParams));
        String promptSource = promptCallbackBase == null
                ? "def triage_agent(input: dict) -> str:\n"
                        + "    return \"Triage the ticket found in input['input'].\""
                : PythonSources.withCallback(slug, promptCallbackBase).promptSource("triage_agent", "triage_agent",
                        node(promptParams), "Triage incoming support tickets.");
        Map<String, Object> endpoint = Json.obj("type", "fastapi_endpoint", "method", "POST", "path", "/triage-agent",
                "label", "triage-agent", "docs", false, "auth", Json.obj("mode", "hmac", "header_name", "",
                        "secret_env", "ARA_ENDPOINT_TRIAGE_AGENT_SECRET"), "agent_id", "triage_agent", "workflow_id",
                "triage_agent");
        Map<String, Object> agentRow = Json.obj("id", "triage_agent", "task", "Triage incoming support tickets.",
                "instructions", "Triage incoming support tickets.", "persona", "Triage incoming support tickets.",
                "schedules", List.of(), "handoff_to", List.of(), "always_on", true, "entrypoint", true,
                "prompt_factory", Json.obj("function_name", "triage_agent", "source", promptSource, "parameters",
                        promptParams), "skills", List.of("lookup_ticket", "python_only"));
        Map<String, Object> tool = Json.obj("type", "function", "function", Json.obj("name", "lookup_ticket",
                "description", "Fetch one ticket by id.", "parameters", toolParams),
                "function_name", "lookup_ticket", "source", toolSource);
        Map<String, Object> plain = Json.obj("type", "function", "function", Json.obj("name", "python_only",
                "description", "", "parameters", Json.obj("type", "object")), "function_name", "python_only",
                "source", "def python_only():\n    return 1");
        return Json.obj("name", slug, "slug", slug, "description", "", "agent", Json.obj("agents", List.of(agentRow),
                "default_agent_id", "triage_agent", "tools", List.of(tool, plain)), "workflows", List.of(
                        Json.obj("id", "triage_agent", "mode", "task")), "interfaces", Json.obj("fastapi_endpoints",
                        List.of(endpoint)), "runtime_profile", Json.obj());
    }
}
