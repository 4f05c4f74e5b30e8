package so.ara.autoconfigure.replay;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import so.ara.autoconfigure.AraAppDefinition;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.callback.AraCallbackAutoConfiguration;
import so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration;

/**
 * The {@link ReplayStore} that hmac endpoints and Java callbacks claim signed message ids in: Redis
 * ({@link RedisReplayStore}) when Spring Data Redis reactive is on the classpath and configured (see
 * {@link OnRedisReplayStoreCondition}), else in memory. A user-defined {@link ReplayStore} bean replaces both.
 */
@AutoConfiguration(after = AraManifestAutoConfiguration.class,
        afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" },
        before = { AraEndpointsAutoConfiguration.class, AraCallbackAutoConfiguration.class })
@EnableConfigurationProperties(AraReplayProperties.class)
@Import(AraReplayAutoConfiguration.RedisStoreConfiguration.class)
public final class AraReplayAutoConfiguration {

    private static final Log logger = LogFactory.getLog(AraReplayAutoConfiguration.class);

    /** The fallback, registered after the Redis configuration had its chance. */
    @Bean
    @ConditionalOnMissingBean
    ReplayStore araInMemoryReplayStore(AraReplayProperties properties, ObjectProvider<Clock> clock) {
        if (properties.store() == AraReplayProperties.Store.REDIS) {
            throw new IllegalStateException("ara.replay.store=redis needs Spring Data Redis reactive on the"
                    + " classpath (org.springframework.boot:spring-boot-starter-data-redis-reactive) and a"
                    + " ReactiveRedisConnectionFactory bean (set spring.data.redis.host or spring.data.redis.url)");
        }
        return new InMemoryReplayStore(clock.getIfUnique(Clock::systemUTC), properties.maxEntries());
    }

    @Bean
    @ConditionalOnMissingBean
    ReplayProtection araReplayProtection(ReplayStore store, AraReplayProperties properties,
            ObjectProvider<AraAppDefinition> definition, Environment environment) {
        AraAppDefinition app = definition.getIfAvailable();
        String slug = (app != null) ? app.slug() : environment.getProperty("spring.application.name", "app");
        logger.info("Ara replay protection: signed message ids are claimed in " + store);
        return new ReplayProtection(store, slug, properties.timeout());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ ReactiveRedisConnectionFactory.class, ReactiveStringRedisTemplate.class })
    @ConditionalOnBean(ReactiveRedisConnectionFactory.class)
    @Conditional(OnRedisReplayStoreCondition.class)
    static class RedisStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReplayStore araRedisReplayStore(ReactiveRedisConnectionFactory connectionFactory, AraReplayProperties properties) {
            return new RedisReplayStore(connectionFactory, properties.keyPrefix());
        }
    }
}
