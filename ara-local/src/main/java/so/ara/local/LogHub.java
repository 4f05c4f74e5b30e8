package so.ara.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Per-app log rows: a bounded ring buffer ({@code limits.maxLogRowsPerApp}, default 10,000 rows, and
 * {@code limits.maxLogBytes} over all apps; the oldest rows are dropped first) with per-app increasing ids, plus live
 * subscribers. Rows are also written to a {@link LogRowStore} (durable servers), from which the rings are refilled
 * at start.
 *
 * <p>Resume without loss or duplicates: a subscriber is registered and the buffered rows after its
 * {@code Last-Event-ID} are copied under the same lock, so every row is either in the replay copy or delivered
 * live; rows are also de-duplicated by id on the way out. Each subscriber has a bounded queue
 * ({@code limits.subscriberBuffer}); a subscriber that falls that far behind is dropped with a final comment
 * ({@code : dropped: slow consumer ...}) instead of growing memory.
 */
final class LogHub {

    /** A log row; {@code data} is its JSON text, serialized once when published (the only form kept). */
    record Row(long id, String eventType, String data) {

        Map<String, Object> json() {
            return Json.map(Json.parseStored(data));
        }

        /** The SSE frame of docs/local-wire.md: {@code id: n}, {@code event: type}, {@code data: {json}}. */
        String frame() {
            return "id: " + id + "\nevent: " + eventType + "\ndata: " + data + "\n\n";
        }
    }

    static final class SlowConsumer extends RuntimeException {
        SlowConsumer() {
            super("slow consumer", null, false, false);
        }
    }

    private static final class AppLog {
        long nextId;
        long reservedUpTo;
        long bytes;

        AppLog(long firstId) {
            this.nextId = firstId;
        }

        final ArrayDeque<Row> ring = new ArrayDeque<>();
        final List<Sinks.Many<Row>> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    /** Marker row (never sent as a row): the resume point is older than the ring buffer; sent as a comment. */
    static final long GAP_ID = -1;

    /** The resume point of a subscriber without {@code Last-Event-ID}: live rows only, as Ara (no backfill). */
    static final long LIVE = Long.MIN_VALUE;

    /** Ids are reserved durably in blocks of this size. */
    private static final long RESERVE_BLOCK = 10_000;

    private final Map<String, AppLog> logs = new ConcurrentHashMap<>();
    /** {@link LogRowStore#NONE} once detached (the server stops): rows are then kept in memory only. */
    private volatile LogRowStore store;
    private final long maxBytes;
    private final AtomicLong totalBytes = new AtomicLong();
    private final int capacity;
    private final int subscriberBuffer;
    private final Duration heartbeat;
    private final Clock clock;
    private final long firstId;

    LogHub(int capacity, int subscriberBuffer, Duration heartbeat, Clock clock) {
        this(capacity, Long.MAX_VALUE, subscriberBuffer, heartbeat, clock, LogRowStore.NONE);
    }

    /**
     * @param store where rows are kept beyond memory; the rings are refilled from it, and ids continue above every
     *              id reserved before, so a client resuming with an id from before a restart neither skips stored
     *              rows nor sees an id twice
     */
    LogHub(int capacity, long maxBytes, int subscriberBuffer, Duration heartbeat, Clock clock, LogRowStore store) {
        this.firstId = 1;
        this.store = store;
        this.maxBytes = maxBytes;
        this.capacity = capacity;
        this.subscriberBuffer = subscriberBuffer;
        this.heartbeat = heartbeat;
        this.clock = clock;
        store.load().forEach((appId, rows) -> {
            AppLog log = log(appId);
            for (LogRowStore.Stored stored : rows) {
                log.ring.addLast(new Row(stored.id(), stored.eventType(), stored.data()));
                log.bytes += stored.data().length();
                totalBytes.addAndGet(stored.data().length());
                log.nextId = Math.max(log.nextId, stored.id() + 1);
            }
            while (log.ring.size() > capacity) {
                drop(appId, log);
            }
        });
    }

    private AppLog log(String appId) {
        return logs.computeIfAbsent(appId, k -> {
            AppLog log = new AppLog(firstId);
            log.reservedUpTo = store.reserved(appId);
            log.nextId = Math.max(log.nextId, log.reservedUpTo + 1);
            return log;
        });
    }

