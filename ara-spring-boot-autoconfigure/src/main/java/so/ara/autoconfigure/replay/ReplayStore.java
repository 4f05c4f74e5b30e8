package so.ara.autoconfigure.replay;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where accepted message ids of signed requests (hmac endpoints, Java callbacks) are claimed, so that a message is
 * accepted once: by one replica, and not again after a restart when the store outlives the process. The signature is
 * checked first (CPU only); only authentic messages reach the store.
 * <p>
 * Auto-configured: {@link RedisReplayStore} when Spring Data Redis (reactive) is configured, else
 * {@link InMemoryReplayStore}. Define a bean of this type to plug another one.
 */
@FunctionalInterface
public interface ReplayStore {

    /**
     * Claims {@code key} until {@code ttl} has passed. Emits {@code true} when this call claimed it, {@code false} when
     * it is already claimed (a replay), or an error when the store cannot answer. Must not block the calling thread.
     */
    Mono<Boolean> claim(String key, Duration ttl);
}
