package so.ara.autoconfigure.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import so.ara.gateway.EndpointBodyReader;
import so.ara.gateway.EndpointProblemMapper;
import so.ara.gateway.DefaultEndpointProblemMapper;

/** The replaceable parts of the endpoint routes and the optional server timeouts. */
class AraEndpointsPartsTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraEndpointsAutoConfiguration.class))
        .withUserConfiguration(AraEndpointsAutoConfigurationTests.CatalogConfiguration.class)
        .withPropertyValues("ara.endpoints.missing-secret=reject");

    @Test
    void defaultsAreContributedAndConfigured() {
        this.runner.withPropertyValues("ara.endpoints.max-body-size=2KB", "ara.endpoints.max-json-depth=7")
            .run(context -> {
                assertThat(context).hasSingleBean(DefaultEndpointProblemMapper.class).hasSingleBean(ServerTimeouts.class);
                EndpointBodyReader reader = context.getBean(EndpointBodyReader.class);
                assertThat(reader.maxBytes()).isEqualTo(2048);
            });
    }

    @Test
    void userBeansReplaceTheBodyReaderAndTheProblemMapper() {
        this.runner.withUserConfiguration(OwnParts.class).run(context -> {
            assertThat(context.getBean(EndpointBodyReader.class).maxBytes()).isEqualTo(10);
            assertThat(context).doesNotHaveBean(DefaultEndpointProblemMapper.class);
            assertThat(context.getBean(EndpointProblemMapper.class)).isSameAs(OwnParts.MAPPER);
        });
    }

    @Test
    void withoutReactorNettyNoServerTimeoutsAreContributed() {
        this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.reactor.netty"))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServerTimeouts.class)
                .hasSingleBean(AraEndpointRoutes.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {

        static final EndpointProblemMapper MAPPER = (failure, instance, requestId) -> org.springframework.http.ProblemDetail
            .forStatus(418);

        @Bean
        EndpointBodyReader ownReader() {
            return new EndpointBodyReader(10, 3);
        }

        @Bean
        EndpointProblemMapper ownMapper() {
            return MAPPER;
        }
    }
}
