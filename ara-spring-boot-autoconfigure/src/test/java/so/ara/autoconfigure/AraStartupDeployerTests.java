package so.ara.autoconfigure;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.manifest.AppManifest;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.AraDeclarations;
import so.ara.manifest.NamedSpecs;
import so.ara.test.TicketTriage;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Deploy on startup against a real ara-local: the fail policy stops startup, the continue policy retries. */
class AraStartupDeployerTests {

    private static final String KEY = "ak_local_deployer_test";

    @Test
    void failPolicyStopsStartupWithAClearMessage() throws Exception {
        int port = freePort();
        AraDeployState state = state(port);
        AraStartupDeployer deployer = deployer(port, state, AraProperties.FailurePolicy.FAIL);
        assertThatThrownBy(() -> deployer.onApplicationEvent(readyEvent()))
                .isInstanceOf(AraDeployException.class)
                .hasMessageStartingWith("Deploying Ara app 'ticket-triage' to http://127.0.0.1:" + port + " failed: "
                        + "GET /apps failed (network):")
                .hasMessageNotContaining(KEY);
        assertThat(state.snapshot().status()).isEqualTo(AraDeployState.Status.FAILED);
    }

    @Test
    void continuePolicyRetriesInTheBackgroundUntilTheControlPlaneAnswers() throws Exception {
        int port = freePort();
        AraDeployState state = state(port);
        AraStartupDeployer deployer = deployer(port, state, AraProperties.FailurePolicy.CONTINUE);
        deployer.onApplicationEvent(readyEvent());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(state.snapshot().status()).isEqualTo(AraDeployState.Status.FAILED);
            assertThat(state.snapshot().attempts()).isGreaterThanOrEqualTo(2);
        });
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withPort(port).withApiKey(KEY)
                .withScheduleTick(null))) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(
                    () -> assertThat(state.snapshot().status()).isEqualTo(AraDeployState.Status.DEPLOYED));
            assertThat(state.snapshot().appId()).startsWith("app_");
            assertThat(state.snapshot().error()).isNull();
        }
        finally {
            deployer.destroy();
        }
    }

    @Test
    void aDeployPublishesTheDeployedEventAndAFailingListenerDoesNotUndoIt() throws Exception {
        int port = freePort();
        AraDeployState state = state(port);
        AraStartupDeployer deployer = deployer(port, state, AraProperties.FailurePolicy.FAIL);
        List<AraAppDeployedEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        GenericApplicationContext context = new GenericApplicationContext();
        context.addApplicationListener(event -> {
            if (event instanceof AraAppDeployedEvent deployed) {
                seen.add(deployed);
                throw new IllegalStateException("a listener that fails");
            }
        });
        context.refresh();
        try (AraLocalServer server = AraLocalServer.start(AraLocalSettings.defaults().withPort(port).withApiKey(KEY)
                .withScheduleTick(null))) {
            deployer.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context,
                    Duration.ZERO));
            assertThat(state.snapshot().status()).isEqualTo(AraDeployState.Status.DEPLOYED);
            assertThat(seen).singleElement().satisfies(event -> {
                assertThat(event.getAppId()).isEqualTo(state.snapshot().appId());
                assertThat(event.getMode()).isEqualTo("remote");
                assertThat(event.getBaseUrl()).isEqualTo("http://127.0.0.1:" + port);
                assertThat(event.getManifestDigest()).isEqualTo(state.lastDeployment().digest());
            });
        }
        finally {
            deployer.destroy();
            context.close();
        }
    }

    private static AraStartupDeployer deployer(int port, AraDeployState state, AraProperties.FailurePolicy policy) {
        AppManifestBuilder builder = new AppManifestBuilder("ticket-triage");
        new AraDeclarations(NamedSpecs.NONE).read("ticketTriage", TicketTriage.class, builder, problem -> {
            throw new AssertionError(problem);
        });
        AppManifest manifest = builder.build();
        JsonNode json = AraJson.mapper().valueToTree(manifest);
        AraClient client = new AraClient(json, WebClient.builder(), AraCredentials.of("http://127.0.0.1:" + port, KEY),
                AraClientSettings.defaults().withRetries(2, Duration.ofMillis(50)), null);
        AraProperties.Deploy settings = new AraProperties.Deploy(true, true, null, 60, false, null, "update", policy,
                Duration.ofMillis(100), Duration.ofMillis(400));
        return new AraStartupDeployer(() -> client, state, settings,
                context -> new AraStartupDeployer.CallbackTarget.Rendering(manifest, List.of()));
    }

    private static AraDeployState state(int port) {
        return new AraDeployState("remote", "http://127.0.0.1:" + port, true, Clock.systemUTC());
    }

    private static ApplicationReadyEvent readyEvent() {
        GenericApplicationContext context = new GenericApplicationContext();
        return new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
