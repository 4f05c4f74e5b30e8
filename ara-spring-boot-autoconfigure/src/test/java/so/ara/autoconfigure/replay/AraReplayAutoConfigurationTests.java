package so.ara.autoconfigure.replay;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class AraReplayAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                DataRedisReactiveAutoConfiguration.class, AraReplayAutoConfiguration.class))
        .withPropertyValues("spring.application.name=desk");

    @Test
    void redisOnTheClasspathButNotConfiguredKeepsTheInMemoryStore() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ReactiveRedisConnectionFactory.class);
            assertThat(context).getBean(ReplayStore.class).isInstanceOf(InMemoryReplayStore.class);
            assertThat(context.getBean(ReplayProtection.class).store()).isSameAs(context.getBean(ReplayStore.class));
        });
    }

    @Test
    void configuredRedisIsTheSharedStore() {
        runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:6390").run(context -> {
            assertThat(context).getBean(ReplayStore.class).isInstanceOf(RedisReplayStore.class);
            assertThat(context.getBean(ReplayStore.class)).hasToString("RedisReplayStore[prefix=ara:replay:]");
        });
        runner.withPropertyValues("spring.data.redis.host=redis.internal", "ara.replay.key-prefix=desk:")
            .run(context -> assertThat(context.getBean(ReplayStore.class)).hasToString("RedisReplayStore[prefix=desk:]"));
    }

    @Test
    void memoryCanBeForcedAndRedisRequired() {
        runner.withPropertyValues("spring.data.redis.host=redis.internal", "ara.replay.store=memory")
            .run(context -> assertThat(context).getBean(ReplayStore.class).isInstanceOf(InMemoryReplayStore.class));
        runner.withPropertyValues("ara.replay.store=redis")
            .run(context -> assertThat(context).getBean(ReplayStore.class).isInstanceOf(RedisReplayStore.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
            .withPropertyValues("ara.replay.store=redis")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("ara.replay.store=redis needs Spring Data Redis reactive"));
    }

    @Test
    void withoutSpringDataRedisTheStoreIsInMemory() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
            .withPropertyValues("spring.data.redis.host=redis.internal")
            .run(context -> assertThat(context).getBean(ReplayStore.class).isInstanceOf(InMemoryReplayStore.class));
    }

    @Test
    void aUserStoreAndTimeoutAreUsed() {
        ReplayStore custom = (key, ttl) -> Mono.just(true);
        runner.withBean(ReplayStore.class, () -> custom)
            .withPropertyValues("spring.data.redis.host=redis.internal", "ara.replay.timeout=750ms")
            .run(context -> {
                assertThat(context).getBean(ReplayStore.class).isSameAs(custom);
                assertThat(context.getBean(ReplayProtection.class).toString()).endsWith("timeout=PT0.75S]");
                assertThat(context.getBean(AraReplayProperties.class).timeout()).isEqualTo(Duration.ofMillis(750));
            });
    }
}
