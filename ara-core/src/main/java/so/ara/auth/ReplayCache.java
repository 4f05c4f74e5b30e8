package so.ara.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers accepted message ids for a limited time and a limited number of entries. An id is remembered for
 * {@code ttl} (twice the timestamp tolerance is enough: older messages are refused by their timestamp anyway).
 * When full, the oldest entry is dropped. Thread-safe.
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
    public synchronized boolean firstSeen(String id) {
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
        this.expiries.put(id, now + this.ttlMillis);
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
                return; // insertion order == expiry order (constant ttl, monotonic enough clock)
            }
        }
    }
}
