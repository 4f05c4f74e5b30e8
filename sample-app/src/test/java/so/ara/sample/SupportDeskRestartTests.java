package so.ara.sample;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.autoconfigure.AraDeployState;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.testsupport.MovableClock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample restarted against one control plane (a real ara-local reached as a remote one), as a rolling restart
 * does: the unchanged manifest is not patched or re-synced, each start mints one runtime key under the one name, and
 * the keys of stopped starts are revoked once idle, so active keys stay at one instead of one per restart.
 */
class SupportDeskRestartTests {

    private static final MovableClock clock = new MovableClock(Instant.now());

    private static AraLocalServer controlPlane;

    @BeforeAll
    static void start() {
        controlPlane = AraLocalServer.start(AraLocalSettings.defaults().withPort(0).withClock(clock));
    }

    @AfterAll
    static void stop() {
        controlPlane.close();
    }

    @Test
    void restartsDoNotPatchResyncOrPileUpRuntimeKeys() {
        int restarts = 4;
        String appId = null;
        JsonNode app = null;
        JsonNode secrets = null;
        for (int start = 0; start < restarts; start++) {
            try (ConfigurableApplicationContext instance = startSample()) {
                String id = instance.getBean(AraDeployState.class).snapshot().appId();
                if (appId == null) {
                    appId = id;
                    app = controlPlane("/apps/" + id).path("app");
                    secrets = controlPlane("/apps/" + id + "/secrets");
                }
                assertThat(id).isEqualTo(appId);
                assertThat(controlPlane("/apps/" + id).path("app").path("updated_at"))
                    .as("restart " + start + " patched nothing").isEqualTo(app.path("updated_at"));
                assertThat(controlPlane("/apps/" + id + "/secrets")).as("restart " + start + " re-synced nothing")
                    .isEqualTo(secrets);
            }
        }
        assertThat(runtimeKeys(appId)).as("stopped starts' keys, superseded but still in their grace")
            .isEqualTo(restarts);
        clock.advance(Duration.ofMinutes(11));
        assertThat(runtimeKeys(appId)).as("active runtime keys after " + restarts + " restarts").isEqualTo(1);
    }

    private static ConfigurableApplicationContext startSample() {
        return new SpringApplicationBuilder(SupportDeskApplication.class,
                SupportDeskReplicasTests.OwnNettyResources.class).run("--server.port=0", "--server.address=127.0.0.1",
                        "--ara.mode=remote", "--ara.api-base-url=" + controlPlane.baseUrl(),
                        "--ara.api-key=" + controlPlane.apiKey(), "--ARA_API_KEY=", "--ARA_ACCESS_TOKEN=",
                        "--ara.callback.base-url=http://127.0.0.1:9", "--spring.jmx.enabled=false");
    }

    private static int runtimeKeys(String appId) {
        return controlPlane("/apps/" + appId + "/setup").path("runtime_keys").asInt();
    }

    private static JsonNode controlPlane(String path) {
        String body = WebClient.create(controlPlane.baseUrl()).get().uri(path)
            .header("Authorization", "Bearer " + controlPlane.apiKey())
            .retrieve()
            .bodyToMono(String.class)
            .block(Duration.ofSeconds(30));
        return AraJson.mapper().readTree(body);
    }
}
