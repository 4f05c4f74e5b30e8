package so.ara.autoconfigure.replay;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A {@link ReplayStore} shared by every replica: each claim is one {@code SET <prefix><key> 1 NX PX <ttl>} on Redis,
 * so exactly one instance wins a message id, and the id expires by itself. Non-blocking (reactive Lettuce).
 */
public final class RedisReplayStore implements ReplayStore {

    private final ReactiveStringRedisTemplate redis;

    private final String keyPrefix;

    public RedisReplayStore(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix) {
        this.redis = new ReactiveStringRedisTemplate(connectionFactory);
        this.keyPrefix = (keyPrefix != null) ? keyPrefix : "";
    }

    @Override
    public Mono<Boolean> claim(String key, Duration ttl) {
        return this.redis.opsForValue().setIfAbsent(this.keyPrefix + key, "1", ttl).defaultIfEmpty(false);
    }

    @Override
    public String toString() {
        return "RedisReplayStore[prefix=" + this.keyPrefix + "]";
    }
}
