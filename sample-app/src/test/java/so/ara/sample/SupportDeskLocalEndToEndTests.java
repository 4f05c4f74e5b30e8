package so.ara.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraDeployState;
import so.ara.autoconfigure.AraProperties;
import so.ara.client.AraClient;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RunResponse;
import so.ara.json.AraJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on its default: no Ara credentials, so it starts ara-local in-process, deploys to it on startup, and
 * ara-local runs the app's Java prompt methods and tools through the signed callback routes over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ARA_API_KEY=", "ARA_ACCESS_TOKEN=" })
class SupportDeskLocalEndToEndTests {

    @Autowired
    private AraClient ara;

    @Autowired
    private AraDeployState deployState;

    @Autowired
    private AraConnection connection;

    @Test
    void deploysToTheEmbeddedControlPlaneOnStartup() {
        assertThat(connection.mode()).isEqualTo(AraProperties.Mode.LOCAL);
        assertThat(deployState.snapshot().status()).isEqualTo(AraDeployState.Status.DEPLOYED);
        assertThat(deployState.snapshot().appId()).startsWith("app_");
        assertThat(ara.appId().block(Duration.ofSeconds(10))).isEqualTo(deployState.snapshot().appId());
    }

    @Test
    void runCallsTwoJavaToolsThroughTheCallbackBridge() {
        RunResponse run = ara.run("triage", Map.of("message", "Customer cannot log in", "tool_calls", List.of(
                Map.of("name", "lookupTicket", "args", Map.of("ticketId", "T-1001")),
                Map.of("name", "searchKnowledgeBase", "args", Map.of("query", "password reset", "limit", 1)))))
                .block(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.output().get("text").asString()).isEqualTo("[triage] Customer cannot log in\n"
                + "lookupTicket: {\"id\":\"T-1001\",\"subject\":\"Cannot log in after password reset\","
                + "\"status\":\"OPEN\",\"history\":[]}\n"
                + "searchKnowledgeBase: [\"Reset your password from the sign-in page; links expire after 30 minutes.\"]");
        assertThat(run.output().get("tool_calls").get(1).get("args"))
                .isEqualTo(AraJson.mapper().readTree("{\"query\":\"password reset\",\"limit\":1}"));
    }

    @Test
    void promptComesFromTheJavaMethodWithARecordInput() {
        RunResponse run = ara.run("billing", Map.of("input", Map.of("message", "Where is my invoice?")))
                .block(Duration.ofSeconds(30));
        assertThat(run.status()).as(String.valueOf(run.run().error())).isEqualTo("completed");
        String expectedPrompt = "Answer this billing question politely: {message=Where is my invoice?}";
        List<LogEvent> events = ara.runEvents(run.runId(), LogStreamOptions.defaults().withLastEventId("0")).collectList()
                .block(Duration.ofSeconds(15));
        assertThat(events).filteredOn(event -> "run.prompt.built".equals(event.eventType())).singleElement()
                .satisfies(event -> assertThat(event.data().get("prompt_chars").asInt())
                        .isEqualTo(expectedPrompt.length()));
    }

    @Test
    void aJavaToolThatThrowsFailsTheRunWithItsMessage() {
        RunResponse run = ara.run("escalation", Map.of("tool_calls", List.of(
                Map.of("name", "escalateTicket", "args", Map.of("ticketId", "T-404", "reason", "angry")))))
                .block(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.run().error().path("message").asString()).isEqualTo("tool 'escalateTicket' failed:"
                + " RuntimeError: Tool 'escalateTicket' failed in Java (HTTP 500): IllegalArgumentException: no ticket"
                + " T-404");
    }
}
