package so.ara.autoconfigure;

import java.net.ServerSocket;
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
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.manifest.AppManifest;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.AraDeclarations;
import so.ara.manifest.NamedSpecs;
import so.ara.test.TicketTriage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forwarder against a real ara-local whose runtime key allows one request a minute: the 429 keeps its status. */
class ClientRunForwarderTests {

    private static final String KEY = "ak_local_forwarder_test";

    private AraLocalServer server;

    private AraClient client;

    @BeforeEach
    void deployWithATinyRateLimit() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = AraLocalServer.start(AraLocalSettings.defaults().withPort(port).withApiKey(KEY).withScheduleTick(null));
        AppManifestBuilder builder = new AppManifestBuilder("ticket-triage");
        new AraDeclarations(NamedSpecs.NONE).read("ticketTriage", TicketTriage.class, builder, problem -> {
            throw new AssertionError(problem);
        });
        AppManifest manifest = builder.build();
        tools.jackson.databind.JsonNode json = AraJson.mapper().valueToTree(manifest);
        // no app serves the Java prompt method's callback here: without it the agent's run completes in ara-local alone
        for (tools.jackson.databind.JsonNode agent : json.at("/agent/agents")) {
            ((tools.jackson.databind.node.ObjectNode) agent).remove("prompt_factory");
        }
        client = new AraClient(json, WebClient.builder(),
                AraCredentials.of("http://127.0.0.1:" + port, KEY), AraClientSettings.defaults(), null);
        client.deploy(DeployOptions.defaults().withKey("tiny", 1)).block(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRateLimitedRuntimeAnswers429WithRetryAfterNot502() {
        ClientRunForwarder forwarder = new ClientRunForwarder(client, Duration.ofSeconds(10));
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
