package so.ara.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers accepted message ids for a limited time and a limited number of entries, in this process only. An id is
 * remembered for {@code ttl} (twice the timestamp tolerance is enough: older messages are refused by their timestamp
 * anyway), or for the ttl given to {@link #firstSeen(String, Duration)}. When full, the oldest entry is dropped.
 * Thread-safe. Replicas of one app need a shared store instead (the Spring Boot starter's {@code ReplayStore}).
 */
public final class ReplayCache {

    private final Clock clock;

    private final long ttlMillis;

    private final int maxEntries;

    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>(256);

    public ReplayCache(Clock clock, Duration ttl, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    /**
     * Records {@code id} and returns {@code true} if it was not seen within the ttl; returns {@code false} for a
     * replay.
     */
    public boolean firstSeen(String id) {
        return remember(id, this.ttlMillis);
    }

    /**
     * Records {@code id} for {@code ttl} and returns {@code true} if it was not seen within its previous ttl;
     * returns {@code false} for a replay.
     */
    public boolean firstSeen(String id, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return remember(id, ttl.toMillis());
    }

    private synchronized boolean remember(String id, long ttlMillis) {
        long now = this.clock.millis();
        evictExpired(now);
        Long expiry = this.expiries.get(id);
        if (expiry != null && expiry > now) {
            return false;
        }
        while (this.expiries.size() >= this.maxEntries) {
            Iterator<String> oldest = this.expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        this.expiries.remove(id); // re-inserted last, so insertion order stays close to expiry order
        this.expiries.put(id, now + ttlMillis);
        return true;
    }

    /** Number of remembered ids (for tests and metrics). */
    public synchronized int size() {
        return this.expiries.size();
    }

    private void evictExpired(long now) {
        Iterator<Map.Entry<String, Long>> it = this.expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() <= now) {
                it.remove();
            }
            else {
                // insertion order == expiry order for one ttl; a longer ttl ahead only delays eviction, and
                // remember() checks each expiry itself
                return;
            }
        }
    }
}
