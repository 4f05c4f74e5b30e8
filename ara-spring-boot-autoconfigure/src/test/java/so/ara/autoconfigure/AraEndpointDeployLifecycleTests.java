package so.ara.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint lifecycle of a real app (WebFlux on Reactor Netty) deploying to a real ara-local that starts late:
 * 503 with Retry-After and readiness refusing traffic before the first deploy; then the deployed event, readiness
 * accepting traffic, a failed run answered as a 502 problem with its run id and error, a streamed run following only
 * its own events to its terminal event, and a run that does not end in time closing its stream with a problem event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AraEndpointDeployLifecycleTests {

    private static final String KEY = "ak_local_lifecycle_test";

    private static final CountDownLatch SLOW = new CountDownLatch(1);

    private static int controlPlanePort;

    private static ConfigurableApplicationContext context;

    private static WebTestClient http;

    private static AraLocalServer controlPlane;

    @BeforeAll
    static void startWithTheControlPlaneDown() throws Exception {
        controlPlanePort = freePort();
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
            .properties("server.port=0", "server.address=127.0.0.1", "ara.mode=remote", "ara.project-name=lifecycle",
                    "ara.api-base-url=http://127.0.0.1:" + controlPlanePort, "ara.api-key=" + KEY,
                    "ara.callback.secret=lifecycle-callback-secret", "ara.deploy.failure=continue",
                    "ara.deploy.retry-backoff=100ms", "ara.deploy.retry-max-backoff=300ms",
                    "ara.endpoints.stream-timeout=2s", "ara.endpoints.retry-after=7s",
                    "spring.main.banner-mode=off")
            .run();
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    @AfterAll
    static void stop() {
        SLOW.countDown();
        if (context != null) {
            context.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    @Test
    @Order(1)
    void beforeTheFirstDeployEndpointsAnswer503AndReadinessRefusesTraffic() {
        http.post().uri("/ok").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"q\":1}").exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().valueEquals("Retry-After", "7")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.detail").value(detail ->
                    assertThat((String) detail).contains("not deployed"));
        ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
        assertThat(context.getBean(Deployments.class).events).isEmpty();
    }

    @Test
    @Order(2)
    void theFirstDeployPublishesTheEventAndAcceptsTraffic() {
        controlPlane = AraLocalServer.start(AraLocalSettings.defaults().withPort(controlPlanePort).withApiKey(KEY)
            .withScheduleTick(null));
        Deployments deployments = context.getBean(Deployments.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deployments.events.isEmpty());
        AraAppDeployedEvent event = deployments.events.get(0);
        assertThat(event.getAppId()).startsWith("app_");
        assertThat(event.getBaseUrl()).isEqualTo("http://127.0.0.1:" + controlPlanePort);
        assertThat(event.getMode()).isEqualTo("remote");
        assertThat(event.getManifestDigest()).matches("sha256:[0-9a-f]{64}");
        assertThat(deployments.readinessAtEvent).containsExactly(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
            .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        AraDeployState.Deployment deployed = context.getBean(AraDeployState.class).lastDeployment();
        assertThat(deployed.digest()).isEqualTo(event.getManifestDigest());
        assertThat(deployed.renderedAtDeploy()).anySatisfy(part -> assertThat(part).startsWith("callback URLs"))
            .anySatisfy(part -> assertThat(part).contains("ara-java-callback"));
    }

    @Test
    @Order(3)
    void aFailedRunIsA502ProblemWithTheRunIdAndItsError() {
        http.post().uri("/broken").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"q\":1}").exchange()
            .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value("X-Ara-Run-Id", runId -> assertThat(runId).startsWith("run"))
            .expectBody()
            .jsonPath("$.run_id").value(runId -> assertThat((String) runId).startsWith("run"))
            .jsonPath("$.error").value(error -> assertThat((String) error).isNotBlank())
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("failed"));
    }

    @Test
    @Order(4)
    void aStreamedRunFollowsOnlyItsOwnEventsToItsTerminalEvent() {
        http.post().uri("/ok").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"q\":\"first\"}").exchange()
            .expectStatus().isOk();
        List<ServerSentEvent<Map<String, Object>>> events = http.post().uri("/ok")
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
            .bodyValue("{\"q\":\"streamed\"}").exchange().expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
            }).getResponseBody().collectList().block(Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(event -> event.data().get("run_id")).containsOnly(events.get(0).data().get("run_id"));
        assertThat(events.get(events.size() - 1).event()).isEqualTo("run.completed");
    }

    @Test
    @Order(5)
    void aRunThatDoesNotEndInTimeClosesTheStreamWithAProblemEvent() {
        List<ServerSentEvent<Map<String, Object>>> events = http.post().uri("/slow")
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue("{}").exchange()
            .expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
            }).getResponseBody().collectList().block(Duration.ofSeconds(30));
        SLOW.countDown();
        ServerSentEvent<Map<String, Object>> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("error");
        assertThat(last.data()).containsEntry("status", 504);
        assertThat((String) last.data().get("detail")).contains("did not end within 2 s");
        assertThat(last.data().get("run_id")).isNotNull();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        Agents agents() {
            return new Agents();
        }

        @Bean
        Deployments deployments(ApplicationAvailability availability) {
            return new Deployments(availability);
        }
    }

    static class Agents {

        @AraAgent(entrypoint = true, instructions = "Answer.")
        @AraEndpoint(path = "/ok")
        String ok(Map<String, Object> input) {
            return "Answer " + input.get("input");
        }

        @AraAgent(instructions = "Fails.")
        @AraEndpoint(path = "/broken")
        String broken(Map<String, Object> input) {
            throw new IllegalStateException("the broken agent always fails");
        }

        @AraAgent(instructions = "Slow.")
        @AraEndpoint(path = "/slow")
        String slow(Map<String, Object> input) throws InterruptedException {
            SLOW.await(20, TimeUnit.SECONDS);
            return "finally";
        }
    }

    static class Deployments {

        final List<AraAppDeployedEvent> events = new CopyOnWriteArrayList<>();

        final List<ReadinessState> readinessAtEvent = new CopyOnWriteArrayList<>();

        private final ApplicationAvailability availability;

        Deployments(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @EventListener
        void onDeployed(AraAppDeployedEvent event) {
            readinessAtEvent.add(availability.getReadinessState());
            events.add(event);
        }
    }
}
