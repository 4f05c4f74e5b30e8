package so.ara.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.h2.mvstore.MVMap;
import so.ara.spec.RunIds;

/**
 * The kept runs: unfinished ones as live objects the engine mutates, every one as a JSON record in the store.
 * Bounded by count and by bytes of those records; past either bound the oldest finished runs go first, and a new
 * run that does not fit beside the unfinished ones answers 503: accepted work is never dropped.
 */
final class RunStore {

    static final String RESTARTED = "ara-local restarted before the run finished";
    static final String STOPPED = "ara-local stopped before the run finished";

    /** What is known of a run without reading its record. */
    private static final class Meta {
        final String appId;
        final String idempotencyKey;
        final long seq;
        int bytes;
        boolean finished;

        Meta(String appId, String idempotencyKey, long seq, int bytes, boolean finished) {
            this.appId = appId;
            this.idempotencyKey = idempotencyKey;
            this.seq = seq;
            this.bytes = bytes;
            this.finished = finished;
        }
    }

    private final AraLocalSettings.Limits limits;
    private final Clock clock;
    private final RunRecords records;
    private MVMap<String, String> rows;
    private final Map<String, Run> live = new HashMap<>();
    /** every kept run in creation order. */
    private final LinkedHashMap<String, Meta> index = new LinkedHashMap<>();
    /** app id + "\n" + idempotency key → run id. */
    private final Map<String, String> idempotency = new HashMap<>();
    private final List<Run> interrupted = new ArrayList<>();
    private long bytes;
    private long nextSeq = 1;
    /** Set when the server stops: no more runs are stored, later changes of running runs are not written. */
    private boolean closed;

    RunStore(AraLocalSettings.Limits limits, Clock clock, RunRecords records) {
        this.limits = limits;
        this.clock = clock;
        this.records = records;
    }

    /** The map the records live in (re-bound when the store switches from read-only to writable). */
    synchronized void bind(MVMap<String, String> value) {
        this.rows = value;
    }

