package so.ara.local;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory, bounded state: apps, keys, secrets, runs and idempotency answers. Apps, keys, secrets and the
 * control-plane key are optionally persisted to a JSON state file, written atomically (temp file + rename).
 */
final class LocalStore {

    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final AraLocalSettings settings;
    private final Clock clock;
    private final Map<String, LocalApp> apps = new LinkedHashMap<>();
    private final Map<String, KeyRecord> keys = new ConcurrentHashMap<>();
    /** run id → run, in creation order; bounded by {@code limits.maxRuns}. */
    private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>();
    /** app id + "\n" + idempotency key → run id (runs) / answer (events). */
    private final Map<String, String> runIdempotency = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> eventIdempotency = new ConcurrentHashMap<>();
    private volatile String apiKey;

    LocalStore(AraLocalSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.apiKey = settings.apiKey();
        load();
        if (apiKey == null || apiKey.isBlank()) {
            apiKey = "ak_local_" + random(32);
        }
        save();
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

    String apiKey() {
        return apiKey;
    }

    synchronized String rotateApiKey() {
        apiKey = "ak_local_" + random(32);
        save();
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

    // ---------------------------------------------------------------- keys

    KeyRecord mintKey(LocalApp app, KeyRecord.Kind kind, String name, int rpm) {
        String prefix = kind == KeyRecord.Kind.RUNTIME ? "ak_app_" : "xk_app_";
        String idPrefix = kind == KeyRecord.Kind.RUNTIME ? "key_" : "xkey_";
        KeyRecord record = new KeyRecord(idPrefix + random(12), app.id, kind, name, prefix + random(40), rpm, now());
        keys.put(record.key, record);
        save();
        return record;
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
        out.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
        return out;
    }

    // ---------------------------------------------------------------- runs

    synchronized void putRun(Run run) {
        runs.put(run.runId, run);
        if (run.idempotencyKey != null) {
            runIdempotency.put(run.appId + "\n" + run.idempotencyKey, run.runId);
        }
        int max = settings.limits().maxRuns();
        if (runs.size() > max) {
            Iterator<Run> it = runs.values().iterator();
            while (runs.size() > max && it.hasNext()) {
                Run candidate = it.next();
                if (candidate.finished()) {
                    it.remove();
                    if (candidate.idempotencyKey != null) {
                        runIdempotency.remove(candidate.appId + "\n" + candidate.idempotencyKey);
                    }
                }
            }
        }
    }

    synchronized Run run(String runId) {
        return runs.get(runId);
    }

    /** A snapshot of the stored runs, oldest first. */
    synchronized List<Run> runs() {
        return new ArrayList<>(runs.values());
    }

    synchronized int runCount() {
        return runs.size();
    }

    synchronized Run runByIdempotencyKey(String appId, String key) {
        String runId = runIdempotency.get(appId + "\n" + key);
        return runId == null ? null : runs.get(runId);
    }

    Map<String, Object> eventAnswer(String appId, String key) {
        return eventIdempotency.get(appId + "\n" + key);
    }

    /** Stores the first answer for a key; returns the already stored answer when another request won. */
    Map<String, Object> putEventAnswer(String appId, String key, Map<String, Object> answer) {
        if (eventIdempotency.size() > settings.limits().maxRuns()) {
            eventIdempotency.clear();
        }
        return eventIdempotency.putIfAbsent(appId + "\n" + key, answer);
    }

    // ---------------------------------------------------------------- persistence

    /** Writes apps, keys and secrets to the state file, if one is configured. */
    synchronized void save() {
        Path file = settings.stateFile();
        if (file == null) {
            return;
        }
        List<Object> appRows = new ArrayList<>();
        for (LocalApp app : apps.values()) {
            Map<String, Object> row;
            synchronized (app) {
                row = app.detail();
                Map<String, Object> secretRows = new LinkedHashMap<>();
                app.secrets.forEach((name, values) -> secretRows.put(name, Json.obj("values",
                        new LinkedHashMap<>(values), "updated_at", String.valueOf(app.secretUpdatedAt.get(name)))));
                row.put("secrets", secretRows);
            }
            appRows.add(row);
        }
        List<Object> keyRows = new ArrayList<>();
        for (KeyRecord k : keys.values()) {
            keyRows.add(Json.obj("id", k.id, "app_id", k.appId, "kind", k.kind.name(), "name", k.name, "key", k.key,
                    "requests_per_minute", k.requestsPerMinute, "created_at", k.createdAt.toString(), "active",
                    k.active));
        }
        Map<String, Object> state = Json.obj("version", 1, "api_key", settings.apiKey() == null ? apiKey : null,
                "apps", appRows, "keys", keyRows);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.write(tmp, Json.write(state));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("ara-local could not write its state file {}: {}", file, e.getClass().getSimpleName());
        }
    }

    private void load() {
        Path file = settings.stateFile();
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Map<String, Object> state = Json.map(Json.parse(Files.readAllBytes(file)));
            if (state == null) {
                return;
            }
            if (apiKey == null && Json.str(state, "api_key") != null) {
                apiKey = Json.str(state, "api_key");
            }
            for (Map<String, Object> row : Json.maps(state.get("apps"))) {
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
                Map<String, Object> secrets = Json.map(row, "secrets");
                if (secrets != null) {
                    secrets.forEach((name, value) -> {
                        Map<String, Object> values = Json.map(Json.map(value), "values");
                        Map<String, String> copy = new LinkedHashMap<>();
                        if (values != null) {
                            values.forEach((k, v) -> copy.put(k, v == null ? "" : v.toString()));
                        }
                        app.secrets.put(name, copy);
                        app.secretUpdatedAt.put(name, now());
                    });
                }
                apps.put(app.id, app);
            }
            for (Map<String, Object> row : Json.maps(state.get("keys"))) {
                KeyRecord k = new KeyRecord(Json.str(row, "id"), Json.str(row, "app_id"),
                        KeyRecord.Kind.valueOf(Json.str(row, "kind")), Json.str(row, "name"), Json.str(row, "key"),
                        ((Number) row.get("requests_per_minute")).intValue(),
                        Instant.parse(Json.str(row, "created_at")));
                k.active = !Boolean.FALSE.equals(row.get("active"));
                keys.put(k.key, k);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("ara-local could not read its state file {} ({}); starting empty", file,
                    e.getClass().getSimpleName());
        }
    }
}
