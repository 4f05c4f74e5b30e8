package so.ara.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reactive client of the session runtime and chat (docs/ara-reference.md §4.5, §8). Every call uses the control-plane bearer.
 * Query parameters with empty values are dropped. Answers are returned as JSON trees (their shape is server-defined).
 */
public class AraRuntimeClient {

    private final AraHttp http;

    public AraRuntimeClient(WebClient.Builder webClientBuilder, AraCredentials credentials, AraClientSettings settings,
            @Nullable ObservationRegistry registry) {
        this(webClientBuilder, credentials, settings, registry, null);
    }

    public AraRuntimeClient(WebClient.Builder webClientBuilder, AraCredentials credentials, AraClientSettings settings,
            @Nullable ObservationRegistry registry, @Nullable HttpClient streamHttpClient) {
        this(new AraHttp(webClientBuilder, credentials, settings, registry, streamHttpClient));
    }

    /** Over a configured transport ({@link AraClientBuilder}). */
    AraRuntimeClient(AraHttp http) {
        this.http = http;
    }

    public static AraRuntimeClient create(AraCredentials credentials) {
        return new AraRuntimeClient(WebClient.builder(), credentials, AraClientSettings.defaults(), null);
    }

    private Mono<JsonNode> get(String template, Map<String, ?> query) {
        return this.http.call(HttpMethod.GET, AraUri.of(template).query(query), null, this.http.controlPlane());
    }

    private Mono<JsonNode> post(String template, Object body, Duration timeout) {
        return this.http.call(HttpMethod.POST, AraUri.of(template), body, this.http.controlPlane(), Map.of(), timeout);
    }

    /** {@code GET /session/runtime/capabilities?session_id=…[&agent_id=…]}. */
    public Mono<JsonNode> capabilities(String sessionId, @Nullable String agentId) {
        return get("/session/runtime/capabilities", AraHttp.query("session_id", sessionId, "agent_id", agentId));
    }

    /** {@code GET /session/runtime/skills?session_id=…}. */
    public Mono<JsonNode> skills(String sessionId) {
        return get("/session/runtime/skills", AraHttp.query("session_id", sessionId));
    }

    /** {@code GET /session/runtime/tools?session_id=…&kind=…[&agent_id=…]}; kind defaults to {@code all}. */
    public Mono<JsonNode> tools(String sessionId, @Nullable String kind, @Nullable String agentId) {
        return get("/session/runtime/tools", AraHttp.query("session_id", sessionId, "kind",
                kind == null || kind.isBlank() ? "all" : kind, "agent_id", agentId));
    }

    /** {@code POST /session/runtime/tools/execute} {@code {"session_id","tool_name","args","agent_id": value or null}}. */
    public Mono<JsonNode> executeTool(String sessionId, String toolName, @Nullable Map<String, ?> args,
            @Nullable String agentId) {
        ObjectNode body = AraJson.mapper().createObjectNode();
        body.put("session_id", sessionId);
        body.put("tool_name", toolName);
        body.set("args", JsonBodies.toObject(args));
        if (agentId == null || agentId.isBlank()) {
            body.putNull("agent_id");
        }
        else {
            body.put("agent_id", agentId);
        }
        return post("/session/runtime/tools/execute", body, this.http.settings().timeout());
    }

    /** {@code GET /session/runtime/control/actions?session_id=…}. */
    public Mono<JsonNode> controlActions(String sessionId) {
        return get("/session/runtime/control/actions", AraHttp.query("session_id", sessionId));
    }

    /** {@code POST /session/runtime/control/call} {@code {"session_id","action","args","timeout_ms"}} (default 8000 ms). */
    public Mono<JsonNode> controlCall(String sessionId, String action, @Nullable Map<String, ?> args,
            @Nullable Integer timeoutMs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", sessionId);
        body.put("action", action);
        body.put("args", JsonBodies.toObject(args));
        body.put("timeout_ms", timeoutMs == null ? 8000 : timeoutMs);
        return post("/session/runtime/control/call", body, this.http.settings().timeout());
    }

    /** {@code POST /session/start} {@code {}} (timeout 120 s). */
    public Mono<JsonNode> sessionStart() {
        return post("/session/start", Map.of(), Duration.ofSeconds(120));
    }

    /** {@code GET /session/status}. */
    public Mono<JsonNode> sessionStatus() {
        return get("/session/status", Map.of());
    }

    /** {@code POST /session/stop} {@code {}}; 204 → {@code {"ok":true}}. */
    public Mono<JsonNode> sessionStop() {
        return post("/session/stop", Map.of(), this.http.settings().timeout()).map(body -> {
            if (body instanceof NullNode) {
                ObjectNode ok = AraJson.mapper().createObjectNode();
                ok.put("ok", true);
                return ok;
            }
            return body;
        });
    }

