package so.ara.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies at the edges, over real HTTP on the embedded ara-local: bodies between WebClient's default 256 KiB codec
 * limit and the endpoint limit run and answer 200 (never a 502 after the run executed), JSON nested deeper than the
 * cap is a 400 before any run, and the actuator shows the deployed manifest without exposing health details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ARA_API_KEY=", "ARA_ACCESS_TOKEN=" })
class SupportDeskLimitsTests {

    @LocalServerPort
    private int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    @Test
    void bodiesAboveTheDefaultCodecLimitRunAndAnswer200() {
        for (int size : new int[] { 300 * 1024, 900 * 1024 }) {
            String body = "{\"text\":\"" + "x".repeat(size) + "\"}";
            byte[] answer = http.post().uri("/billing").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Ara-Endpoint-Secret", "dev-billing-secret").bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            JsonNode run = AraJson.mapper().readTree(answer);
            assertThat(run.at("/run/status").asString()).isEqualTo("completed");
            assertThat(run.at("/run/input/input/text").asString()).hasSize(size);
        }
    }

    @Test
    void jsonNestedTooDeepIsA400BeforeAnyRun() {
        String deep = "[".repeat(500) + "]".repeat(500);
        http.post().uri("/billing").contentType(MediaType.APPLICATION_JSON)
                .header("X-Ara-Endpoint-Secret", "dev-billing-secret").bodyValue(deep).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .isEqualTo("The request body is nested deeper than 100 levels."));
    }

    @Test
    void actuatorShowsTheManifestAsDeployedAndHealthWithoutDetails() {
        byte[] ara = http.get().uri("/actuator/ara").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        JsonNode body = AraJson.mapper().readTree(ara);
        assertThat(body.get("manifestSource").asString()).isEqualTo("as last deployed");
        assertThat(body.get("manifestDigest").asString()).startsWith("sha256:");
        assertThat(body.get("renderedAtDeploy").toString()).contains("callback URLs", "ara-java-callback");
        assertThat(body.at("/manifest/agent/tools/0/source").asString()).contains("http://127.0.0.1:" + port);
        assertThat(body.toString()).doesNotContain("dev-billing-secret", "dev-crm-token");
        byte[] health = http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody();
        String text = new String(health, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("baseUrl", "appId", "127.0.0.1", "app_");
    }
}
