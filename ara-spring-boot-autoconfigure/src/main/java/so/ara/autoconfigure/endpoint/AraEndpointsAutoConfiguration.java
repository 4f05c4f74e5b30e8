package so.ara.autoconfigure.endpoint;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.autoconfigure.replay.ReplayProtection;
import so.ara.gateway.EndpointBodyReader;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.EndpointProblemMapper;
import so.ara.gateway.DefaultEndpointProblemMapper;

/**
 * Serves the application's Ara endpoints as WebFlux routes behind their auth mode, in a reactive web application
 * that has an {@link AraEndpointCatalog} and an {@link EndpointRunForwarder}. Auto-configurations contributing
 * those two beans (and an optional {@link EndpointAvailability}) must be ordered before this one. The body reader and
 * the problem mapper are beans a user can replace.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = "ara.endpoints.enabled", matchIfMissing = true)
@ConditionalOnBean({ AraEndpointCatalog.class, EndpointRunForwarder.class })
@EnableConfigurationProperties({ AraEndpointsProperties.class, AraServerProperties.class })
public final class AraEndpointsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EndpointSecretResolver araEndpointSecretResolver(Environment environment) {
        return environment::getProperty;
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointBodyReader araEndpointBodyReader(AraEndpointsProperties properties) {
        return new EndpointBodyReader(properties.maxBodySize().toBytes(), properties.maxJsonDepth());
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointProblemMapper araEndpointProblemMapper() {
        return new DefaultEndpointProblemMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    AraEndpointRoutes araEndpointRoutes(AraEndpointCatalog catalog, EndpointRunForwarder forwarder,
            EndpointSecretResolver secretResolver, AraEndpointsProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<EndpointAvailability> availability, EndpointBodyReader bodyReader,
            EndpointProblemMapper problemMapper, ObjectProvider<ReplayProtection> replay) {
        Clock endpointClock = clock.getIfUnique(Clock::systemUTC);
        return new AraEndpointRoutes(catalog.appSlug(), catalog.endpoints(), forwarder, secretResolver, properties,
                endpointClock, availability.getIfAvailable(() -> EndpointAvailability.ALWAYS), bodyReader,
                problemMapper, replay.getIfAvailable(() -> ReplayProtection.inMemory(catalog.appSlug(), endpointClock,
                        Math.max(1, properties.replayCacheSize()))));
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointCorsWebFilter araEndpointsCorsWebFilter(AraEndpointRoutes routes) {
        return routes.corsWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointRateLimitWebFilter araEndpointRateLimitWebFilter(AraEndpointCatalog catalog,
            AraEndpointsProperties properties, ObjectProvider<Clock> clock) {
        return new EndpointRateLimitWebFilter(catalog.appSlug(), catalog.endpoints(), properties.limits(),
                properties.gatewayPaths(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "araEndpointsRouterFunction")
    RouterFunction<ServerResponse> araEndpointsRouterFunction(AraEndpointRoutes routes) {
        return routes.routerFunction();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.reactor.netty.NettyServerCustomizer")
    static class ServerTimeoutsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "araServerTimeouts")
        ServerTimeouts araServerTimeouts(AraServerProperties properties, Environment environment) {
            return new ServerTimeouts(properties, environment);
        }
    }
}
