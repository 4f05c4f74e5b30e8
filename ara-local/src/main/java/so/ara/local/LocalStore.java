package so.ara.local;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ara-local's state and its service API: apps, keys, secrets, the control-plane key, runs, event answers and
 * automation jobs, kept in a {@link StoreFile} (memory only, or durable in a data directory) with hot parts in memory.
 *
 * <p>Runs live in a {@link RunStore} (bounded by count and bytes). Unfinished runs found at start (the server
 * died) are marked failed with a reason; see {@link #interrupted()}. Everything is read before the store is opened
 * for writing, so a store that cannot be read is refused untouched.
 */
final class LocalStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    static final String RESTARTED = RunStore.RESTARTED;
    static final String STOPPED = RunStore.STOPPED;
    static final int MAX_KEYS_PER_APP = 1_000;
    static final int MAX_SECRETS_PER_APP = 200;
    static final int MAX_AUTOMATIONS_PER_APP = 200;

    /** A stored automation job: the spec and run it was created from. */
    record Automation(String appId, Map<String, Object> spec, Map<String, Object> run) {
    }

    private final AraLocalSettings settings;
    private final Clock clock;
    private final StoreFile file;
    private MVMap<String, String> meta;
    private MVMap<String, String> appRows;
    private MVMap<String, String> keyRows;
    private MVMap<String, String> eventRows;
    private MVMap<String, String> automationRows;

    private final Map<String, LocalApp> apps = new LinkedHashMap<>();
    private final Map<String, KeyRecord> keys = new ConcurrentHashMap<>();
    private final RunStore runs;
    /** app id + "\n" + idempotency key → the first answer. */
    private final LinkedHashMap<String, Map<String, Object>> eventAnswers = new LinkedHashMap<>();
    private volatile String apiKey;

    LocalStore(AraLocalSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.file = settings.dataDir() == null ? StoreFile.inMemory()
                : StoreFile.open(settings.dataDir(), settings.keyFile());
        this.runs = new RunStore(settings.limits(), clock, new RunRecords(file.box()));
        try {
            openMaps();
            load();
        } catch (RuntimeException e) {
            file.close();
            throw e instanceof StoreFile.Unreadable u ? u
                    : new StoreFile.Unreadable(file.file(), StoreFile.describe(e), e);
        }
        file.writable();
        openMaps();
        settleApiKey();
        runs.markInterrupted();
        if (!runs.interrupted().isEmpty()) {
            log.warn("ara-local marked {} unfinished run(s) failed: {}", runs.interrupted().size(), RESTARTED);
        }
        file.commit();
    }

    private void openMaps() {
        meta = file.map("meta");
        appRows = file.map("apps");
        keyRows = file.map("keys");
        runs.bind(file.map("runs"));
        eventRows = file.map("events");
        automationRows = file.map("automations");
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    Instant now() {
        return clock.instant();
    }

    StoreFile file() {
        return file;
    }

    /** Makes every change so far durable (accepted runs and events before they are answered). */
    void commit() {
        file.commit();
    }

    /** Like {@link #commit()} without blocking: completes once every change so far is durable. */
    java.util.concurrent.CompletableFuture<Void> commitAsync() {
        return file.commitAsync();
    }

    @Override
    public void close() {
        file.close();
    }

    // ---------------------------------------------------------------- control-plane key

    String apiKey() {
        return apiKey;
    }

    /** A rotated key wins over the configured one; otherwise the configured key, else the stored, else a new one. */
    private void settleApiKey() {
        String stored = meta.get("api_key") == null ? null : file.box().open(meta.get("api_key"));
        boolean rotated = "true".equals(meta.get("api_key_rotated"));
        String configured = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey();
        if (stored != null && (rotated || configured == null)) {
            apiKey = stored;
            if (rotated && configured != null && !configured.equals(stored)) {
                log.info("ara-local uses its rotated control-plane key; the configured key no longer applies");
            }
            return;
        }
        apiKey = configured != null ? configured : "ak_local_" + random(32);
        meta.put("api_key", file.box().seal(apiKey));
        meta.remove("api_key_rotated");
    }

    String rotateApiKey() {
        synchronized (this) {
            apiKey = "ak_local_" + random(32);
            meta.put("api_key", file.box().seal(apiKey));
            meta.put("api_key_rotated", "true");
        }
        file.commit();
        return apiKey;
    }

    // ---------------------------------------------------------------- apps

    synchronized List<LocalApp> apps() {
        return new ArrayList<>(apps.values());
    }

    synchronized LocalApp create(String slug, String name) {
        for (LocalApp app : apps.values()) {
            if (app.slug.equals(slug)) {
                throw ApiException.conflict("slug '" + slug + "' is already taken");
            }
        }
        if (apps.size() >= settings.limits().maxApps()) {
            throw ApiException.unprocessable("this ara-local server holds the maximum of "
                    + settings.limits().maxApps() + " apps");
        }
        LocalApp app = new LocalApp("app_" + random(16), slug, name, now());
        apps.put(app.id, app);
        return app;
    }

    /** Finds an app by id or slug; 404 otherwise. */
    synchronized LocalApp app(String idOrSlug) {
        LocalApp app = apps.get(idOrSlug);
        if (app != null) {
            return app;
        }
        for (LocalApp candidate : apps.values()) {
            if (candidate.slug.equals(idOrSlug)) {
                return candidate;
            }
        }
        throw ApiException.notFound("app '" + idOrSlug + "' not found");
    }

    /** Writes an app (manifest parts and sealed secrets) and commits. */
    void saveApp(LocalApp app) {
        appRows.put(app.id, appRecord(app));
        file.commit();
    }

    private String appRecord(LocalApp app) {
        synchronized (app) {
            Map<String, Object> row = app.detail();
            Map<String, Object> secretRows = new LinkedHashMap<>();
            app.secrets.forEach((name, values) -> secretRows.put(name, Json.obj("sealed",
                    file.box().seal(Json.writeString(values)), "updated_at",
                    String.valueOf(app.secretUpdatedAt.get(name)))));
            row.put("secrets", secretRows);
            return Json.writeString(row);
        }
    }

    // ---------------------------------------------------------------- keys

    KeyRecord mintKey(LocalApp app, KeyRecord.Kind kind, String name, int rpm) {
        String prefix = kind == KeyRecord.Kind.RUNTIME ? "ak_app_" : "xk_app_";
        String idPrefix = kind == KeyRecord.Kind.RUNTIME ? "key_" : "xkey_";
        KeyRecord record;
        synchronized (this) {
            // superseded keys past their grace no longer count: restarts do not exhaust the app's keys
            long held = keys.values().stream().filter(k -> k.appId.equals(app.id)
                    && k.activeAt(now(), SUPERSEDED_KEY_GRACE)).count();
            if (held >= MAX_KEYS_PER_APP) {
                throw ApiException.unprocessable("app '" + app.slug + "' holds the maximum of " + MAX_KEYS_PER_APP
                        + " keys");
            }
            record = new KeyRecord(idPrefix + random(12), app.id, kind, name, prefix + random(40), rpm, now());
            if (kind == KeyRecord.Kind.RUNTIME) {
                supersede(app, name);
            }
            keys.put(record.key, record);
            keyRows.put(record.id, keyRecord(record));
        }
        file.commit();
        return record;
    }

    /** How long a superseded runtime key keeps working after its last use. */
    static final java.time.Duration SUPERSEDED_KEY_GRACE = java.time.Duration.ofMinutes(10);

    /** Marks the older runtime keys of this name superseded: one name, one current key (restarts, replicas). */
    private void supersede(LocalApp app, String name) {
        Instant now = now();
        for (KeyRecord k : keys.values()) {
            if (k.appId.equals(app.id) && k.kind == KeyRecord.Kind.RUNTIME && k.name.equals(name) && k.active
                    && k.supersededAt == null) {
                k.supersededAt = now;
                keyRows.put(k.id, keyRecord(k));
            }
        }
    }

    /** The keys of this kind that authenticate now (a superseded key until its grace ends). */
    List<KeyRecord> activeKeysOf(LocalApp app, KeyRecord.Kind kind) {
        Instant now = now();
        List<KeyRecord> out = new ArrayList<>();
        for (KeyRecord k : keysOf(app, kind)) {
            if (k.activeAt(now, SUPERSEDED_KEY_GRACE)) {
                out.add(k);
            }
        }
        return out;
    }

    void revokeKey(KeyRecord key) {
        key.active = false;
        keyRows.put(key.id, keyRecord(key));
        file.commit();
    }

    private String keyRecord(KeyRecord k) {
        return Json.writeString(Json.obj("id", k.id, "app_id", k.appId, "kind", k.kind.name(), "name", k.name,
                "sealed_key", file.box().seal(k.key), "requests_per_minute", k.requestsPerMinute, "created_at",
                k.createdAt.toString(), "active", k.active, "superseded_at",
                k.supersededAt == null ? null : k.supersededAt.toString()));
    }

    KeyRecord key(String key) {
        return key == null ? null : keys.get(key);
    }

    List<KeyRecord> keysOf(LocalApp app, KeyRecord.Kind kind) {
        List<KeyRecord> out = new ArrayList<>();
        for (KeyRecord k : keys.values()) {
            if (k.appId.equals(app.id) && k.kind == kind) {
                out.add(k);
            }
        }
        out.sort(Comparator.comparing(k -> k.createdAt));
        return out;
    }

    // ---------------------------------------------------------------- secrets

    /** Stores (or replaces) a secret; true when it is new. */
    boolean putSecret(LocalApp app, String name, Map<String, String> values) {
        boolean created;
        synchronized (app) {
            if (!app.secrets.containsKey(name) && app.secrets.size() >= MAX_SECRETS_PER_APP) {
                throw ApiException.unprocessable("app '" + app.slug + "' holds the maximum of " + MAX_SECRETS_PER_APP
                        + " secrets");
            }
            created = app.secrets.put(name, values) == null;
            app.secretUpdatedAt.put(name, now());
        }
        saveApp(app);
        return created;
    }

    /** Removes a secret; false when there was none. */
    boolean deleteSecret(LocalApp app, String name) {
        boolean removed;
        synchronized (app) {
            removed = app.secrets.remove(name) != null;
            app.secretUpdatedAt.remove(name);
        }
        if (removed) {
            saveApp(app);
        }
        return removed;
    }

    // ---------------------------------------------------------------- automations

    void saveAutomation(String appId, String id, Map<String, Object> spec, Map<String, Object> run) {
        synchronized (this) {
            String key = appId + "/" + id;
            if (!automationRows.containsKey(key) && automationRows.keySet().stream()
                    .filter(k -> k.startsWith(appId + "/")).count() >= MAX_AUTOMATIONS_PER_APP) {
                throw ApiException.unprocessable("this app holds the maximum of " + MAX_AUTOMATIONS_PER_APP
                        + " automations");
            }
            automationRows.put(key, Json.writeString(Json.obj("app_id", appId, "spec", spec, "run", run)));
        }
        file.commit();
    }

    synchronized List<Automation> automations() {
        List<Automation> out = new ArrayList<>();
        for (String json : automationRows.values()) {
            Map<String, Object> row = RunRecords.parse(json);
            out.add(new Automation(Json.str(row, "app_id"), Json.map(row, "spec"), Json.map(row, "run")));
        }
        return out;
    }

    // ---------------------------------------------------------------- runs (see RunStore)

    String newRunId() {
        return runs.newRunId();
    }

    void putRun(Run run) {
        runs.put(run);
    }

    Run run(String runId) {
        return runs.get(runId);
    }

    int runCount() {
        return runs.count();
    }

    long runBytes() {
        return runs.bytes();
    }

    /** Runs of an app, newest first, at most {@code limit} (for consoles and tools). */
    List<Run> runsOf(String appId, int limit) {
        return runs.of(appId, limit);
    }

    /** Visits stored runs newest first, reading one at a time, until {@code visitor} answers false. */
    void forEachRunNewestFirst(java.util.function.Predicate<Run> visitor) {
        runs.forEachNewestFirst(visitor);
    }

    Run runByIdempotencyKey(String appId, String key) {
        return runs.byIdempotencyKey(appId, key);
    }

    /** Waits until no run is unfinished, at most {@code timeoutMillis}; true when none is. */
    boolean awaitIdleRuns(long timeoutMillis) throws InterruptedException {
        return runs.awaitIdle(timeoutMillis);
    }

    /** Stops storing runs; the unfinished ones are marked failed with {@link RunStore#STOPPED} and returned. */
    List<Run> stopRuns() {
        return runs.stop();
    }

    /** Closes as a crash would (tests): runs are no longer written, nothing since the last commit is kept. */
    void closeAsCrash() {
        runs.detach();
        file.closeAsCrash();
    }

    /** Runs that were unfinished when the store was last closed, now failed with {@link #RESTARTED}. */
    List<Run> interrupted() {
        return runs.interrupted();
    }

    // ---------------------------------------------------------------- events

    synchronized Map<String, Object> eventAnswer(String appId, String key) {
        return eventAnswers.get(appId + "\n" + key);
    }

    /** Stores the first answer for a key; returns the already stored answer when another request won. */
    synchronized Map<String, Object> putEventAnswer(String appId, String key, Map<String, Object> answer) {
        String k = appId + "\n" + key;
        Map<String, Object> first = eventAnswers.putIfAbsent(k, answer);
        if (first != null) {
            return first;
        }
        eventRows.put(k, Json.writeString(answer));
        Iterator<String> oldest = eventAnswers.keySet().iterator();
        while (eventAnswers.size() > settings.limits().maxRuns() && oldest.hasNext()) {
            eventRows.remove(oldest.next());
            oldest.remove();
        }
        return null;
    }

    // ---------------------------------------------------------------- load

    private void load() {
        for (Map.Entry<String, String> e : appRows.entrySet()) {
            LocalApp app = readApp(RunRecords.parse(e.getValue()));
            apps.put(app.id, app);
        }
        for (String json : keyRows.values()) {
            Map<String, Object> row = RunRecords.parse(json);
            KeyRecord k = new KeyRecord(Json.str(row, "id"), Json.str(row, "app_id"),
                    KeyRecord.Kind.valueOf(Json.str(row, "kind")), Json.str(row, "name"),
                    file.box().open(Json.str(row, "sealed_key")), ((Number) row.get("requests_per_minute")).intValue(),
                    Instant.parse(Json.str(row, "created_at")));
            k.active = !Boolean.FALSE.equals(row.get("active"));
            String superseded = Json.str(row, "superseded_at");
            k.supersededAt = superseded == null ? null : Instant.parse(superseded);
            keys.put(k.key, k);
        }
        if (meta.get("api_key") != null) {
            file.box().open(meta.get("api_key")); // fails here, read-only, when the key file does not match
        }
        runs.load();
        for (Map.Entry<String, String> e : eventRows.entrySet()) {
            eventAnswers.put(e.getKey(), RunRecords.parse(e.getValue()));
        }
        automations();
        for (String appId : file.logApps()) {
            for (Map.Entry<Long, String> e : file.logMap(appId).entrySet()) {
                if (e.getValue().indexOf('\n') < 1) {
                    throw new IllegalStateException("log row " + e.getKey() + " of app " + appId + " is malformed");
                }
            }
        }
    }

    private LocalApp readApp(Map<String, Object> row) {
        LocalApp app = new LocalApp(Json.str(row, "id"), Json.str(row, "slug"), Json.str(row, "name"),
                Instant.parse(Json.str(row, "created_at")));
        app.description = row.get("description") == null ? "" : row.get("description").toString();
        app.status = Json.str(row, "status") == null ? "draft" : Json.str(row, "status");
        Map<String, Object> agent = Json.map(row, "agent");
        app.agent = agent == null ? new LinkedHashMap<>() : agent;
        List<Object> workflows = Json.list(row, "workflows");
        app.workflows = workflows == null ? new ArrayList<>() : workflows;
        Map<String, Object> interfaces = Json.map(row, "interfaces");
        app.interfaces = interfaces == null ? new LinkedHashMap<>() : interfaces;
        Map<String, Object> profile = Json.map(row, "runtime_profile");
        app.runtimeProfile = profile == null ? new LinkedHashMap<>() : profile;
        if (Json.str(row, "updated_at") != null) {
            app.updatedAt = Instant.parse(Json.str(row, "updated_at"));
        }
        Map<String, Object> secrets = Json.map(row, "secrets");
        if (secrets != null) {
            secrets.forEach((name, value) -> {
                Map<String, Object> sealed = Json.map(value);
                Map<String, Object> values = Json.map(Json.parseStored(file.box().open(Json.str(sealed, "sealed"))));
                Map<String, String> copy = new LinkedHashMap<>();
                if (values != null) {
                    values.forEach((k, v) -> copy.put(k, v == null ? "" : v.toString()));
                }
                app.secrets.put(name, copy);
                String updated = Json.str(sealed, "updated_at");
                app.secretUpdatedAt.put(name, updated == null || "null".equals(updated) ? now()
                        : Instant.parse(updated));
            });
        }
        return app;
    }
}