    /** Drops the oldest row of a ring (caller holds its lock). */
    private void drop(String appId, AppLog log) {
        Row old = log.ring.removeFirst();
        log.bytes -= old.data().length();
        totalBytes.addAndGet(-old.data().length());
        store.remove(appId, old.id());
    }

    long bytes() {
        return totalBytes.get();
    }

    /** Appends a row and hands it to live subscribers. */
    Row publish(String appId, String runId, String eventType, String message, Map<String, Object> data) {
        AppLog log = log(appId);
        Row published;
        synchronized (log) {
            LogRowStore store = this.store;
            long id = log.nextId++;
            if (id > log.reservedUpTo && store != LogRowStore.NONE) {
                log.reservedUpTo = id + RESERVE_BLOCK - 1;
                store.reserve(appId, log.reservedUpTo);
            }
            String level = eventType.endsWith(".failed") ? "error" : "info";
            Map<String, Object> json = Json.obj("id", Long.toString(id), "timestamp", clock.instant().toString(),
                    "level", level, "app_id", appId, "run_id", runId, "event_type", eventType, "message", message,
                    "data", data == null ? Json.obj() : data);
            Row row = new Row(id, eventType, Json.writeString(json));
            log.ring.addLast(row);
            log.bytes += row.data().length();
            totalBytes.addAndGet(row.data().length());
            store.append(appId, id, eventType, row.data());
            while (log.ring.size() > capacity || (totalBytes.get() > maxBytes && log.ring.size() > 1)) {
                drop(appId, log);
            }
            // copy-on-write list: a subscriber cancelling inside tryEmitNext may remove itself safely
            for (Sinks.Many<Row> sink : log.subscribers) {
                Sinks.EmitResult result = sink.tryEmitNext(row);
                if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                    log.subscribers.remove(sink);
                    sink.tryEmitError(new SlowConsumer());
                } else if (result.isFailure()) {
                    log.subscribers.remove(sink);
                }
            }
            published = row;
        }
        if (totalBytes.get() > maxBytes) {
            shrinkOthers(appId);
        }
        return published;
    }

    /** Past the byte bound with only the newest row left in the publishing app: drop the largest app's oldest. */
    private void shrinkOthers(String publisher) {
        while (totalBytes.get() > maxBytes) {
            String largest = null;
            long most = 0;
            for (Map.Entry<String, AppLog> e : logs.entrySet()) {
                if (!e.getKey().equals(publisher) && e.getValue().bytes > most) {
                    most = e.getValue().bytes;
                    largest = e.getKey();
                }
            }
            if (largest == null) {
                return;
            }
            AppLog log = logs.get(largest);
            synchronized (log) {
                while (totalBytes.get() > maxBytes && !log.ring.isEmpty()) {
                    drop(largest, log);
                }
            }
        }
    }

    /** Buffered rows of an app with id greater than {@code afterId}. */
    List<Row> rows(String appId, long afterId) {
        AppLog log = log(appId);
        synchronized (log) {
            List<Row> out = new ArrayList<>();
            for (Row row : log.ring) {
                if (row.id > afterId) {
                    out.add(row);
                }
            }
            return out;
        }
    }

    int subscriberCount(String appId) {
        AppLog log = log(appId);
        synchronized (log) {
            return log.subscribers.size();
        }
    }

    /**
     * Stops writing rows to the store (it is about to close); waits for a write in progress. Rows published later
     * are kept in memory only.
     */
    void detachStore() {
        store = LogRowStore.NONE;
        for (AppLog log : logs.values()) {
            synchronized (log) {
                log.ring.size(); // a publish holding this lock may still be writing with the old store
            }
        }
    }

    /** Ends every open stream (the server is stopping), so clients see the close and reconnect. */
    void close() {
        for (AppLog log : logs.values()) {
            synchronized (log) {
                log.subscribers.forEach(Sinks.Many::tryEmitComplete);
                log.subscribers.clear();
            }
        }
    }