    /** {@code POST /session/heartbeat} {@code {}}; 204 → {@code {"ok":false,"reason":"empty_response"}}. */
    public Mono<JsonNode> sessionHeartbeat() {
        return post("/session/heartbeat", Map.of(), this.http.settings().timeout()).map(body -> {
            if (body instanceof NullNode) {
                ObjectNode empty = AraJson.mapper().createObjectNode();
                empty.put("ok", false);
                empty.put("reason", "empty_response");
                return empty;
            }
            return body;
        });
    }

    /**
     * {@code POST /session/terminal/exec} {@code {"command","timeout_seconds"}}; seconds clamped to 5..600 (default 90),
     * call timeout max(30, t + 30) s.
     */
    public Mono<JsonNode> sessionExec(String command, @Nullable Integer timeoutSeconds) {
        if (command == null || command.isBlank()) {
            return Mono.error(new IllegalArgumentException("session exec requires --command"));
        }
        int seconds = Math.max(5, Math.min(600, timeoutSeconds == null ? 90 : timeoutSeconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", command);
        body.put("timeout_seconds", seconds);
        return post("/session/terminal/exec", body, Duration.ofSeconds(Math.max(30, seconds + 30)));
    }

    /** The raw {@code /chat} event stream, ending at {@code data: [DONE]}; bad JSON lines are skipped. */
    public Flux<ChatEvent> chat(ChatRequest request) {
        ObjectNode body = AraJson.mapper().createObjectNode();
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", request.message());
        if (request.model() != null && !request.model().isBlank()) {
            body.put("model", request.model());
        }
        if (request.conversationId() != null && !request.conversationId().isBlank()) {
            body.put("chatId", request.conversationId());
        }
        Duration timeout = this.http.settings().chatTimeout();
        return this.http.controlPlane().flatMapMany(auth -> this.http.sse(HttpMethod.POST, AraUri.of("/chat"), body,
                auth, Map.of(), (status, text) -> new AraApiException("chat() failed (" + status + "): " + text, status,
                        "POST", "/chat", text, null)))
                .takeWhile(sse -> sse.data() == null || !"[DONE]".equals(sse.data().strip()))
                .handle((sse, sink) -> {
                    if (sse.data() == null || sse.data().isBlank()) {
                        return;
                    }
                    JsonNode node = SseStreams.parseObject(sse.data());
                    if (node != null) {
                        sink.next(ChatEvent.from(node));
                    }
                })
                .cast(ChatEvent.class)
                .timeout(timeout)
                .onErrorMap(java.util.concurrent.TimeoutException.class,
                        ex -> new AraTimeoutException("POST", "/chat", timeout, ex));
    }

    public Flux<ChatEvent> chat(String message) {
        return chat(ChatRequest.of(message));
    }

    /** Aggregates {@link #chat(ChatRequest)} as the Python SDK; an {@code error} event fails with its text (or {@code Agent error}). */
    public Mono<ChatResult> chatResult(ChatRequest request) {
        return chat(request).reduceWith(Aggregate::new, (aggregate, event) -> {
            aggregate.accept(event);
            return aggregate;
        }).map(Aggregate::result);
    }

    public Mono<ChatResult> chatResult(String message) {
        return chatResult(ChatRequest.of(message));
    }

    private static final class Aggregate {

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private final Map<String, Integer> byId = new LinkedHashMap<>();
        private final List<ChatResult.ToolCall> calls = new ArrayList<>();

        void accept(ChatEvent event) {
            switch (event.type()) {
                case "text-delta" -> this.text.append(event.delta() != null ? event.delta() : "");
                case "reasoning-delta" -> this.reasoning.append(event.delta() != null ? event.delta() : "");
                case "tool-input-available" -> {
                    JsonNode args = event.input() != null ? event.input() : AraJson.mapper().createObjectNode();
                    this.byId.put(String.valueOf(event.toolCallId()), this.calls.size());
                    this.calls.add(new ChatResult.ToolCall(event.toolName() != null ? event.toolName() : "", args,
                            StringNode.valueOf("")));
                }
                case "tool-output-available" -> {
                    Integer index = this.byId.get(String.valueOf(event.toolCallId()));
                    if (index != null) {
                        ChatResult.ToolCall call = this.calls.get(index);
                        this.calls.set(index, new ChatResult.ToolCall(call.name(), call.args(),
                                event.output() != null ? event.output() : NullNode.getInstance()));
                    }
                }
                case "error" -> throw new AraException(event.errorText() != null && !event.errorText().isBlank()
                        ? event.errorText() : "Agent error");
                default -> {
                }
            }
        }

        ChatResult result() {
            return new ChatResult(this.text.toString(), this.reasoning.isEmpty() ? null : this.reasoning.toString(),
                    List.copyOf(this.calls));
        }
    }
}
