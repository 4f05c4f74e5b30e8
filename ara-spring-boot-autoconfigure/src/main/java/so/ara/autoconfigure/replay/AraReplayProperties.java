package so.ara.autoconfigure.replay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where signed message ids (hmac endpoints, Java callbacks) are remembered so each message is accepted once.
 *
 * @param store auto uses Redis when Spring Data Redis (reactive) is on the classpath and spring.data.redis.* (or a
 * Redis service connection) is configured, else memory; redis requires it; memory keeps ids in this process only
 * @param keyPrefix prefix of the Redis keys, followed by app:scope:scheme:message-id
 * @param timeout how long a claim may take before the request is refused with 503 (the message is never accepted
 * unclaimed)
 * @param maxEntries how many message ids the in-memory store remembers at most (the oldest is dropped beyond)
 */
@ConfigurationProperties("ara.replay")
public record AraReplayProperties(@DefaultValue("auto") Store store, @DefaultValue("ara:replay:") String keyPrefix,
        @DefaultValue("2s") Duration timeout, @DefaultValue("100000") int maxEntries) {

    /** Which {@link ReplayStore} is auto-configured. */
    public enum Store {

        /** Redis when configured, else memory. */
        AUTO,

        /** Redis; startup fails when no reactive Redis connection factory exists. */
        REDIS,

        /** This process only. */
        MEMORY

    }
}
