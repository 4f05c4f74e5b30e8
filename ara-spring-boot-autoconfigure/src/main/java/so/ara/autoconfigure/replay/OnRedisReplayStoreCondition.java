package so.ara.autoconfigure.replay;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when the Redis replay store is wanted: {@code ara.replay.store=redis}, or {@code auto} (the default) with
 * Redis configured by the user: a {@code spring.data.redis.*} property, or Redis connection details other than Boot's
 * property-based default (a Testcontainers or Docker Compose service connection). Redis merely being on the classpath
 * (Boot then connects to localhost:6379 lazily) is not enough.
 */
final class OnRedisReplayStoreCondition extends SpringBootCondition {

    private static final String DETAILS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

    private static final String PROPERTIES_DETAILS = "org.springframework.boot.data.redis.autoconfigure.PropertiesDataRedisConnectionDetails";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String store = context.getEnvironment().getProperty("ara.replay.store", "auto").trim().toLowerCase(Locale.ROOT);
        if ("memory".equals(store)) {
            return ConditionOutcome.noMatch("ara.replay.store=memory");
        }
        if ("redis".equals(store)) {
            return ConditionOutcome.match("ara.replay.store=redis");
        }
        Map<String, Object> redis = Binder.get(context.getEnvironment())
            .bind("spring.data.redis", Bindable.mapOf(String.class, Object.class))
            .orElse(Map.of());
        if (!redis.isEmpty()) {
            return ConditionOutcome.match("spring.data.redis." + redis.keySet().iterator().next() + " is set");
        }
        if (hasServiceConnection(context)) {
            return ConditionOutcome.match("Redis connection details are contributed (service connection)");
        }
        return ConditionOutcome.noMatch("no spring.data.redis.* property and no Redis service connection");
    }

    private static boolean hasServiceConnection(ConditionContext context) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        ClassLoader classLoader = context.getClassLoader();
        if (beanFactory == null || !ClassUtils.isPresent(DETAILS, classLoader)) {
            return false;
        }
        Class<?> details = ClassUtils.resolveClassName(DETAILS, classLoader);
        for (String name : beanFactory.getBeanNamesForType(details, true, false)) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null && !PROPERTIES_DETAILS.equals(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
