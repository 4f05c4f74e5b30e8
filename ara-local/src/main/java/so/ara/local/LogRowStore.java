package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;

/**
 * Where {@link LogHub} keeps its rows beyond memory: nowhere (memory-only servers), or the {@link StoreFile}, so a
 * client resumes with {@code Last-Event-ID} across restarts. Ids are reserved in blocks, durably, so a restarted
 * server never issues an id again, even for rows a crash lost.
 */
interface LogRowStore {

    /** A stored row: its id and SSE frame parts. */
    record Stored(long id, String eventType, String data) {
    }

    void append(String appId, long id, String eventType, String data);

    void remove(String appId, long id);

    /** Highest id reserved for an app (0 when none). */
    long reserved(String appId);

    /** Reserves ids up to {@code upTo} and makes it durable before any of them is used. */
    void reserve(String appId, long upTo);

    /** Every stored row per app, oldest first. */
    Map<String, List<Stored>> load();

    LogRowStore NONE = new LogRowStore() {
        @Override
        public void append(String appId, long id, String eventType, String data) {
        }

        @Override
        public void remove(String appId, long id) {
        }

        @Override
        public long reserved(String appId) {
            return 0;
        }

        @Override
        public void reserve(String appId, long upTo) {
        }

        @Override
        public Map<String, List<Stored>> load() {
            return Map.of();
        }
    };

    /** Rows in the store file: map {@code log:<appId>} (id → event type + newline + data), reservations in meta. */
    static LogRowStore of(StoreFile file) {
        if (!file.durable()) {
            return NONE;
        }
        return new LogRowStore() {
            private final MVMap<String, String> meta = file.map("meta");
            private final Map<String, MVMap<Long, String>> maps = new java.util.concurrent.ConcurrentHashMap<>();

            private MVMap<Long, String> map(String appId) {
                return maps.computeIfAbsent(appId, file::logMap);
            }

            @Override
            public void append(String appId, long id, String eventType, String data) {
                map(appId).put(id, eventType + "\n" + data);
            }

            @Override
            public void remove(String appId, long id) {
                map(appId).remove(id);
            }

            @Override
            public long reserved(String appId) {
                String value = meta.get("log_reserved:" + appId);
                return value == null ? 0 : Long.parseLong(value);
            }

            @Override
            public void reserve(String appId, long upTo) {
                meta.put("log_reserved:" + appId, Long.toString(upTo));
                file.commit();
            }

            @Override
            public Map<String, List<Stored>> load() {
                Map<String, List<Stored>> out = new LinkedHashMap<>();
                for (String appId : file.logApps()) {
                    List<Stored> rows = new ArrayList<>();
                    for (Map.Entry<Long, String> e : map(appId).entrySet()) {
                        String value = e.getValue();
                        int nl = value.indexOf('\n');
                        if (nl < 0) {
                            throw new IllegalStateException("log row " + e.getKey() + " of app " + appId
                                    + " is malformed");
                        }
                        rows.add(new Stored(e.getKey(), value.substring(0, nl), value.substring(nl + 1)));
                    }
                    out.put(appId, rows);
                }
                return out;
            }
        };
    }
}
