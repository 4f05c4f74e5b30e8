package so.ara.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.callback.AraCallbackSecret;
import so.ara.autoconfigure.replay.InMemoryReplayStore;
import so.ara.autoconfigure.replay.RedisReplayStore;
import so.ara.autoconfigure.replay.RedisServerProcess;
import so.ara.autoconfigure.replay.ReplayStore;
import so.ara.client.AraClient;
import so.ara.client.RunResponse;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample app, as a team runs them: one control plane (a real ara-local server, reached as a
 * remote one), one real redis-server, and a loopback load balancer in front of the instances whose URL is the shared
 * {@code ara.callback.base-url}. Neither instance configures a callback secret: both derive the same one from the
 * shared Ara credential. A signed webhook accepted by one instance is refused by the other; with either instance
 * stopped, runs through the other still call the Java tools (ara-local's Python calls back through the balancer,
 * which skips the stopped instance as a health-checked pool would).
 */
class SupportDeskReplicasTests {

    private static final String TRIAGE_SECRET = "whsec_ZGV2LXRyaWFnZS1zZWNyZXQtZm9yLWxvY2Fs";

    @TempDir
    static Path directory;

    private static RedisServerProcess redis;

    private static AraLocalServer controlPlane;

    private static LoopbackLoadBalancer balancer;

    private final List<ConfigurableApplicationContext> instances = new java.util.ArrayList<>();

    @BeforeAll
    static void shared() throws Exception {
        redis = RedisServerProcess.startOrSkip(directory);
        controlPlane = AraLocalServer.start(AraLocalSettings.defaults().withPort(0));
        balancer = new LoopbackLoadBalancer();
    }

    @AfterAll
    static void stopShared() {
        if (balancer != null) {
            balancer.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stopInstances() {
        this.instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSignedWebhookAcceptedByOneInstanceIsRefusedByTheOther() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        assertThat(first.getBean(ReplayStore.class)).isInstanceOf(RedisReplayStore.class);
        assertThat(second.getBean(ReplayStore.class)).isInstanceOf(RedisReplayStore.class);
        String body = "{\"message\":\"Printer on fire\"}";
        long now = Instant.now().getEpochSecond();
        post(first, "msg_replica_1", now, body).expectStatus().isOk();
        post(second, "msg_replica_1", now, body).expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("replayed message");
        post(second, "msg_replica_2", now, body).expectStatus().isOk();
        post(first, "msg_replica_2", now, body).expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.detail").isEqualTo("replayed message");
        http(first).get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void withEitherInstanceStoppedRunsThroughTheOtherStillCallJavaTools() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        AraCallbackSecret firstSecret = first.getBean(AraCallbackSecret.class);
        assertThat(firstSecret.source()).isEqualTo(AraCallbackSecret.Source.DERIVED);
        assertThat(second.getBean(AraCallbackSecret.class).value()).isEqualTo(firstSecret.value());
        assertThat(first.getBean(AraConnection.class).mode()).isEqualTo(AraProperties.Mode.REMOTE);
        assertRunCallsTheTool(second);

        stop(first);
        int servedBefore = balancer.served().size();
        assertRunCallsTheTool(second);
        assertThat(balancer.served().subList(servedBefore, balancer.served().size()))
            .contains(port(second) + " POST /ara/callbacks/tools/lookupTicket")
            .allMatch(line -> line.startsWith(port(second) + " POST /ara/callbacks/"));

        ConfigurableApplicationContext third = start();
        stop(second);
        servedBefore = balancer.served().size();
        assertRunCallsTheTool(third);
        assertThat(balancer.served().subList(servedBefore, balancer.served().size()))
            .contains(port(third) + " POST /ara/callbacks/tools/lookupTicket")
            .allMatch(line -> line.startsWith(port(third) + " POST /ara/callbacks/"));
    }

    @Test
    void withoutSpringDataRedisPropertiesTheSampleKeepsTheInMemoryStoreAndStaysUp() {
        ConfigurableApplicationContext alone = new SpringApplicationBuilder(SupportDeskApplication.class,
                OwnNettyResources.class).run("--server.port=0", "--server.address=127.0.0.1", "--ARA_API_KEY=",
                        "--ARA_ACCESS_TOKEN=", "--spring.jmx.enabled=false",
                "--management.endpoint.health.show-components=always");
        this.instances.add(alone);
        assertThat(alone.getBean(ReplayStore.class)).isInstanceOf(InMemoryReplayStore.class);
        http(alone).get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.ara.status").isEqualTo("UP")
            .jsonPath("$.components.redis").doesNotExist();
    }

    private static void assertRunCallsTheTool(ConfigurableApplicationContext instance) {
        RunResponse run = instance.getBean(AraClient.class)
            .run("triage", Map.of("message", "Customer cannot log in", "tool_calls",
                    List.of(Map.of("name", "lookupTicket", "args", Map.of("ticketId", "T-1001")))))
            .block(Duration.ofSeconds(60));
        assertThat(run.status()).as(String.valueOf(run.run().error())).isEqualTo("completed");
        assertThat(run.output().get("text").asString()).isEqualTo("[triage] Customer cannot log in\n"
                + "lookupTicket: {\"id\":\"T-1001\",\"subject\":\"Cannot log in after password reset\","
                + "\"status\":\"OPEN\",\"history\":[]}");
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SupportDeskApplication.class,
                OwnNettyResources.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--ara.mode=remote",
                "--ara.api-base-url=" + controlPlane.baseUrl(), "--ara.api-key=" + controlPlane.apiKey(),
                "--ARA_API_KEY=", "--ARA_ACCESS_TOKEN=", "--ara.callback.base-url=" + balancer.url(),
                "--spring.data.redis.url=" + redis.url(), "--management.health.redis.enabled=true",
                "--spring.jmx.enabled=false",
                "--management.endpoint.health.show-components=always");
        this.instances.add(context);
        balancer.add(port(context));
        return context;
    }

    /**
     * Separate processes in production; here three servers share one JVM, and Boot's default Reactor resources are
     * the global ones, which closing one instance would dispose for all. Each instance gets its own event loops.
     */
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    private void stop(ConfigurableApplicationContext context) {
        context.close();
        this.instances.remove(context);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static WebTestClient http(ConfigurableApplicationContext instance) {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port(instance))
            .responseTimeout(Duration.ofSeconds(60))
            .build();
    }

    private static WebTestClient.ResponseSpec post(ConfigurableApplicationContext instance, String id, long timestamp,
            String body) {
        return http(instance).post()
            .uri("/webhooks/tickets")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> SignedRequests.standardWebhooks(h, TRIAGE_SECRET, id, timestamp, body))
            .bodyValue(body)
            .exchange();
    }
}