    /** Reads every record; unfinished runs are remembered for {@link #markInterrupted()}. */
    synchronized void load() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String json : rows.values()) {
            Map<String, Object> row = RunRecords.parse(json);
            row.put("$bytes", json.length());
            all.add(row);
        }
        all.sort(Comparator.comparingLong(RunRecords::seq));
        for (Map<String, Object> row : all) {
            int size = (Integer) row.remove("$bytes");
            Run run = records.read(row);
            long seq = RunRecords.seq(row);
            nextSeq = Math.max(nextSeq, seq + 1);
            index.put(run.runId, new Meta(run.appId, run.idempotencyKey, seq, size, run.finished()));
            bytes += size;
            if (run.idempotencyKey != null) {
                idempotency.put(run.appId + "\n" + run.idempotencyKey, run.runId);
            }
            if (!run.finished()) {
                interrupted.add(run);
            }
        }
    }

    /** Fails the runs a previous process left unfinished, so their status answers and says why. */
    synchronized void markInterrupted() {
        for (Run run : interrupted) {
            run.restore("failed", Json.obj("text", "", "tool_calls", List.of()), Json.obj("message", RESTARTED),
                    clock.instant());
            rewrite(run, index.get(run.runId));
            index.get(run.runId).finished = true;
        }
    }

    /** Runs that were unfinished when the store was last closed, now failed with {@link #RESTARTED}. */
    synchronized List<Run> interrupted() {
        return List.copyOf(interrupted);
    }

    /** A new run id in the reference shape, not held by any kept run. */
    synchronized String newRunId() {
        String id = RunIds.newRunId(clock);
        while (index.containsKey(id)) {
            id = RunIds.newRunId(clock);
        }
        return id;
    }

    /** Stores a new run; 409 when its id is taken, 503 when it does not fit beside the unfinished runs. */
    void put(Run run) {
        synchronized (this) {
            if (closed) {
                throw new ApiException(503, "Service Unavailable", "ara-local is stopping")
                        .header("Retry-After", "1");
            }
            if (index.containsKey(run.runId)) {
                throw ApiException.conflict("run id '" + run.runId + "' already exists");
            }
            long seq = nextSeq++;
            String json = records.write(run, seq);
            makeRoom(json.length(), true);
            rows.put(run.runId, json);
            index.put(run.runId, new Meta(run.appId, run.idempotencyKey, seq, json.length(), run.finished()));
            bytes += json.length();
            if (!run.finished()) {
                live.put(run.runId, run);
            }
            if (run.idempotencyKey != null) {
                idempotency.put(run.appId + "\n" + run.idempotencyKey, run.runId);
            }
        }
        run.onChange(this::changed);
    }

    /** Writes a run after a status change; a finished run leaves the live set. */
    private void changed(Run run) {
        if ("running".equals(run.status())) {
            return; // queued and running mean the same after a restart: not finished
        }
        synchronized (this) {
            Meta meta = index.get(run.runId);
            if (meta == null || closed) {
                return;
            }
            rewrite(run, meta);
            if (run.finished()) {
                meta.finished = true;
                live.remove(run.runId);
                makeRoom(0, false);
                if (live.isEmpty()) {
                    notifyAll();
                }
            }
        }
    }

    /** Waits until no run is unfinished, at most {@code timeoutMillis}; true when none is. */
    synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        long left = timeoutMillis;
        while (!live.isEmpty() && left > 0) {
            wait(left);
            left = (end - System.nanoTime()) / 1_000_000L;
        }
        return live.isEmpty();
    }

    /**
     * Stops storing (the server is closing): runs still unfinished are marked failed with {@link #STOPPED}, as a
     * restart would mark them, and returned so their {@code run.failed} rows can be logged.
     */
    synchronized List<Run> stop() {
        List<Run> stopped = new ArrayList<>();
        for (Run run : live.values()) {
            if (run.interrupt(STOPPED, clock.instant())) {
                stopped.add(run);
            }
            Meta meta = index.get(run.runId);
            rewrite(run, meta); // also a run that finished just now, whose own write comes too late
            meta.finished = true;
        }
        live.clear();
        closed = true;
        return stopped;
    }

    /** Stops storing without writing anything (the store is gone, as after a crash). */
    synchronized void detach() {
        closed = true;
    }

    private void rewrite(Run run, Meta meta) {
        String json = records.write(run, meta.seq);
        rows.put(run.runId, json);
        bytes += json.length() - meta.bytes;
        meta.bytes = json.length();
    }

    /** Evicts the oldest finished runs until {@code incoming} more bytes (and one more run, when admitting) fit. */
    private void makeRoom(int incoming, boolean admit) {
        int extra = admit ? 1 : 0;
        if (index.size() + extra <= limits.maxRuns() && bytes + incoming <= limits.maxRunBytes()) {
            return;
        }
        Iterator<Map.Entry<String, Meta>> it = index.entrySet().iterator();
        while (it.hasNext() && (index.size() + extra > limits.maxRuns() || bytes + incoming > limits.maxRunBytes())) {
            Map.Entry<String, Meta> e = it.next();
            Meta m = e.getValue();
            if (m.finished) {
                it.remove();
                rows.remove(e.getKey());
                bytes -= m.bytes;
                if (m.idempotencyKey != null) {
                    idempotency.remove(m.appId + "\n" + m.idempotencyKey);
                }
            }
        }
        if (admit && bytes + incoming > limits.maxRunBytes()) {
            throw new ApiException(503, "Service Unavailable", "ara-local holds " + bytes + " bytes of unfinished "
                    + "runs; a run of " + incoming + " bytes does not fit in its limit of " + limits.maxRunBytes()
                    + " bytes (limits.maxRunBytes)").header("Retry-After", "1");
        }
    }

    /** A kept run (the live object while unfinished, else read from its record), or null. */
    Run get(String runId) {
        String json;
        synchronized (this) {
            Run running = live.get(runId);
            if (running != null) {
                return running;
            }
            if (!index.containsKey(runId)) {
                return null;
            }
            json = rows.get(runId);
        }
        return json == null ? null : records.read(json);
    }

    synchronized int count() {
        return index.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Runs of an app, newest first, at most {@code limit}. */
    List<Run> of(String appId, int limit) {
        List<Run> out = new ArrayList<>();
        forEachNewestFirst(run -> {
            if (run.appId.equals(appId)) {
                out.add(run);
            }
            return out.size() < limit;
        });
        return out;
    }

    /** Visits stored runs newest first, reading one at a time, until {@code visitor} answers false. */
    void forEachNewestFirst(Predicate<Run> visitor) {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(index.keySet());
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            Run run = get(ids.get(i));
            if (run != null && !visitor.test(run)) {
                return;
            }
        }
    }

    Run byIdempotencyKey(String appId, String key) {
        String runId;
        synchronized (this) {
            runId = idempotency.get(appId + "\n" + key);
        }
        return runId == null ? null : get(runId);
    }
}