    /**
     * Rows after {@code lastEventId} (replay), then live rows; never completes unless the subscriber is dropped.
     * {@link #LIVE} sends only rows published after the subscription.
     */
    Flux<Row> rowFlux(String appId, long requestedLastEventId) {
        return Flux.defer(() -> {
            long lastEventId = requestedLastEventId;
            AppLog log = log(appId);
            Sinks.Many<Row> sink = Sinks.many().unicast().onBackpressureBuffer(
                    Queues.<Row>get(subscriberBuffer).get());
            List<Row> replay = new ArrayList<>();
            long oldest;
            boolean reset = false;
            synchronized (log) {
                if (lastEventId == LIVE) {
                    lastEventId = log.nextId - 1;
                } else if (lastEventId >= log.nextId) {
                    // an id this server never issued (e.g. it restarted): resend everything buffered
                    lastEventId = 0;
                    reset = true;
                }
                oldest = log.ring.isEmpty() ? log.nextId : log.ring.peekFirst().id;
                log.subscribers.add(sink);
                for (Row row : log.ring) {
                    if (row.id > lastEventId) {
                        replay.add(row);
                    }
                }
            }
            AtomicLong lastSent = new AtomicLong(lastEventId);
            long resumeAfter = lastEventId;
            Flux<Row> gap = requestedLastEventId == LIVE ? Flux.empty() : reset
                    ? Flux.just(new Row(GAP_ID, "gap", "Last-Event-ID " + requestedLastEventId
                            + " is unknown to this server (restarted?); replaying the buffer"))
                    : lastEventId > 0 && oldest > lastEventId + 1
                    ? Flux.just(new Row(GAP_ID, "gap", "rows " + (resumeAfter + 1) + "-" + (oldest - 1)
                            + " were evicted from the ring buffer"))
                    : Flux.empty();
            return gap.concatWith(Flux.concat(Flux.fromIterable(replay), sink.asFlux())
                    .filter(row -> row.id > lastSent.get())
                    .doOnNext(row -> lastSent.set(row.id)))
                    .doFinally(signal -> {
                        synchronized (log) {
                            log.subscribers.remove(sink);
                        }
                    });
        });
    }

    /** The SSE form: {@code retry: 1000} first, {@code id:}/{@code event:}/{@code data:} rows, keep-alive comments. */
    static final String DROPPED = "dropped: slow consumer; reconnect with Last-Event-ID";

    /** The SSE form: {@code retry: 1000} first, {@code id:}/{@code event:}/{@code data:} rows, keep-alive comments. */
    Flux<ServerSentEvent<String>> sse(String appId, long lastEventId) {
        return stream(appId, lastEventId,
                row -> ServerSentEvent.<String>builder(row.data()).id(Long.toString(row.id())).event(row.eventType())
                        .build(),
                comment -> ServerSentEvent.<String>builder().comment(comment).build(),
                ServerSentEvent.<String>builder().retry(Duration.ofMillis(1000)).build(),
                e -> DROPPED.equals(e.comment()));
    }

    /**
     * The same stream as raw {@code text/event-stream} frames, written without per-event flushes so the transport
     * can batch under load ({@code retry: 1000}, {@code id: n}, {@code event: type}, {@code data: {json}},
     * {@code : keep-alive}).
     */
    Flux<String> sseFrames(String appId, long lastEventId) {
        return stream(appId, lastEventId, Row::frame, comment -> ": " + comment + "\n\n", "retry: 1000\n\n",
                DROPPED_FRAME::equals);
    }

    private static final String DROPPED_FRAME = ": " + DROPPED + "\n\n";

    private <T> Flux<T> stream(String appId, long lastEventId, java.util.function.Function<Row, T> rowMapper,
            java.util.function.Function<String, T> commentMapper, T retry, java.util.function.Predicate<T> isDropped) {
        Flux<T> rows = rowFlux(appId, lastEventId)
                .map(row -> row.id() == GAP_ID ? commentMapper.apply("gap: " + row.data()) : rowMapper.apply(row))
                .onErrorResume(SlowConsumer.class, e -> Flux.just(commentMapper.apply(DROPPED)));
        Sinks.One<Boolean> done = Sinks.one();
        Flux<T> beats = Flux.interval(heartbeat, heartbeat)
                .map(i -> commentMapper.apply("keep-alive"))
                .takeUntilOther(done.asMono());
        return Flux.just(retry).concatWith(Flux.merge(16, rows.doOnTerminate(() -> done.tryEmitValue(true)), beats)
                .takeUntil(isDropped));
    }
}
