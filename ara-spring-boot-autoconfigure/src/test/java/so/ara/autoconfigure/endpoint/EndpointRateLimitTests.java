package so.ara.autoconfigure.endpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.manifest.EndpointSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ara.endpoints.limits.<label>.requests-per-minute}: 429 problem+json with Retry-After, per endpoint. */
class EndpointRateLimitTests {

    private static final List<EndpointSpec> SPECS = List.of(
            EndpointTestSupport.spec("POST", "/open", "open", "none", "", "", false, "triage"),
            EndpointTestSupport.spec("POST", "/other", "other", "none", "", "", false, "triage"));

    private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraEndpointsAutoConfiguration.class))
        .withUserConfiguration(CatalogConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    static class CatalogConfiguration {

        @Bean
        AraEndpointCatalog catalog() {
            return new AraEndpointCatalog() {
                @Override
                public String appSlug() {
                    return "support-desk";
                }

                @Override
                public List<EndpointSpec> endpoints() {
                    return SPECS;
                }
            };
        }

        @Bean
        EndpointRunForwarder forwarder() {
            return new EndpointTestSupport.RecordingForwarder();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T10:00:10Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void anEndpointOverItsLimitAnswers429WithRetryAfterWhileOthersStillRun() {
        this.contextRunner.withPropertyValues("ara.endpoints.limits.open.requests-per-minute=3").run(context -> {
            WebTestClient client = client(context);
            for (int i = 0; i < 2; i++) {
                post(client, "/open").expectStatus().isOk();
            }
            post(client, "/v1/apps/support-desk/endpoints/open").expectStatus().isOk();
            post(client, "/open").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "50")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isEqualTo("Endpoint 'open' accepts 3 requests per minute; retry after 50 s.")
                .jsonPath("$.instance").isEqualTo("/open");
            post(client, "/v1/apps/support-desk/endpoints/open").expectStatus().isEqualTo(429);
            for (int i = 0; i < 5; i++) {
                post(client, "/other").expectStatus().isOk();
            }
            EndpointTestSupport.RecordingForwarder forwarder = context
                .getBean(EndpointTestSupport.RecordingForwarder.class);
            assertThat(forwarder.agents).as("refused requests start no run").hasSize(8);
        });
    }

    @Test
    void withoutLimitsNothingIsRefusedAndTheFilterIsReplaceable() {
        this.contextRunner.run(context -> {
            WebTestClient client = client(context);
            for (int i = 0; i < 10; i++) {
                post(client, "/open").expectStatus().isOk();
            }
        });
        this.contextRunner.withPropertyValues("ara.endpoints.limits.open.requests-per-minute=1")
            .withBean("custom", EndpointRateLimitWebFilter.class, () -> new EndpointRateLimitWebFilter("support-desk",
                    SPECS, Map.of(), true, Clock.systemUTC()))
            .run(context -> {
                assertThat(context).hasSingleBean(EndpointRateLimitWebFilter.class).hasBean("custom");
                WebTestClient client = client(context);
                post(client, "/open").expectStatus().isOk();
                post(client, "/open").expectStatus().isOk();
            });
    }

    @SuppressWarnings("unchecked")
    private static WebTestClient client(org.springframework.context.ApplicationContext context) {
        RouterFunction<ServerResponse> router = context.getBean("araEndpointsRouterFunction", RouterFunction.class);
        return WebTestClient.bindToRouterFunction(router)
            .webFilter(context.getBean(EndpointRateLimitWebFilter.class))
            .build();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String path) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
}
