package so.ara.local;

import java.time.Instant;

/** A runtime key ({@code POST /apps/{id}/keys}) or app-header x-key ({@code POST /apps/{id}/x-keys}). */
final class KeyRecord {

    enum Kind { RUNTIME, X_KEY }

    final String id;
    final String appId;
    final Kind kind;
    final String name;
    final String key;
    final int requestsPerMinute;
    final Instant createdAt;
    volatile boolean active = true;
    /** When a newer runtime key of the same name was minted; null while this is the newest. */
    volatile Instant supersededAt;
    private volatile Instant lastUsedAt;
    private long windowStart;
    private int windowCount;

    KeyRecord(String id, String appId, Kind kind, String name, String key, int requestsPerMinute, Instant createdAt) {
        this.id = id;
        this.appId = appId;
        this.kind = kind;
        this.name = name;
        this.key = key;
        this.requestsPerMinute = requestsPerMinute;
        this.createdAt = createdAt;
    }

    /**
     * Whether the key authenticates at {@code now}. A superseded key keeps working while it is in use (a replica still
     * holding it is not broken) and stops once it was idle for {@code grace}: restarts and replicas mint under one name
     * without keys piling up. Using it counts as use.
     */
    boolean usable(Instant now, java.time.Duration grace) {
        if (!active) {
            return false;
        }
        Instant superseded = supersededAt;
        if (superseded != null) {
            Instant since = lastUsedAt == null || lastUsedAt.isBefore(superseded) ? superseded : lastUsedAt;
            if (!now.isBefore(since.plus(grace))) {
                return false;
            }
        }
        lastUsedAt = now;
        return true;
    }

    /** As {@link #usable} without counting as use. */
    boolean activeAt(Instant now, java.time.Duration grace) {
        Instant superseded = supersededAt;
        if (!active || superseded == null) {
            return active;
        }
        Instant since = lastUsedAt == null || lastUsedAt.isBefore(superseded) ? superseded : lastUsedAt;
        return now.isBefore(since.plus(grace));
    }

    String prefix() {
        return key.substring(0, Math.min(12, key.length()));
    }

    /** Fixed one-minute window. Returns 0 when allowed, else the seconds until the window ends. */
    synchronized long acquire(long nowMillis) {
        long window = nowMillis / 60_000L;
        if (window != windowStart) {
            windowStart = window;
            windowCount = 0;
        }
        if (windowCount >= requestsPerMinute) {
            long remaining = (window + 1) * 60_000L - nowMillis;
            return Math.max(1, (remaining + 999) / 1000);
        }
        windowCount++;
        return 0;
    }
}
