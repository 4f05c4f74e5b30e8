package so.ara.autoconfigure.replay;

import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;
import so.ara.auth.ReplayCache;

/**
 * The default {@link ReplayStore}: a bounded, expiring map in this process ({@link ReplayCache}). Replays are refused
 * by the instance that saw the message; other replicas and a restarted process do not know it.
 */
public final class InMemoryReplayStore implements ReplayStore {

    private final ReplayCache cache;

    /** @param maxEntries how many claimed keys are remembered at most (the oldest is dropped beyond) */
    public InMemoryReplayStore(Clock clock, int maxEntries) {
        this.cache = new ReplayCache(clock, Duration.ofMinutes(10), Math.max(1, maxEntries));
    }

    @Override
    public Mono<Boolean> claim(String key, Duration ttl) {
        return Mono.fromSupplier(() -> this.cache.firstSeen(key, ttl));
    }

    /** Number of keys remembered now. */
    public int size() {
        return this.cache.size();
    }

    @Override
    public String toString() {
        return "InMemoryReplayStore[" + this.cache.size() + " keys]";
    }
}
