package so.ara.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints over real HTTP, on the embedded ara-local: each auth mode lets a correct request through to
 * the agent's run (the body under input.input) and refuses a wrong one with problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ARA_API_KEY=", "ARA_ACCESS_TOKEN=" })
class SupportDeskEndpointsTests {

    private static final String TRIAGE_SECRET = "whsec_ZGV2LXRyaWFnZS1zZWNyZXQtZm9yLWxvY2Fs";

    @LocalServerPort
    private int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void hmacEndpointRunsTheAgentWithTheBodyButNeverItsToolCalls() {
        String body = "{\"message\":\"New ticket\",\"tool_calls\":[{\"name\":\"lookupTicket\","
                + "\"args\":{\"ticketId\":\"T-1001\"}}]}";
        byte[] answer = http.post().uri("/webhooks/tickets").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> SignedRequests.standardWebhooks(h, TRIAGE_SECRET, "msg_e2e_1",
                        Instant.now().getEpochSecond(), body))
                .bodyValue(body).exchange().expectStatus().isOk().expectHeader().exists("X-Ara-Run-Id")
                .expectBody().returnResult().getResponseBody();
        JsonNode run = AraJson.mapper().readTree(answer);
        assertThat(run.at("/run/status").asString()).isEqualTo("completed");
        // an endpoint body never chooses tools: the built-in model reads tool_calls only at the top level of a
        // trusted caller's run input, and the body arrives under input.input
        assertThat(run.at("/run/output/text").asString()).isEqualTo("[triage] New ticket");
        assertThat(run.at("/run/output/tool_calls").size()).isZero();
        assertThat(run.at("/run/input/input/message").asString()).isEqualTo("New ticket");
        assertThat(run.at("/run/input/gateway/label").asString()).isEqualTo("triage");
    }

    @Test
    void hmacEndpointRefusesATamperedBodyAndAReplay() {
        String body = "{\"message\":\"hello\"}";
        long now = Instant.now().getEpochSecond();
        http.post().uri("/webhooks/tickets").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> SignedRequests.standardWebhooks(h, TRIAGE_SECRET, "msg_e2e_2", now, body))
                .bodyValue("{\"message\":\"hello!\"}").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("invalid signature");
        http.post().uri("/webhooks/tickets").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> SignedRequests.standardWebhooks(h, TRIAGE_SECRET, "msg_e2e_3", now, body))
                .bodyValue(body).exchange().expectStatus().isOk();
        http.post().uri("/webhooks/tickets").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> SignedRequests.standardWebhooks(h, TRIAGE_SECRET, "msg_e2e_3", now, body))
                .bodyValue(body).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("replayed message");
    }

    @Test
    void headerBearerAndOpenEndpoints() {
        http.post().uri("/billing").header("X-Ara-Endpoint-Secret", "dev-billing-secret")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"refund?\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.run.output.text").isEqualTo("[billing] refund?");
        http.post().uri("/billing").header("X-Ara-Endpoint-Secret", "wrong").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
        http.put().uri("/escalation").headers(h -> h.setBearerAuth("dev-escalation-token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"urgent\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.run.output.text").isEqualTo("[escalation] urgent");
        http.post().uri("/escalation").headers(h -> h.setBearerAuth("dev-escalation-token")).exchange()
                .expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "PUT");
        http.get().uri("/faq").exchange().expectStatus().isOk().expectBody().jsonPath("$.run.agent_id")
                .isEqualTo("faq");
        http.get().uri("/v1/apps/support-desk/endpoints/faq").exchange().expectStatus().isOk();
    }

    @Test
    void streamingCallerGetsTheRunEventsAsServerSentEvents() {
        List<String> types = http.get().uri("/faq").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody()
                .map(event -> event.get("event_type").asString()).collectList().block(Duration.ofSeconds(30));
        assertThat(types).startsWith("run.started").endsWith("run.completed").contains("run.prompt.built");
    }

    @Test
    void openApiDocumentListsTheDocumentedEndpointsWithTheirSecurity() {
        byte[] document = http.get().uri("/v3/api-docs/ara").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody();
        JsonNode openApi = AraJson.mapper().readTree(document);
        assertThat(openApi.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(openApi.get("paths").propertyNames()).contains("/webhooks/tickets", "/faq")
                .doesNotContain("/billing");
    }
}
