package so.ara.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraDeployState;
import so.ara.autoconfigure.AraProperties;
import so.ara.client.AraClient;
import so.ara.client.RunResponse;
import so.ara.testcontainers.AraLocalContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app against ara-local in a container, connected with {@code @ServiceConnection}: it deploys there on
 * startup, and the containerised control plane calls the app's Java tools back on loopback (host networking).
 * Reported as skipped, with the reason, where no Docker daemon answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ara.mode=auto", "ARA_API_KEY=", "ARA_ACCESS_TOKEN=" })
class SupportDeskContainerTests {

    @Container
    @ServiceConnection
    static AraLocalContainer ara = new AraLocalContainer();

    @LocalServerPort
    private int port;

    @Autowired
    private AraConnection connection;

    @Autowired
    private AraDeployState deployState;

    @Autowired
    private AraClient client;

    @Test
    void deploysToTheContainerOnStartup() {
        assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
        assertThat(connection.credentials().apiBaseUrl()).isEqualTo(ara.baseUrl());
        assertThat(deployState.snapshot().status()).isEqualTo(AraDeployState.Status.DEPLOYED);
        assertThat(client.appId().block(Duration.ofSeconds(10))).isEqualTo(deployState.snapshot().appId());
    }

    @Test
    void containerRunsJavaToolsThroughTheCallbackBridge() {
        RunResponse run = client.run("triage", Map.of("message", "status?", "tool_calls",
                List.of(Map.of("name", "lookupTicket", "args", Map.of("ticketId", "T-1001")))))
                .block(Duration.ofSeconds(30));
        assertThat(run.status()).as(String.valueOf(run.run().error())).isEqualTo("completed");
        assertThat(run.output().get("text").asString()).isEqualTo("[triage] status?\nlookupTicket: {\"id\":\"T-1001\","
                + "\"subject\":\"Cannot log in after password reset\",\"status\":\"OPEN\",\"history\":[]}");
    }

    @Test
    void hmacEndpointIsServedEndToEnd() {
        String body = "{\"message\":\"From the webhook\"}";
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().post().uri("/webhooks/tickets").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> SignedRequests.standardWebhooks(h, "whsec_ZGV2LXRyaWFnZS1zZWNyZXQtZm9yLWxvY2Fs",
                        "msg_container_1", Instant.now().getEpochSecond(), body))
                .bodyValue(body).exchange().expectStatus().isOk().expectHeader().exists("X-Ara-Run-Id")
                .expectBody().jsonPath("$.run.output.text").isEqualTo("[triage] From the webhook")
                .jsonPath("$.run.app_id").isEqualTo(deployState.snapshot().appId());
    }
}
