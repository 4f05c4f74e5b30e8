package so.ara.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.gateway.EndpointForwardingException;
import so.ara.gateway.ForwardedRun;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.DeployOptions;
import so.ara.credentials.AraCredentials;
import so.ara.local.AraLocalServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forwarder against a real ara-local whose runtime key allows one request a minute: the 429 keeps its status. */
class ClientRunForwarderTests {

    private static final String KEY = "ak_local_forwarder_test";

    private AraLocalServer server;

    private AraClient client;

    @BeforeEach
    void deployWithATinyRateLimit() throws Exception {
        server = TriageOnAraLocal.start(KEY);
        JsonNode json = TriageOnAraLocal.manifestWithoutPromptCallbacks();
        client = new AraClient(json, WebClient.builder(),
                AraCredentials.of(server.baseUrl(), KEY), AraClientSettings.defaults(), null);
        client.deploy(DeployOptions.defaults().withKey("tiny", 1)).block(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRateLimitedRuntimeAnswers429WithRetryAfterNot502() {
        ClientRunForwarder forwarder = new ClientRunForwarder(() -> client, Duration.ofSeconds(10));
        ForwardedRun first = forwarder.run("triage_agent", Map.of("input", Map.of("q", 1))).block(Duration.ofSeconds(30));
        assertThat(first.runId()).isNotBlank();
        assertThatThrownBy(() -> forwarder.run("triage_agent", Map.of("input", Map.of("q", 2))).block(Duration.ofSeconds(30)))
            .isInstanceOfSatisfying(EndpointForwardingException.class, ex -> {
                assertThat(ex.getStatus().value()).isEqualTo(429);
                assertThat(ex.getProperties().get("retry_after")).isInstanceOfSatisfying(Long.class,
                        seconds -> assertThat(seconds).isPositive());
            });
    }
}
