package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Session, runtime (tools/skills/control) and /chat routes. */
class SessionChatTest {

    static AraLocalServer server;
    static LocalTestSupport.CallbackServer callbacks;
    static String base;
    static String cp;
    static String appId;

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(LocalTestSupport.testSettings());
        base = server.baseUrl();
        cp = server.apiKey();
        callbacks = new LocalTestSupport.CallbackServer("cb", req -> Json.obj("echo", Json.map(req.get("body"))));
        appId = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("chat-app",
                callbacks.url(""), null)).at("app", "id");
        call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "cb", "values",
                Json.obj("JAVA_CALLBACK_SECRET", "cb")));
    }

    @AfterAll
    static void stop() {
        server.close();
        callbacks.close();
    }

    @Test
    void sessionLifecycle() {
        assertThat(call(base, HttpMethod.POST, "/session/start", Map.of(), Json.obj()).status()).isEqualTo(401);
        var started = call(base, HttpMethod.POST, "/session/start", bearer(cp), Json.obj());
        String id = started.at("session_id");
        assertThat(id).startsWith("sess_local_");
        assertThat(started.<String>at("status")).isEqualTo("running");
        assertThat(call(base, HttpMethod.GET, "/session/status", bearer(cp), null).<String>at("session_id"))
                .isEqualTo(id);
        assertThat(call(base, HttpMethod.POST, "/session/heartbeat", bearer(cp), Json.obj()).<Boolean>at("ok"))
                .isTrue();
        assertThat(call(base, HttpMethod.POST, "/session/stop", bearer(cp), Json.obj()).<String>at("status"))
                .isEqualTo("stopped");
        assertThat(call(base, HttpMethod.GET, "/session/status", bearer(cp), null).<String>at("status"))
                .isEqualTo("stopped");
    }

    @Test
    void runtimeRoutes() {
        var caps = call(base, HttpMethod.GET, "/session/runtime/capabilities?session_id=s1&agent_id=a", bearer(cp), null);
        assertThat(caps.<String>at("session_id")).isEqualTo("s1");
        assertThat(caps.<Boolean>at("capabilities", "control")).isFalse();
        var skills = call(base, HttpMethod.GET, "/session/runtime/skills?session_id=s1", bearer(cp), null);
        assertThat(skills.<String>at("skills", "0", "name")).isEqualTo("lookup_ticket");
        var tools = call(base, HttpMethod.GET, "/session/runtime/tools?session_id=s1&kind=app", bearer(cp), null);
        assertThat(tools.<List<Object>>at("tools")).extracting(t -> Json.map(t).get("name"))
                .containsExactly("lookup_ticket", "python_only");
        assertThat(tools.<Boolean>at("tools", "0", "callback")).isTrue();
        var builtin = call(base, HttpMethod.GET, "/session/runtime/tools?kind=builtin", bearer(cp), null);
        assertThat(builtin.<String>at("tools", "0", "name")).isEqualTo("automation_create");
        assertThat(call(base, HttpMethod.GET, "/session/runtime/tools?kind=odd", bearer(cp), null).status())
                .isEqualTo(400);
        var actions = call(base, HttpMethod.GET, "/session/runtime/control/actions?session_id=s1", bearer(cp), null);
        assertThat(actions.<List<Object>>at("actions")).isEmpty();
        var control = call(base, HttpMethod.POST, "/session/runtime/control/call", bearer(cp), Json.obj("session_id",
                "s1", "action", "open_panel", "args", Json.obj(), "timeout_ms", 8000));
        assertThat(control.<Boolean>at("ok")).isFalse();
        assertThat(control.<String>at("error")).contains("ara-local has none");
        assertThat(call(base, HttpMethod.POST, "/session/runtime/control/call", bearer(cp), Json.obj()).status())
                .isEqualTo(400);
        var exec = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj("session_id",
                "s1", "tool_name", "lookup_ticket", "args", Json.obj("ticket_id", "T-5"), "agent_id", null));
        assertThat(exec.<Object>at("result")).isEqualTo(Json.obj("echo", Json.obj("ticket_id", "T-5")));
        var pure = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                "tool_name", "python_only", "args", Json.obj()));
        assertThat(pure.<Boolean>at("ok")).isTrue();
        assertThat(pure.<Object>at("result")).isEqualTo(1);
        var failing = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                "tool_name", "python_only", "args", Json.obj("surprise", 1)));
        assertThat(failing.<Boolean>at("ok")).isFalse();
        assertThat(failing.<String>at("error")).isEqualTo("tool 'python_only' failed: TypeError: python_only() got an"
                + " unexpected keyword argument 'surprise'");
        assertThat(call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                "tool_name", "ghost")).status()).isEqualTo(404);
        assertThat(call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj()).status())
                .isEqualTo(400);
    }

    static Flux<String> chat(Object body) {
        return LocalTestSupport.CLIENT.post().uri(base + "/chat").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(cp)).bodyValue(Json.write(body))
                .retrieve().bodyToFlux(String.class);
    }

    @Test
    void chatStreamsAiSdkEvents() {
        String raw = LocalTestSupport.CLIENT.post().uri(base + "/chat").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(cp)).bodyValue(Json.write(Json.obj("messages", List.of(Json.obj(
                        "role", "user", "content", "hello there")), "chatId", "c1", "app_id", appId, "tool_calls",
                        List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "T-2"))))))
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        String[] events = raw.split("\n\n");
        assertThat(events[0]).startsWith("data: {\"type\":\"tool-input-available\",\"toolCallId\":\"call_")
                .endsWith("\"toolName\":\"lookup_ticket\",\"input\":{\"ticket_id\":\"T-2\"}}");
        assertThat(events[1]).startsWith("data: {\"type\":\"tool-output-available\"")
                .endsWith("\"output\":{\"echo\":{\"ticket_id\":\"T-2\"}}}");
        StringBuilder text = new StringBuilder();
        for (int i = 2; i < events.length - 1; i++) {
            Map<String, Object> e = Json.map(Json.parse(events[i].substring(6).getBytes()));
            assertThat(e.get("type")).isEqualTo("text-delta");
            text.append(e.get("delta"));
        }
        assertThat(text.toString())
                .isEqualTo("[triage_agent] hello there\nlookup_ticket: {\"echo\":{\"ticket_id\":\"T-2\"}}");
        assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    }

    @Test
    void chatWithoutAppAndErrors() {
        StepVerifier.create(chat(Json.obj("messages", List.of(Json.obj("role", "user", "content", "ping")))))
                .expectNext("{\"type\":\"text-delta\",\"delta\":\"[chat] \"}")
                .expectNext("{\"type\":\"text-delta\",\"delta\":\"ping\"}")
                .expectNext("[DONE]")
                .verifyComplete();
        String raw = LocalTestSupport.CLIENT.post().uri(base + "/chat").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(cp)).bodyValue(Json.write(Json.obj("messages", List.of(Json.obj(
                        "role", "user", "content", "x")), "tool_calls", List.of(Json.obj("name", "lookup_ticket")))))
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        assertThat(raw).contains("data: {\"type\":\"error\",\"errorText\":\"tool 'lookup_ticket' is not available in this chat\"}")
                .endsWith("data: [DONE]\n\n");
        assertThat(call(base, HttpMethod.POST, "/chat", bearer(cp), Json.obj("messages", List.of())).status())
                .isEqualTo(400);
        assertThat(call(base, HttpMethod.POST, "/chat", Map.of(), Json.obj()).status()).isEqualTo(401);
    }
}
