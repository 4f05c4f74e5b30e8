package so.ara.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import so.ara.local.console.ConsoleData;
import so.ara.local.console.ConsoleProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's view of ara-local: reads the same {@link LocalStore}, {@link LogHub} and {@link LocalScheduler} as
 * the API and acts through the same {@link RunEngine}. The only class the console needs re-pointed when storage
 * changes.
 */
final class ConsoleDataAdapter implements ConsoleData {

    /** How often {@link #live()} looks for apps deployed after the stream started. */
    private static final Duration NEW_APP_CHECK = Duration.ofSeconds(1);
    /** How often {@link #appChanges()} compares the apps with what it saw last. */
    private static final Duration APP_CHANGE_CHECK = Duration.ofMillis(500);

    private final LocalStore store;
    private final LogHub logs;
    private final RunEngine engine;
    private final LocalScheduler scheduler;
    private final Function<LocalScheduler.Entry, Mono<Run>> fire;
    private final Supplier<String> baseUrl;

    ConsoleDataAdapter(LocalStore store, LogHub logs, RunEngine engine, LocalScheduler scheduler,
            Function<LocalScheduler.Entry, Mono<Run>> fire, Supplier<String> baseUrl) {
        this.store = store;
        this.logs = logs;
        this.engine = engine;
        this.scheduler = scheduler;
        this.fire = fire;
        this.baseUrl = baseUrl;
    }

    @Override
    public String baseUrl() {
        return baseUrl.get();
    }

    @Override
    public boolean isControlPlaneKey(String token) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                store.apiKey().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<AppRecord> apps() {
        List<AppRecord> out = new ArrayList<>();
        for (LocalApp app : store.apps()) {
            Map<String, Object> detail = app.detail();
            out.add(new AppRecord(app.id, app.slug, Json.str(detail, "name"), Json.str(detail, "status"),
                    Json.map(detail, "agent"), Json.map(detail, "interfaces")));
        }
        return out;
    }

    @Override
    public RunSlice runs(RunQuery q) {
        List<RunRecord> page = new ArrayList<>();
        boolean[] passedCursor = {q.beforeRunId() == null};
        boolean[] more = {false};
        store.forEachRunNewestFirst(run -> {
            if (!passedCursor[0]) {
                passedCursor[0] = run.runId.equals(q.beforeRunId());
                return true;
            }
            if ((q.appId() != null && !q.appId().equals(run.appId))
                    || (q.agentId() != null && !q.agentId().equals(run.agentId))
                    || (q.since() != null && run.createdAt.isBefore(q.since()))
                    || (q.until() != null && run.createdAt.isAfter(q.until()))
                    || (q.status() != null && !q.status().equals(run.status()))) {
                return true;
            }
            if (page.size() == q.limit()) {
                more[0] = true;
                return false;
            }
            page.add(record(run));
            return true;
        });
        return new RunSlice(page, more[0]);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        Run run = store.run(runId);
        return run == null ? Optional.empty() : Optional.of(record(run));
    }

    private static RunRecord record(Run run) {
        Map<String, Object> m = run.toMap();
        return new RunRecord(run.runId, run.appId, run.agentId, Json.str(m, "status"), run.responseMode, m.get("input"),
                Json.map(m, "output"), Json.map(m, "error"), run.createdAt,
                m.get("completed_at") == null ? null : Instant.parse((String) m.get("completed_at")));
    }

    @Override
    public List<LogRecord> logs(String appId, String runId, int limit) {
        List<LogRecord> out = new ArrayList<>();
        for (LocalApp app : appIds(appId)) {
            List<LogHub.Row> rows = logs.rows(app.id, 0);
            int taken = 0;
            for (int i = rows.size() - 1; i >= 0 && taken < limit; i--) {
                LogHub.Row row = rows.get(i);
                if (runId == null || runId.equals(row.json().get("run_id"))) {
                    out.add(record(row));
                    taken++;
                }
            }
        }
        out.sort((a, b) -> a.timestamp().equals(b.timestamp()) ? Long.compare(a.id(), b.id())
                : a.timestamp().compareTo(b.timestamp()));
        return out.size() > limit ? new ArrayList<>(out.subList(out.size() - limit, out.size())) : out;
    }

    private List<LocalApp> appIds(String appId) {
        if (appId == null) {
            return store.apps();
        }
        try {
            return List.of(store.app(appId));
        } catch (ApiException e) {
            return List.of();
        }
    }

    private static LogRecord record(LogHub.Row row) {
        Map<String, Object> j = row.json();
        return new LogRecord(row.id(), Json.str(j, "app_id"), Json.str(j, "run_id"),
                Instant.parse((String) j.get("timestamp")), Json.str(j, "level"), row.eventType(),
                (String) j.get("message"), Json.map(j, "data"));
    }

