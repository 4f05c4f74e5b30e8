package so.ara.client.it;

import so.ara.spec.Secret;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import so.ara.client.AraApiException;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.AraRuntimeClient;
import so.ara.client.ChatEvent;
import so.ara.client.ChatRequest;
import so.ara.client.ChatResult;
import so.ara.client.DeployOptions;
import so.ara.credentials.AraCredentials;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AraRuntimeClient} against a real ara-local over HTTP. */
class AraRuntimeClientIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static AraLocalServer server;
    static AraRuntimeClient runtime;
    static String appId;

    @BeforeAll
    static void start() {
        AraClientIntegrationTests.start();
        server = AraClientIntegrationTests.server;
        AraCredentials credentials = AraCredentials.of(server.baseUrl(), server.apiKey());
        runtime = new AraRuntimeClient(WebClient.builder(), credentials,
                AraClientSettings.defaults().withRetries(0, Duration.ZERO), null);
        AraClient client = new AraClient(AraClientIntegrationTests.manifest("rt-app"), WebClient.builder(), credentials,
                AraClientSettings.defaults(), null);
        appId = client.deploy(DeployOptions.defaults().withSecrets(List.of(Secret.named(
                "ara-java-callback", Map.of("JAVA_CALLBACK_SECRET", AraClientIntegrationTests.CALLBACK_SECRET)))))
                .block(WAIT).appId();
    }

    @AfterAll
    static void stop() {
        AraClientIntegrationTests.stop();
    }

    @Test
    void sessionLifecycle() {
        assertThat(runtime.sessionStatus().block(WAIT).path("status").asString()).isEqualTo("stopped");
        JsonNode started = runtime.sessionStart().block(WAIT);
        assertThat(started.path("status").asString()).isEqualTo("running");
        String sessionId = started.path("session_id").asString();
        assertThat(sessionId).startsWith("sess_local_");
        assertThat(runtime.sessionStatus().block(WAIT).path("session_id").asString()).isEqualTo(sessionId);
        JsonNode beat = runtime.sessionHeartbeat().block(WAIT);
        assertThat(beat.path("ok").asBoolean()).isTrue();
        assertThat(beat.path("session_id").asString()).isEqualTo(sessionId);
        JsonNode stopped = runtime.sessionStop().block(WAIT);
        assertThat(stopped.path("status").asString()).isEqualTo("stopped");
        assertThat(runtime.sessionStatus().block(WAIT).path("status").asString()).isEqualTo("stopped");
        // ara-local has no terminal: the route answers 501 Not Implemented
        StepVerifier.create(runtime.sessionExec("echo hi", 1000))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessageStartingWith("POST /session/terminal/exec failed (501)."))
                .verify(WAIT);
        StepVerifier.create(runtime.sessionExec(" ", null))
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage("session exec requires --command"))
                .verify(WAIT);
    }

    @Test
    void capabilitiesSkillsToolsAndQueryParameters() {
        JsonNode capabilities = runtime.capabilities("sess_1", "").block(WAIT);
        assertThat(capabilities.path("session_id").asString()).isEqualTo("sess_1");
        assertThat(capabilities.path("agent_id").isNull()).isTrue();
        assertThat(capabilities.path("capabilities").path("tools").asBoolean()).isTrue();
        assertThat(runtime.capabilities("sess_1", "triage_agent").block(WAIT).path("agent_id").asString())
                .isEqualTo("triage_agent");
        JsonNode skills = runtime.skills("sess_1").block(WAIT);
        assertThat(skills.path("skills").toString()).contains("{\"name\":\"lookup_ticket\"}");
        JsonNode all = runtime.tools("sess_1", null, null).block(WAIT);
        assertThat(all.path("kind").asString()).isEqualTo("all");
        JsonNode builtin = runtime.tools("sess_1", "builtin", "").block(WAIT);
        assertThat(builtin.path("tools").toString()).isEqualTo("[{\"name\":\"automation_create\",\"kind\":\"builtin\","
                + "\"description\":\"Create or upsert a schedule that runs an app agent or tool\"}]");
        JsonNode app = runtime.tools("sess_1", "app", "triage_agent").block(WAIT);
        assertThat(app.path("tools").findValuesAsString("name")).contains("lookup_ticket");
        StepVerifier.create(runtime.tools("sess_1", "weird", null))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class).hasMessage(
                        "GET /session/runtime/tools?session_id=sess_1&kind=weird failed (400). Response body hidden "
                                + "by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it."))
                .verify(WAIT);
    }

    @Test
    void executeToolAndControl() {
        JsonNode executed = runtime.executeTool("sess_1", "lookup_ticket", Map.of("ticket_id", "T-7", "app_id", appId),
                null).block(WAIT);
        assertThat(executed.path("ok").asBoolean()).isTrue();
        assertThat(executed.path("result").toString()).isEqualTo("{\"id\":\"T-7\",\"status\":\"open\"}");
        assertThat(runtime.controlActions("sess_1").block(WAIT).path("actions").toString()).isEqualTo("[]");
        JsonNode call = runtime.controlCall("sess_1", "open_panel", Map.of("panel", "logs"), null).block(WAIT);
        assertThat(call.path("ok").asBoolean()).isFalse();
        assertThat(call.path("action").asString()).isEqualTo("open_panel");
    }

    @Test
    void chatStreamsDeltasUntilDoneAndAggregates() {
        StepVerifier.create(runtime.chat("hello world").map(ChatEvent::delta))
                .expectNext("[chat] ", "hello ", "world")
                .verifyComplete();
        ChatResult result = runtime.chatResult(new ChatRequest("hi there", "local-model", "conv-1")).block(WAIT);
        assertThat(result.text()).isEqualTo("[chat] hi there");
        assertThat(result.reasoning()).isNull();
        assertThat(result.toolCalls()).isEmpty();
        AraRuntimeClient wrongKey = new AraRuntimeClient(WebClient.builder(),
                AraCredentials.of(server.baseUrl(), "wrong"), AraClientSettings.defaults(), null);
        StepVerifier.create(wrongKey.chatResult("x"))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessageStartingWith("chat() failed (401): {")
                        .hasMessageContaining("invalid control-plane key"))
                .verify(WAIT);
    }
}
