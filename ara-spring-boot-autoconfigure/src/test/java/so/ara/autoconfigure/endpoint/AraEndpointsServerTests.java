package so.ara.autoconfigure.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AraSignature;
import so.ara.manifest.EndpointSpec;

import static org.assertj.core.api.Assertions.assertThat;
import so.ara.gateway.EndpointRunForwarder;

/** The routes in a started reactive application on Reactor Netty, through Spring's DispatcherHandler. */
class AraEndpointsServerTests {

    private static ConfigurableApplicationContext context;

    private static WebTestClient client;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, AraEndpointsAutoConfiguration.class })
    static class App {

        @Bean
        AraEndpointCatalog catalog() {
            List<EndpointSpec> specs = List.of(
                    EndpointTestSupport.spec("POST", "/open", "open", "none", "", "", false, "triage"),
                    EndpointTestSupport.spec("POST", "/hooks/in", "hook", "hmac", "", "HOOK_SECRET", true, "hooks"));
            return new AraEndpointCatalog() {
                @Override
                public String appSlug() {
                    return "support-desk";
                }

                @Override
                public List<EndpointSpec> endpoints() {
                    return specs;
                }
            };
        }

        @Bean
        EndpointRunForwarder forwarder() {
            return new EndpointTestSupport.RecordingForwarder();
        }

        @Bean
        RouterFunction<ServerResponse> userRoutes() {
            return RouterFunctions.route().GET("/hello", request -> ServerResponse.ok().bodyValue("hi")).build();
        }
    }

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
            .properties("server.port=0", "server.address=127.0.0.1", "HOOK_SECRET=s3cr3t",
                    "ara.endpoints.cors.open.allowed-origins=https://app.example.com",
                    "ara.endpoints.max-body-size=64B")
            .run();
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void signedRequestOverHttp() {
        long now = Instant.now().getEpochSecond();
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        client.post().uri("/v1/apps/support-desk/endpoints/hook").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now)).header("X-Ara-Delivery-Id", "dlv_server_1")
            .header("X-Ara-Signature", AraSignature.sign("s3cr3t", now, "dlv_server_1", body))
            .bodyValue(body).exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Ara-Run-Id", "run_123")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        client.post().uri("/hooks/in").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("missing signature headers");
    }

    @Test
    void wrongMethodAndLargeBodyOverHttp() {
        client.get().uri("/open").exchange()
            .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
            .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"text\":\"" + "x".repeat(200) + "\"}").exchange()
            .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(413);
        client.get().uri("/hello").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("hi");
    }

    @Test
    void corsPreflightOverHttp() {
        client.options().uri("/open").header(HttpHeaders.ORIGIN, "https://app.example.com")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");
    }

    @Test
    void eventStreamOverHttp() {
        List<ServerSentEvent<String>> events = client.post().uri("/open").accept(MediaType.TEXT_EVENT_STREAM)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
            .expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
            })
            .getResponseBody().collectList().block(Duration.ofSeconds(10));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("run.started", "run.completed");
    }

    @Test
    void openApiOverHttp() {
        client.get().uri("/v3/api-docs/ara").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.paths['/hooks/in'].post.operationId").isEqualTo("hook");
    }
}
