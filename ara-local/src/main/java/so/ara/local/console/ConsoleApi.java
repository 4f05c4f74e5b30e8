package so.ara.local.console;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.local.console.ConsoleData.AppRecord;
import so.ara.local.console.ConsoleData.EventRecord;
import so.ara.local.console.ConsoleData.LogRecord;
import so.ara.local.console.ConsoleData.RunQuery;
import so.ara.local.console.ConsoleData.RunRecord;
import so.ara.local.console.ConsoleData.RunSlice;
import reactor.core.publisher.Mono;

/** The console's read-only JSON: apps, runs (filtered, paginated), one run, log rows and events. */
final class ConsoleApi {

    static final Set<String> STATUSES = Set.of("queued", "running", "completed", "failed", "cancelled");
    static final Set<String> LEVELS = Set.of("info", "error");

    record EventView(String eventId, String appId, String appSlug, String runId, String runStatus, String receivedAt,
            Object eventType, Object channel, Object source, Object message, Object payload, Object metadata,
            String idempotencyKey) {
    }

    private final ConsoleData data;

    ConsoleApi(ConsoleData data) {
        this.data = data;
    }

    Mono<ServerResponse> apps(ServerRequest request) {
        List<ConsoleData.ScheduleRecord> schedules = data.schedules();
        List<AppViews.AppView> views = new ArrayList<>();
        for (AppRecord app : data.apps()) {
            views.add(AppViews.of(app, schedules, data.baseUrl()));
        }
        return ConsoleResponses.json(200, Map.of("apps", views));
    }

    Mono<ServerResponse> runs(ServerRequest request) {
        Map<String, String> slugs = slugs();
        String app = param(request, "app");
        String appId = app == null ? null : appId(app, slugs);
        String status = param(request, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ConsoleProblem.badRequest("status must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        int limit = intParam(request, "limit", 50, 1, 200);
        RunSlice slice = data.runs(new RunQuery(appId, param(request, "agent"), status, instant(request, "since"),
                instant(request, "until"), param(request, "before"), limit));
        List<RunViews.RunSummary> rows = new ArrayList<>();
        for (RunRecord run : slice.runs()) {
            rows.add(RunViews.summary(run, slugs.get(run.appId())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", rows);
        body.put("more", slice.more());
        body.put("next_before", slice.more() && !rows.isEmpty() ? rows.get(rows.size() - 1).runId() : null);
        return ConsoleResponses.json(200, body);
    }

    Mono<ServerResponse> run(ServerRequest request) {
        String runId = request.pathVariable("runId");
        RunRecord run = data.run(runId).orElseThrow(() -> ConsoleProblem.notFound("run '" + runId + "' not found"));
        List<LogRecord> rows = data.logs(run.appId(), run.runId(), 1000);
        return ConsoleResponses.json(200, RunViews.detail(run, slugs().get(run.appId()), rows));
    }

    Mono<ServerResponse> logs(ServerRequest request) {
        String app = param(request, "app");
        String appId = app == null ? null : appId(app, slugs());
        String level = param(request, "level");
        if (level != null && !LEVELS.contains(level)) {
            throw ConsoleProblem.badRequest("level must be one of " + new java.util.TreeSet<>(LEVELS));
        }
        int limit = intParam(request, "limit", 300, 1, 2000);
        List<LogRecord> rows = data.logs(appId, param(request, "run"), level == null ? limit : 10_000);
        if (level != null) {
            rows = rows.stream().filter(r -> level.equals(r.level())).toList();
            rows = rows.size() > limit ? rows.subList(rows.size() - limit, rows.size()) : rows;
        }
        return ConsoleResponses.json(200, Map.of("logs", rows));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        Map<String, String> slugs = slugs();
        int limit = intParam(request, "limit", 100, 1, 500);
        List<EventView> views = new ArrayList<>();
        for (EventRecord e : data.events(limit)) {
            Map<String, Object> b = e.body();
            views.add(new EventView(e.eventId(), e.appId(), slugs.get(e.appId()), e.runId(),
                    data.run(e.runId()).map(RunRecord::status).orElse(null), e.receivedAt().toString(),
                    b.get("event_type"), b.get("channel"), b.get("source"), b.get("message"), b.get("payload"),
                    b.get("metadata"), e.idempotencyKey()));
        }
        return ConsoleResponses.json(200, Map.of("events", views));
    }

    private Map<String, String> slugs() {
        Map<String, String> out = new HashMap<>();
        data.apps().forEach(a -> out.put(a.id(), a.slug()));
        return out;
    }

    /** An app named by id or slug. */
    static String appId(String idOrSlug, Map<String, String> slugs) {
        if (slugs.containsKey(idOrSlug)) {
            return idOrSlug;
        }
        return slugs.entrySet().stream().filter(e -> e.getValue().equals(idOrSlug)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> ConsoleProblem.notFound("app '" + idOrSlug + "' not found"));
    }

    static String param(ServerRequest request, String name) {
        return request.queryParam(name).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static int intParam(ServerRequest request, String name, int dflt, int min, int max) {
        String value = param(request, name);
        if (value == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ConsoleProblem.badRequest(name + " must be an integer from " + min + " to " + max);
    }

    private static Instant instant(ServerRequest request, String name) {
        String value = param(request, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ConsoleProblem.badRequest(name + " must be an ISO-8601 instant such as 2026-12-02T12:00:00Z");
        }
    }
}