    @Override
    public Flux<LogRecord> live() {
        return Flux.defer(() -> {
            Set<String> subscribed = ConcurrentHashMap.newKeySet();
            boolean[] first = {true};
            return Flux.interval(Duration.ZERO, NEW_APP_CHECK)
                    .onBackpressureDrop()
                    .concatMapIterable(tick -> {
                        // apps present at connect stream from now on; apps deployed later from their first row
                        List<Map.Entry<String, Long>> added = new ArrayList<>();
                        for (LocalApp app : store.apps()) {
                            if (subscribed.add(app.id)) {
                                added.add(Map.entry(app.id, first[0] ? lastId(app.id) : 0L));
                            }
                        }
                        first[0] = false;
                        return added;
                    })
                    .flatMap(start -> logs.rowFlux(start.getKey(), start.getValue()), Integer.MAX_VALUE)
                    .filter(row -> row.id() != LogHub.GAP_ID)
                    .map(ConsoleDataAdapter::record);
        });
    }

    private long lastId(String appId) {
        List<LogHub.Row> rows = logs.rows(appId, 0);
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id();
    }

    /** The store has no change feed for apps: a cheap fingerprint of every app's detail, compared twice a second. */
    @Override
    public Flux<Long> appChanges() {
        return Flux.interval(Duration.ZERO, APP_CHANGE_CHECK)
                .onBackpressureDrop()
                .map(tick -> {
                    long fingerprint = 1;
                    for (LocalApp app : store.apps()) {
                        fingerprint = 31 * fingerprint + app.detail().hashCode();
                    }
                    return fingerprint;
                })
                .distinctUntilChanged()
                .skip(1);
    }

    @Override
    public List<EventRecord> events(int limit) {
        List<Run> eventRuns = new ArrayList<>();
        store.forEachRunNewestFirst(run -> {
            if ("event".equals(run.responseMode)) {
                eventRuns.add(run);
            }
            return eventRuns.size() < limit;
        });
        Map<String, LogHub.Row> received = new HashMap<>();
        for (String appId : eventRuns.stream().map(r -> r.appId).distinct().toList()) {
            for (LogHub.Row row : logs.rows(appId, 0)) {
                if ("event.received".equals(row.eventType())) {
                    received.put((String) row.json().get("run_id"), row);
                }
            }
        }
        List<EventRecord> out = new ArrayList<>();
        for (Run run : eventRuns) {
            LogHub.Row row = received.get(run.runId);
            Map<String, Object> data = row == null ? Map.of() : Json.map(row.json(), "data");
            Map<String, Object> body = Json.map(Json.map(run.input), "event");
            out.add(new EventRecord(Json.str(data, "event_id"), run.appId, run.runId, row == null ? run.createdAt
                    : Instant.parse((String) row.json().get("timestamp")), body == null ? Map.of() : body,
                    Json.str(data, "idempotency_key")));
        }
        return out;
    }

    @Override
    public List<ScheduleRecord> schedules() {
        List<ScheduleRecord> out = new ArrayList<>();
        for (LocalScheduler.Entry e : scheduler.entries(null)) {
            out.add(new ScheduleRecord(e.appId, e.id, e.source, e.kind, e.zone.getId(),
                    "every".equals(e.kind) ? e.everySeconds : null, e.oneShotAt, e.next, Json.copy(e.run)));
        }
        return out;
    }

    @Override
    public String startRun(String appId, String agentId, Map<String, Object> input) {
        try {
            LocalApp app = store.app(appId);
            Run run = engine.create(app, agentId, input, "poll", false, null, null, null);
            engine.submit(app, run);
            return run.runId;
        } catch (ApiException e) {
            throw new ConsoleProblem(e.status, e.getMessage());
        }
    }

    /** The steps of {@code POST /v1/apps/{id}/events} (without idempotency keys, which the console does not send). */
    @Override
    public SentEvent sendEvent(String appId, Map<String, Object> body) {
        try {
            LocalApp app = store.app(appId);
            for (String f : List.of("event_type", "channel", "source", "message", "agent_id")) {
                Json.optionalString(body, f);
            }
            Json.optionalObject(body, "payload");
            Json.optionalObject(body, "metadata");
            String agentId = Json.str(body, "agent_id");
            String eventId = "evt_" + LocalStore.random(16);
            Run run = engine.create(app, agentId, Json.obj("event", body), "event", false, null, null, null);
            logs.publish(app.id, run.runId, "event.received", "Event received", Json.obj("event_id", eventId,
                    "event_type", body.get("event_type"), "idempotency_key", null));
            engine.submit(app, run);
            return new SentEvent(eventId, run.runId);
        } catch (ApiException e) {
            throw new ConsoleProblem(e.status, e.getMessage());
        }
    }

    @Override
    public void fireSchedule(String appId, String scheduleId) {
        LocalApp app;
        try {
            app = store.app(appId);
        } catch (ApiException e) {
            throw new ConsoleProblem(e.status, e.getMessage());
        }
        LocalScheduler.Entry entry = scheduler.entries(app.id).stream().filter(e -> e.id.equals(scheduleId))
                .findFirst().orElseThrow(() -> new ConsoleProblem(404, "schedule '" + scheduleId
                        + "' is not registered for app '" + app.slug + "' (is the app active?)"));
        fire.apply(entry).subscribeOn(Schedulers.boundedElastic()).subscribe();
    }
}
