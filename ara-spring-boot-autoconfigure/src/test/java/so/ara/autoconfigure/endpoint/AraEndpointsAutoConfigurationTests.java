package so.ara.autoconfigure.endpoint;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.manifest.EndpointSpec;

import static org.assertj.core.api.Assertions.assertThat;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.EndpointGatewayInput;

class AraEndpointsAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraEndpointsAutoConfiguration.class));

    private static final List<EndpointSpec> SPECS = List.of(
            EndpointTestSupport.spec("POST", "/open", "open", "none", "", "", false, "triage"),
            EndpointTestSupport.spec("POST", "/hooks/in", "hook", "hmac", "", "HOOK_SECRET", true, "hook-agent"),
            EndpointTestSupport.spec("PUT", "/bear", "bear", "bearer", "", "", false, "triage"));

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
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomRoutesConfiguration {

        @Bean
        AraEndpointRoutes customRoutes(EndpointRunForwarder forwarder) {
            return new AraEndpointRoutes("custom", List.of(), forwarder, name -> null,
                    AraEndpointsProperties.defaults(), java.time.Clock.systemUTC());
        }
    }

    @Test
    void backsOffWithoutCatalogAndForwarder() {
        this.contextRunner.run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(AraEndpointRoutes.class)
            .doesNotHaveBean("araEndpointsRouterFunction"));
    }

    @Test
    void boundDefaultsForwardTheGatewaysHeaderPolicy() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("HOOK_SECRET=a", "ARA_ENDPOINT_BEAR_SECRET=b")
            .run(context -> {
                List<String> bound = context.getBean(AraEndpointsProperties.class).forwardedHeaders();
                assertThat(bound).isEqualTo(EndpointGatewayInput.DEFAULT_FORWARDED_HEADERS)
                    .isEqualTo(AraEndpointsProperties.defaults().forwardedHeaders());
            });
    }

    @Test
    void backsOffInANonReactiveApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AraEndpointsAutoConfiguration.class))
            .withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("HOOK_SECRET=a", "ARA_ENDPOINT_BEAR_SECRET=b")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AraEndpointRoutes.class));
    }

    @Test
    void backsOffWhenDisabled() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("ara.endpoints.enabled=false")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AraEndpointRoutes.class));
    }

    @Test
    void servesRoutesWithSecretsFromTheEnvironment() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("HOOK_SECRET=" + EndpointTestSupport.SPEC_SECRET, "ARA_ENDPOINT_BEAR_SECRET=tok")
            .run(context -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(AraEndpointRoutes.class)
                    .hasSingleBean(EndpointCorsWebFilter.class)
                    .hasBean("araEndpointsRouterFunction");
                AraEndpointRoutes routes = context.getBean(AraEndpointRoutes.class);
                assertThat(routes.routes()).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("POST /open", "POST /v1/apps/support-desk/endpoints/open", "POST /hooks/in",
                            "POST /v1/apps/support-desk/endpoints/hook", "PUT /bear",
                            "PUT /v1/apps/support-desk/endpoints/bear");
                @SuppressWarnings("unchecked")
                RouterFunction<ServerResponse> router = context.getBean("araEndpointsRouterFunction",
                        RouterFunction.class);
                WebTestClient client = WebTestClient.bindToRouterFunction(router).build();
                client.put().uri("/bear").header("Authorization", "Bearer tok").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectStatus().isOk();
                client.put().uri("/bear").header("Authorization", "Bearer nope").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            });
    }

    @Test
    void missingSecretFailsStartupNamingVariableAndEndpoint() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("ARA_ENDPOINT_BEAR_SECRET=tok")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Ara endpoint 'hook' (POST /hooks/in, auth hmac)")
                .hasMessageContaining("environment variable HOOK_SECRET")
                .hasMessageContaining("ara.endpoints.missing-secret=reject"));
    }

    @Test
    void missingSecretInRejectModeStartsAndRefuses() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("ara.endpoints.missing-secret=reject")
            .run(context -> {
                assertThat(context).hasNotFailed();
                AraEndpointRoutes routes = context.getBean(AraEndpointRoutes.class);
                assertThat(routes.routes()).filteredOn(MappedEndpointRoute::refusing)
                    .extracting(MappedEndpointRoute::label)
                    .containsOnly("hook", "bear");
                WebTestClient client = WebTestClient.bindToRouterFunction(routes.routerFunction()).build();
                client.put().uri("/bear").header("Authorization", "Bearer anything")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo(
                            "This endpoint is not configured on the server: its secret is missing.");
            });
    }

    @Test
    void bindsProperties() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("HOOK_SECRET=x", "ARA_ENDPOINT_BEAR_SECRET=y", "ara.endpoints.max-body-size=2KB",
                    "ara.endpoints.hmac-tolerance=1m", "ara.endpoints.replay-protection=false",
                    "ara.endpoints.security-headers=false", "ara.endpoints.gateway-paths=false",
                    "ara.endpoints.cors.open.allowed-origins=https://a.example.com",
                    "ara.endpoints.cors.open.max-age=30m", "ara.endpoints.openapi.path=/docs/ara.json")
            .run(context -> {
                AraEndpointsProperties properties = context.getBean(AraEndpointsProperties.class);
                assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(2));
                assertThat(properties.hmacTolerance()).isEqualTo(Duration.ofMinutes(1));
                assertThat(properties.replayProtection()).isFalse();
                assertThat(properties.securityHeaders()).isFalse();
                assertThat(properties.missingSecret()).isEqualTo(AraEndpointsProperties.MissingSecret.FAIL);
                assertThat(properties.cors().get("open").allowedOrigins()).containsExactly("https://a.example.com");
                assertThat(properties.cors().get("open").maxAge()).isEqualTo(Duration.ofMinutes(30));
                assertThat(properties.openapi().path()).isEqualTo("/docs/ara.json");
                assertThat(context.getBean(AraEndpointRoutes.class).routes()).noneMatch(MappedEndpointRoute::gateway);
                WebTestClient client = WebTestClient
                    .bindToRouterFunction(context.getBean(AraEndpointRoutes.class).routerFunction()).build();
                client.get().uri("/docs/ara.json").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
                client.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isOk().expectHeader().doesNotExist("X-Content-Type-Options");
            });
    }

    @Test
    void defaultsMatchTheBoundDefaults() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class)
            .withPropertyValues("HOOK_SECRET=x", "ARA_ENDPOINT_BEAR_SECRET=y")
            .run(context -> assertThat(context.getBean(AraEndpointsProperties.class))
                .isEqualTo(AraEndpointsProperties.defaults()));
    }

    @Test
    void userRoutesTakePrecedence() {
        this.contextRunner.withUserConfiguration(CatalogConfiguration.class, CustomRoutesConfiguration.class)
            .run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(AraEndpointRoutes.class)
                .hasBean("customRoutes"));
    }
}
