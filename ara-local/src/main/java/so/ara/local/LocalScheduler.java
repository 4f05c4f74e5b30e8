package so.ara.local;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Fires schedules of deployed (active) apps: the agent rows' and tools' {@code schedules} and the jobs registered with
 * {@code automation_create}. {@code kind: cron} is POSIX 5-field in the schedule's {@code timezone}; when both
 * day-of-month and day-of-week are restricted a day matches if EITHER matches (Unix cron). {@code one_shot_at}
 * fires once at that instant. {@code kind: every} fires every {@code every_seconds}. Missed firings collapse into
 * one (fire latest only). Time comes from the injected {@link Clock}; {@link #tick()} is called by a ticker (or by
 * tests after advancing their clock).
 */
final class LocalScheduler {

    private static final Logger log = LoggerFactory.getLogger(LocalScheduler.class);
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Longest {@code every} interval: a year (Ara's minimum is 60 s). */
    static final long MAX_EVERY_SECONDS = 366L * 24 * 3600;

    /** A schedule ready to fire. {@code run} is the normalized run spec ({@code type: agent|tool}). */
    static final class Entry {
        final String appId;
        final String id;
        final String source;
        final String kind;
        final ZoneId zone;
        final List<ExecutionTime> cron;
        final long everySeconds;
        final Instant oneShotAt;
        final Map<String, Object> run;
        Instant next;

        Entry(String appId, String id, String source, String kind, ZoneId zone, List<ExecutionTime> cron,
                long everySeconds, Instant oneShotAt, Map<String, Object> run) {
            this.appId = appId;
            this.id = id;
            this.source = source;
            this.kind = kind;
            this.zone = zone;
            this.cron = cron;
            this.everySeconds = everySeconds;
            this.oneShotAt = oneShotAt;
            this.run = run;
        }

        /** The next firing after {@code now}, or null (never throws: stored data must not stop the scheduler). */
        Instant nextAfter(Instant now) {
            try {
                return computeNext(now);
            } catch (RuntimeException e) {
                log.warn("ara-local cannot compute the next firing of schedule {}: {}", id, e.getMessage());
                return null;
            }
        }

        private Instant computeNext(Instant now) {
            if (oneShotAt != null) {
                return oneShotAt.isAfter(now) ? oneShotAt : null;
            }
            if ("every".equals(kind)) {
                return now.plusSeconds(everySeconds);
            }
            ZonedDateTime from = now.atZone(zone);
            Instant best = null;
            for (ExecutionTime time : cron) {
                Optional<ZonedDateTime> n = time.nextExecution(from);
                if (n.isPresent() && (best == null || n.get().toInstant().isBefore(best))) {
                    best = n.get().toInstant();
                }
            }
            return best;
        }

        Map<String, Object> toMap() {
            return Json.obj("id", id, "app_id", appId, "source", source, "kind", kind, "timezone", zone.getId(),
                    "every_seconds", "every".equals(kind) ? everySeconds : null,
                    "one_shot_at", oneShotAt == null ? null : oneShotAt.toString(), "run", run,
                    "next_fire_at", next == null ? null : next.toString());
        }
    }

    interface Firing {
        Mono<Run> fire(Entry entry);
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Firing firing;

    LocalScheduler(Clock clock) {
        this.clock = clock;
    }

    void firing(Firing firing) {
        this.firing = firing;
    }

    /** Parses POSIX 5-field cron into one or two execution times (two when day-of-month OR day-of-week). */
    static List<ExecutionTime> parseCron(String expr) {
        String[] f = expr.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("cron expression must have 5 fields: '" + expr + "'");
        }
        for (String field : f) {
            if (field.matches(".*[?LW#].*")) {
                throw new IllegalArgumentException("cron expression uses non-POSIX syntax: '" + expr + "'");
            }
        }
        List<ExecutionTime> out = new ArrayList<>();
        if (!"*".equals(f[2]) && !"*".equals(f[4])) {
            out.add(ExecutionTime.forCron(PARSER.parse(f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " *")));
            out.add(ExecutionTime.forCron(PARSER.parse(f[0] + " " + f[1] + " * " + f[3] + " " + f[4])));
        } else {
            out.add(ExecutionTime.forCron(PARSER.parse(String.join(" ", f))));
        }
        return out;
    }

    /** Builds an entry from a manifest schedule spec; throws IllegalArgumentException with a clear message. */
    static Entry entry(String appId, String source, Map<String, Object> spec, Map<String, Object> run) {
        String id = Json.str(spec, "id");
        if (id == null) {
            throw new IllegalArgumentException("schedule id is required");
        }
        if (id.length() > 128) {
            throw new IllegalArgumentException("schedule id must be at most 128 characters");
        }
        String kind = Json.str(spec, "kind");
        if (run == null) {
            throw new IllegalArgumentException("schedule '" + id + "' has no run");
        }
        String type = Json.str(run, "type");
        if ("agent".equals(type) ? Json.str(run, "agent_id") == null
                : !"tool".equals(type) || (Json.str(run, "tool_name") == null && Json.str(run, "tool") == null)) {
            throw new IllegalArgumentException("schedule '" + id + "' run must be {type: agent, agent_id} or "
                    + "{type: tool, tool_name}");
        }
        if ("cron".equals(kind)) {
            String expr = Json.str(spec, "cron") != null ? Json.str(spec, "cron") : Json.str(spec, "expr");
            if (expr == null) {
                throw new IllegalArgumentException("cron schedule requires expr/cron");
            }
            String tz = Json.str(spec, "timezone") == null ? "UTC" : Json.str(spec, "timezone");
            ZoneId zone;
            try {
                zone = ZoneId.of(tz);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("schedule '" + id + "' has an unknown timezone '" + tz + "'");
            }
            Instant oneShot = null;
            if (Json.str(spec, "one_shot_at") != null) {
                try {
                    oneShot = Instant.parse(Json.str(spec, "one_shot_at"));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("cron schedule one_shot_at must be a valid ISO8601 timestamp");
                }
            }
            List<ExecutionTime> cron;
            try {
                cron = parseCron(expr);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("schedule '" + id + "': " + (e.getMessage() == null
                        ? "invalid cron expression '" + expr + "'" : e.getMessage()));
            }
            return new Entry(appId, id, source, "cron", zone, cron, 0, oneShot, run);
        }
        if ("every".equals(kind)) {
            Object seconds = spec.get("every_seconds") != null ? spec.get("every_seconds") : spec.get("seconds");
            if (!(seconds instanceof Integer || seconds instanceof Long)) {
                throw new IllegalArgumentException(seconds instanceof Number
                        ? "every_seconds must be a whole number of seconds between 60 and " + MAX_EVERY_SECONDS
                        : "every schedule minimum interval is 60 seconds");
            }
            long n = ((Number) seconds).longValue();
            if (n < 60) {
                throw new IllegalArgumentException("every schedule minimum interval is 60 seconds");
            }
            if (n > MAX_EVERY_SECONDS) {
                throw new IllegalArgumentException("every_seconds must be at most " + MAX_EVERY_SECONDS
                        + " (one year)");
            }
            return new Entry(appId, id, source, "every", ZoneId.of("UTC"), List.of(), n, null, run);
        }
        throw new IllegalArgumentException("schedule kind must be 'cron' or 'every'");
    }

    /** A schedule of a manifest, with the field it came from (e.g. {@code agent.agents[0].schedules[1]}). */
    record ManifestSpec(String field, Map<String, Object> spec) {
    }

    /** The schedules of a manifest's agent part: each agent row's and each tool's, with their default run. */
    static List<ManifestSpec> manifestSpecs(Map<String, Object> agent) {
        List<ManifestSpec> specs = new ArrayList<>();
        List<Map<String, Object>> agents = Json.maps(agent == null ? null : agent.get("agents"));
        for (int i = 0; i < agents.size(); i++) {
            Map<String, Object> row = agents.get(i);
            List<Map<String, Object>> schedules = Json.maps(row.get("schedules"));
            for (int j = 0; j < schedules.size(); j++) {
                Map<String, Object> copy = new LinkedHashMap<>(schedules.get(j));
                if (Json.map(copy, "run") == null) {
                    copy.put("run", Json.obj("type", "agent", "agent_id", row.get("id")));
                }
                specs.add(new ManifestSpec("agent.agents[" + i + "].schedules[" + j + "]", copy));
            }
        }
        List<Map<String, Object>> tools = Json.maps(agent == null ? null : agent.get("tools"));
        for (int i = 0; i < tools.size(); i++) {
            Map<String, Object> tool = tools.get(i);
            String name = Json.str(Json.map(tool, "function"), "name");
            List<Map<String, Object>> schedules = Json.maps(tool.get("schedules"));
            for (int j = 0; j < schedules.size(); j++) {
                Map<String, Object> copy = new LinkedHashMap<>(schedules.get(j));
                if (Json.map(copy, "run") == null) {
                    copy.put("run", Json.obj("type", "tool", "tool_name", name, "args", Json.obj()));
                }
                specs.add(new ManifestSpec("agent.tools[" + i + "].schedules[" + j + "]", copy));
            }
        }
        return specs;
    }

    /** Checks every schedule of a manifest's agent part; 422 naming the first bad field. */
    static void checkManifest(Map<String, Object> agent) {
        for (ManifestSpec s : manifestSpecs(agent)) {
            try {
                entry("check", "manifest", s.spec(), Json.map(s.spec(), "run"));
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(s.field() + ": " + e.getMessage()).with("field", s.field());
            }
        }
    }

    /** Replaces the manifest schedules of an app (agent rows and tools); automation jobs stay. */
    synchronized void registerManifest(LocalApp app) {
        entries.values().removeIf(e -> e.appId.equals(app.id) && "manifest".equals(e.source));
        if (!app.active()) {
            return;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> specs = new ArrayList<>();
        Map<String, Object> agent;
        synchronized (app) {
            agent = Json.copy(app.agent);
        }
        manifestSpecs(agent).forEach(s -> specs.add(s.spec()));
        for (Map<String, Object> spec : specs) {
            try {
                Entry e = entry(app.id, "manifest", spec, Json.map(spec, "run"));
                String key = app.id + "/manifest/" + e.id;
                if (entries.containsKey(key)) {
                    continue; // tool schedules are copied into the anchor agent: same id, fire once
                }
                e.next = e.nextAfter(now);
                entries.put(key, e);
            } catch (RuntimeException ex) {
                log.warn("ara-local skips a schedule of app {}: {}", app.slug, ex.getMessage());
            }
        }
    }

    /** Adds (or with upsert replaces) an automation job; 409 when it exists and upsert is false. */
    synchronized Entry addAutomation(Entry entry, boolean upsert) {
        String key = entry.appId + "/automation/" + entry.id;
        if (entries.containsKey(key) && !upsert) {
            throw ApiException.conflict("automation '" + entry.id + "' already exists");
        }
        entry.next = entry.nextAfter(clock.instant());
        entries.put(key, entry);
        return entry;
    }

    synchronized boolean hasAutomation(String appId, String id) {
        return entries.containsKey(appId + "/automation/" + id);
    }

    synchronized void removeApp(String appId) {
        entries.values().removeIf(e -> e.appId.equals(appId));
    }

    synchronized List<Entry> entries(String appId) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (appId == null || e.appId.equals(appId)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Fires every due schedule once and computes its next time. Returns the runs started. */
    List<Mono<Run>> tick() {
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Entry e : entries.values()) {
                if (e.next != null && !e.next.isAfter(now)) {
                    due.add(e);
                    e.next = e.nextAfter(now);
                }
            }
            entries.values().removeIf(e -> e.next == null && e.oneShotAt != null);
        }
        List<Mono<Run>> out = new ArrayList<>();
        for (Entry e : due) {
            try {
                out.add(firing.fire(e));
            } catch (RuntimeException ex) {
                log.warn("ara-local could not fire schedule {}: {}", e.id, ex.getMessage());
            }
        }
        return out;
    }
}
