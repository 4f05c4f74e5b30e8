package so.ara.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import so.ara.spec.Slugify;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every HTTP route of ara-local, as functional WebFlux routes. */
final class LocalRoutes {

    private static final Logger log = LoggerFactory.getLogger(LocalRoutes.class);
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern SECRET_NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}[a-z0-9]$");
    private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Pattern ROLE = Pattern.compile("^(viewer|operator|editor)$");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "draft", "paused", "archived");

    private record Route(HttpMethod method, PathPattern pattern) {
    }

    private final LocalStore store;
    private final LogHub logs;
    private final RunEngine engine;
    private final LocalScheduler scheduler;
    private final ToolInvoker bridge;
    private final AgentModel model;
    private final EndpointAuthVerifier endpointAuth;
    private final AraLocalSettings settings;
    private final Supplier<String> baseUrl;
    private final List<Route> table = new ArrayList<>();
    private final PathPatternParser parser = new PathPatternParser();
    private volatile String sessionId;

    LocalRoutes(LocalStore store, LogHub logs, RunEngine engine, LocalScheduler scheduler, ToolInvoker bridge,
            AgentModel model, AraLocalSettings settings, Supplier<String> baseUrl) {
        this.store = store;
        this.logs = logs;
        this.engine = engine;
        this.scheduler = scheduler;
        this.bridge = bridge;
        this.model = model;
        this.endpointAuth = new EndpointAuthVerifier(settings.clock());
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    // ================================================================ router

    RouterFunction<ServerResponse> router() {
        RouterFunctions.Builder b = RouterFunctions.route();
        add(b, HttpMethod.GET, "/auth/cli/config", this::cliConfig);
        add(b, HttpMethod.GET, "/auth/cli/whoami", cp(this::whoami));
        add(b, HttpMethod.POST, "/apps/api-key/rotate", cp(this::rotate));
        add(b, HttpMethod.GET, "/apps", cp(this::listApps));
        add(b, HttpMethod.POST, "/apps", cp(this::createApp));
        add(b, HttpMethod.GET, "/apps/{id}", cp(r -> json(200, Json.obj("app", app(r).detail()))));
        add(b, HttpMethod.PATCH, "/apps/{id}", cp(this::patchApp));
        add(b, HttpMethod.POST, "/apps/{id}/keys", cp(this::createKey));
        add(b, HttpMethod.GET, "/apps/{id}/x-keys", cp(this::listXKeys));
        add(b, HttpMethod.POST, "/apps/{id}/x-keys", cp(this::createXKey));
        add(b, HttpMethod.DELETE, "/apps/{id}/x-keys/{keyId}", cp(this::deleteXKey));
        add(b, HttpMethod.POST, "/apps/{id}/secrets", cp(this::putSecret));
        add(b, HttpMethod.GET, "/apps/{id}/secrets", cp(this::listSecrets));
        add(b, HttpMethod.DELETE, "/apps/{id}/secrets/{name}", cp(this::deleteSecret));
        add(b, HttpMethod.GET, "/apps/{id}/setup", cp(this::setup));
        add(b, HttpMethod.POST, "/apps/{id}/invites", cp(this::invite));
        add(b, HttpMethod.GET, "/apps/{id}/schedules", cp(r -> {
            LocalApp app = app(r);
            List<Object> rows = new ArrayList<>();
            scheduler.entries(app.id).forEach(e -> rows.add(e.toMap()));
            return json(200, Json.obj("schedules", rows));
        }));
        add(b, HttpMethod.POST, "/v1/apps/{id}/run", this::runSync);
        add(b, HttpMethod.POST, "/v1/apps/{id}/runs", this::runAsync);
        add(b, HttpMethod.GET, "/v1/apps/{id}/runs/{runId}", this::runStatus);
        add(b, HttpMethod.POST, "/v1/apps/{id}/events", this::events);
        add(b, HttpMethod.GET, "/v1/apps/{id}/logs/stream", this::logStream);
        for (HttpMethod m : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.HEAD)) {
            add(b, m, "/v1/apps/{id}/endpoints/{label}", this::gateway);
        }
        add(b, HttpMethod.POST, "/session/start", cp(this::sessionStart));
        add(b, HttpMethod.GET, "/session/status", cp(this::sessionStatus));
        add(b, HttpMethod.POST, "/session/stop", cp(this::sessionStop));
        add(b, HttpMethod.POST, "/session/heartbeat", cp(r -> json(200, Json.obj("ok", true, "session_id", sessionId,
                "timestamp", store.now().toString()))));
        add(b, HttpMethod.GET, "/session/runtime/capabilities", cp(this::capabilities));
        add(b, HttpMethod.GET, "/session/runtime/skills", cp(this::skills));
        add(b, HttpMethod.GET, "/session/runtime/tools", cp(this::tools));
        add(b, HttpMethod.GET, "/session/runtime/control/actions", cp(r -> json(200, Json.obj("ok", true,
                "session_id", r.queryParam("session_id").orElse(null), "actions", List.of(), "local", true))));
        add(b, HttpMethod.POST, "/session/runtime/tools/execute", cp(this::executeTool));
        add(b, HttpMethod.POST, "/session/runtime/control/call", cp(this::controlCall));
        add(b, HttpMethod.POST, "/chat", cp(this::chat));
        // reference routes that need the hosted platform: a precise 501 instead of a bare 404
        add(b, HttpMethod.POST, "/auth/cli/device/start", r -> notLocal("OAuth device login",
                "use `ara auth login --api-key <ARA_API_KEY printed by ara-local>`"));
        add(b, HttpMethod.GET, "/auth/cli/device/status", r -> notLocal("OAuth device login",
                "use `ara auth login --api-key <ARA_API_KEY printed by ara-local>`"));
        for (String path : List.of("/session/connect/token", "/session/connect/exchange", "/session/terminal/exec",
                "/session/files/write", "/session/files/upload")) {
            add(b, HttpMethod.POST, path, cp(r -> notLocal("sandbox sessions (" + r.path() + ")",
                    "run the app against the Ara cloud for terminal, files and SSH access")));
        }
        for (String path : List.of("/session/files", "/session/files/read", "/session/files/download")) {
            add(b, HttpMethod.GET, path, cp(r -> notLocal("sandbox sessions (" + r.path() + ")",
                    "run the app against the Ara cloud for terminal, files and SSH access")));
        }
        add(b, HttpMethod.GET, "/automations/jobs", cp(r -> notLocal("the automations API",
                "use POST /session/runtime/tools/execute with automation_create, or schedules in the manifest")));
        add(b, HttpMethod.POST, "/automations/jobs", cp(r -> notLocal("the automations API",
                "use POST /session/runtime/tools/execute with automation_create, or schedules in the manifest")));
        b.route(RequestPredicates.all(), this::fallback);
        return b.build().filter((request, next) -> Mono.defer(() -> next.handle(request))
                .onErrorResume(e -> problemFor(request, e)));
    }

    private void add(RouterFunctions.Builder b, HttpMethod method, String path, HandlerFunction<ServerResponse> h) {
        table.add(new Route(method, parser.parse(path)));
        b.route(RequestPredicates.method(method).and(RequestPredicates.path(path)), h);
    }

    private static Mono<ServerResponse> notLocal(String what, String hint) {
        return Mono.error(new ApiException(501, "Not Implemented", what + " is not available in ara-local; " + hint));
    }

    private Mono<ServerResponse> fallback(ServerRequest request) {
        PathContainer path = PathContainer.parsePath(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : table) {
            if (r.pattern.matches(path)) {
                allowed.add(r.method.name());
            }
        }
        if (!allowed.isEmpty()) {
            return Mono.error(new ApiException(405, "Method Not Allowed",
                    request.method().name() + " is not supported on " + request.path())
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed)));
        }
        return Mono.error(ApiException.notFound("no route " + request.method().name() + " " + request.path()));
    }

    // ================================================================ plumbing

    private Mono<ServerResponse> problemFor(ServerRequest request, Throwable e) {
        ApiException api;
        if (e instanceof ApiException a) {
            api = a;
        } else if (e instanceof DataBufferLimitException) {
            api = new ApiException(413, "Content Too Large",
                    "request body exceeds " + settings.limits().maxBodyBytes() + " bytes");
        } else {
            log.warn("ara-local failed on {} {}", request.method(), request.path(), e);
            api = new ApiException(500, "Internal Server Error", "ara-local failed to handle the request");
        }
        Map<String, Object> body = Json.obj("type", "about:blank", "title", api.title, "status", api.status,
                "detail", api.getMessage(), "instance", request.path());
        body.putAll(api.extra);
        ServerResponse.BodyBuilder builder = ServerResponse.status(api.status).contentType(PROBLEM);
        api.headers.forEach(builder::header);
        return builder.bodyValue(Json.write(body));
    }

    static Mono<ServerResponse> json(int status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body));
    }

    private HandlerFunction<ServerResponse> cp(HandlerFunction<ServerResponse> handler) {
        return request -> {
            String token = bearer(request);
            if (token == null) {
                throw ApiException.unauthorized("missing Authorization: Bearer <control-plane key>");
            }
            if (!java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    store.apiKey().getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.unauthorized("invalid control-plane key");
            }
            return handler.handle(request);
        };
    }

    private static String bearer(ServerRequest request) {
        String value = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Runtime auth: {@code X-Ara-App-Key} x-key, else a runtime key as Bearer; rate limited per key. */
    private LocalApp runtimeApp(ServerRequest request) {
        String xKey = request.headers().firstHeader("X-Ara-App-Key");
        String token = xKey != null && !xKey.isBlank() ? xKey.trim() : bearer(request);
        if (token == null) {
            throw ApiException.unauthorized("missing runtime credentials: send X-Ara-App-Key or "
                    + "Authorization: Bearer <runtime key>");
        }
        KeyRecord key = store.key(token);
        if (key == null) {
            throw ApiException.unauthorized("unknown runtime key");
        }
        if (!key.active) {
            throw ApiException.unauthorized("runtime key has been revoked");
        }
        LocalApp app = app(request);
        if (!key.appId.equals(app.id)) {
            throw ApiException.forbidden("this key belongs to another app");
        }
        long retryAfter = key.acquire(store.now().toEpochMilli());
        if (retryAfter > 0) {
            throw new ApiException(429, "Too Many Requests", "key '" + key.name + "' exceeded "
                    + key.requestsPerMinute + " requests per minute")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return app;
    }

    private LocalApp app(ServerRequest request) {
        return store.app(request.pathVariable("id"));
    }

    /** Reads the raw body with the size limit; a non-JSON content type with a body answers 415. */
    private Mono<byte[]> rawBody(ServerRequest request, boolean requireJson) {
        MediaType type = request.headers().contentType().orElse(null);
        int limit = settings.limits().maxBodyBytes();
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > limit) {
            return Mono.error(new DataBufferLimitException("too large"));
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    if (requireJson && bytes.length > 0 && type != null && !isJson(type)) {
                        throw new ApiException(415, "Unsupported Media Type",
                                "Content-Type must be application/json, not " + type);
                    }
                    return bytes;
                });
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getSubtype() != null && type.getSubtype().endsWith("+json"));
    }

    private Mono<Map<String, Object>> body(ServerRequest request, boolean emptyOk) {
        return rawBody(request, true).map(bytes -> Json.parseObject(bytes, emptyOk));
    }

    private static int rpm(Map<String, Object> body, int dflt) {
        Integer value = Json.optionalInt(body, "requests_per_minute");
        int rpm = value == null ? dflt : value;
        if (rpm < 1 || rpm > 2000) {
            throw ApiException.unprocessable("requests_per_minute must be between 1 and 2000");
        }
        return rpm;
    }

    // ================================================================ auth / misc

    private Mono<ServerResponse> cliConfig(ServerRequest r) {
        return json(200, Json.obj("supabase_url", "", "supabase_anon_key", "", "api_base_url", baseUrl.get(),
                "local", true));
    }

    private Mono<ServerResponse> whoami(ServerRequest r) {
        return json(200, Json.obj("user", Json.obj("id", "user_local", "email", "local@ara.localhost"),
                "auth_type", "api_key", "local", true));
    }

    private Mono<ServerResponse> rotate(ServerRequest r) {
        String key = store.rotateApiKey();
        return json(200, Json.obj("api_key", key, "key_prefix", key.substring(0, 14), "key_identifier",
                "cpk_" + key.substring(key.length() - 8)));
    }

    // ================================================================ apps

    private Mono<ServerResponse> listApps(ServerRequest r) {
        List<Object> rows = new ArrayList<>();
        store.apps().forEach(a -> rows.add(a.summary()));
        return json(200, Json.obj("apps", rows));
    }

    private static String validName(Map<String, Object> body, boolean required) {
        String name = required ? Json.requiredString(body, "name") : Json.optionalString(body, "name");
        if (name != null && (name.isEmpty() || name.length() > 100)) {
            throw ApiException.unprocessable("name must be 1-100 characters");
        }
        return name;
    }

    private void applyManifest(LocalApp app, Map<String, Object> body) {
        Map<String, Object> agent = Json.optionalObject(body, "agent");
        Map<String, Object> interfaces = Json.optionalObject(body, "interfaces");
        Map<String, Object> profile = Json.optionalObject(body, "runtime_profile");
        Object workflows = body.get("workflows");
        if (workflows != null && Json.list(workflows) == null) {
            throw ApiException.badRequest("field 'workflows' must be a JSON array");
        }
        Object description = body.get("description");
        if (description != null && !(description instanceof String)) {
            throw ApiException.badRequest("field 'description' must be a string");
        }
        String status = Json.optionalString(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.unprocessable("status must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        String name = validName(body, false);
        synchronized (app) {
            if (agent != null) {
                app.agent = agent;
            }
            if (interfaces != null) {
                app.interfaces = interfaces;
            }
            if (profile != null) {
                app.runtimeProfile = profile;
            }
            if (workflows != null) {
                app.workflows = Json.list(workflows);
            }
            if (description != null) {
                app.description = (String) description;
            }
            if (name != null) {
                app.name = name;
            }
            if (status != null) {
                app.status = status;
            }
            app.updatedAt = store.now();
        }
    }

    private Mono<ServerResponse> createApp(ServerRequest r) {
        return body(r, false).flatMap(body -> {
            String name = validName(body, true);
            String slug = Json.optionalString(body, "slug");
            if (slug == null || slug.isEmpty()) {
                slug = Slugify.slugify(name);
            }
            if (slug.length() > 63 || !SLUG.matcher(slug).matches()) {
                throw ApiException.unprocessable("slug must match [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
            }
            // validate everything before creating, so a bad body creates nothing
            LocalApp probe = new LocalApp("probe", slug, name, store.now());
            applyManifest(probe, body);
            LocalApp app = store.create(slug, name);
            applyManifest(app, body);
            store.save();
            scheduler.registerManifest(app);
            return json(201, Json.obj("app", app.detail()));
        });
    }

    private Mono<ServerResponse> patchApp(ServerRequest r) {
        LocalApp app = app(r);
        return body(r, false).flatMap(body -> {
            if (body.containsKey("slug") && !app.slug.equals(body.get("slug"))) {
                throw ApiException.unprocessable("slug cannot be changed");
            }
            applyManifest(app, body);
            store.save();
            scheduler.registerManifest(app);
            return json(200, Json.obj("ok", true, "app", app.detail()));
        });
    }

    // ================================================================ keys and secrets

    private Mono<ServerResponse> createKey(ServerRequest r) {
        LocalApp app = app(r);
        return body(r, true).flatMap(body -> {
            String name = Json.optionalString(body, "name");
            int rpm = rpm(body, 30);
            KeyRecord k = store.mintKey(app, KeyRecord.Kind.RUNTIME, name == null || name.isEmpty()
                    ? app.slug + "-runtime" : name, rpm);
            return json(201, Json.obj("key", k.key, "id", k.id, "name", k.name, "key_prefix", k.prefix(),
                    "requests_per_minute", k.requestsPerMinute, "app_id", app.id));
        });
    }

    private Mono<ServerResponse> createXKey(ServerRequest r) {
        LocalApp app = app(r);
        return body(r, true).flatMap(body -> {
            String name = Json.optionalString(body, "name");
            int rpm = rpm(body, 30);
            KeyRecord k = store.mintKey(app, KeyRecord.Kind.X_KEY, name == null || name.isEmpty()
                    ? app.slug + "-x-header" : name, rpm);
            return json(201, Json.obj("key", k.key, "id", k.id, "name", k.name, "key_prefix", k.prefix(),
                    "requests_per_minute", k.requestsPerMinute, "is_active", true, "header", "X-Ara-App-Key"));
        });
    }

    private Mono<ServerResponse> listXKeys(ServerRequest r) {
        LocalApp app = app(r);
        List<Object> rows = new ArrayList<>();
        for (KeyRecord k : store.keysOf(app, KeyRecord.Kind.X_KEY)) {
            rows.add(Json.obj("id", k.id, "name", k.name, "key_prefix", k.prefix(), "is_active", k.active,
                    "requests_per_minute", k.requestsPerMinute, "created_at", k.createdAt.toString()));
        }
        return json(200, Json.obj("keys", rows));
    }

    private Mono<ServerResponse> deleteXKey(ServerRequest r) {
        LocalApp app = app(r);
        String keyId = r.pathVariable("keyId");
        for (KeyRecord k : store.keysOf(app, KeyRecord.Kind.X_KEY)) {
            if (k.id.equals(keyId)) {
                k.active = false;
                store.save();
                return ServerResponse.noContent().build();
            }
        }
        throw ApiException.notFound("x-key '" + keyId + "' not found");
    }

    private Mono<ServerResponse> putSecret(ServerRequest r) {
        LocalApp app = app(r);
        return body(r, false).flatMap(body -> {
            String name = Json.requiredString(body, "name").toLowerCase(java.util.Locale.ROOT);
            if (!SECRET_NAME.matcher(name).matches()) {
                throw ApiException.unprocessable("Secret name must match [a-z0-9][a-z0-9_-]{0,62}[a-z0-9]");
            }
            Map<String, Object> values = Json.optionalObject(body, "values");
            if (values == null) {
                throw ApiException.badRequest("field 'values' is required");
            }
            if (values.isEmpty()) {
                throw ApiException.unprocessable("Secret values cannot be empty");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!ENV_KEY.matcher(e.getKey()).matches()) {
                    throw ApiException.unprocessable("Invalid environment key: " + e.getKey());
                }
                if (e.getValue() != null && !(e.getValue() instanceof String)) {
                    throw ApiException.unprocessable("Secret values must be a dict[str, str]");
                }
                copy.put(e.getKey(), e.getValue() == null ? "" : (String) e.getValue());
            }
            boolean created;
            synchronized (app) {
                created = app.secrets.put(name, copy) == null;
                app.secretUpdatedAt.put(name, store.now());
            }
            store.save();
            return json(created ? 201 : 200, Json.obj("ok", true, "name", name, "keys",
                    new ArrayList<>(copy.keySet()), "created", created));
        });
    }

    private Mono<ServerResponse> listSecrets(ServerRequest r) {
        LocalApp app = app(r);
        List<Object> rows = new ArrayList<>();
        synchronized (app) {
            app.secrets.forEach((name, values) -> rows.add(Json.obj("name", name, "keys",
                    new ArrayList<>(values.keySet()), "updated_at", String.valueOf(app.secretUpdatedAt.get(name)))));
        }
        return json(200, Json.obj("secrets", rows));
    }

    private Mono<ServerResponse> deleteSecret(ServerRequest r) {
        LocalApp app = app(r);
        String name = r.pathVariable("name").toLowerCase(java.util.Locale.ROOT);
        boolean removed;
        synchronized (app) {
            removed = app.secrets.remove(name) != null;
            app.secretUpdatedAt.remove(name);
        }
        if (!removed) {
            throw ApiException.notFound("secret '" + name + "' not found");
        }
        store.save();
        return ServerResponse.noContent().build();
    }

    private Mono<ServerResponse> setup(ServerRequest r) {
        LocalApp app = app(r);
        String base = baseUrl.get();
        List<Object> endpoints = new ArrayList<>();
        for (Map<String, Object> e : app.endpoints()) {
            Map<String, Object> auth = Json.map(e, "auth");
            endpoints.add(Json.obj("label", e.get("label"), "method", e.get("method"), "agent_id", e.get("agent_id"),
                    "url", base + "/v1/apps/" + app.slug + "/endpoints/" + e.get("label"), "auth_mode",
                    auth == null ? "none" : auth.get("mode"), "secret_env", auth == null ? null : auth.get("secret_env"),
                    "secret_configured", auth == null || Json.str(auth, "secret_env") == null ? null
                            : app.secretValue(Json.str(auth, "secret_env")) != null));
        }
        List<Object> secretNames;
        synchronized (app) {
            secretNames = new ArrayList<>(app.secrets.keySet());
        }
        return json(200, Json.obj("ok", true, "app_id", app.id, "slug", app.slug, "status", app.status,
                "api_base_url", base, "runtime", Json.obj(
                        "run_url", base + "/v1/apps/" + app.id + "/run",
                        "runs_url", base + "/v1/apps/" + app.id + "/runs",
                        "events_url", base + "/v1/apps/" + app.id + "/events",
                        "logs_url", base + "/v1/apps/" + app.id + "/logs/stream",
                        "auth", List.of("Authorization: Bearer <runtime key>", "X-Ara-App-Key: <x-key>")),
                "runtime_keys", store.keysOf(app, KeyRecord.Kind.RUNTIME).size(),
                "x_keys", store.keysOf(app, KeyRecord.Kind.X_KEY).size(),
                "secrets", secretNames, "endpoints", endpoints, "local", true));
    }

    private Mono<ServerResponse> invite(ServerRequest r) {
        LocalApp app = app(r);
        return body(r, false).flatMap(body -> {
            String email = Json.requiredString(body, "email");
            List<Object> errors = new ArrayList<>();
            if (email.length() < 3 || email.length() > 320 || !email.contains("@")) {
                errors.add(Json.obj("field", "email", "message", "email must be 3-320 characters with an @"));
            }
            String role = Json.optionalString(body, "role");
            role = role == null || role.isEmpty() ? "viewer" : role;
            if (!ROLE.matcher(role).matches()) {
                errors.add(Json.obj("field", "role", "message", "role must match ^(viewer|operator|editor)$"));
            }
            Integer hours = Json.optionalInt(body, "expires_in_hours");
            int h = hours == null ? 168 : hours;
            if (h < 1 || h > 720) {
                errors.add(Json.obj("field", "expires_in_hours", "message", "expires_in_hours must be 1-720"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable("invalid invite").with("errors", errors);
            }
            Instant expires = store.now().plus(Duration.ofHours(h));
            return json(201, Json.obj("ok", true, "invite", Json.obj("id", "inv_" + LocalStore.random(12),
                    "app_id", app.id, "email", email, "role", role, "expires_in_hours", h, "expires_at",
                    expires.toString(), "status", "pending", "accept_url", baseUrl.get() + "/invites/local")));
        });
    }

    // ================================================================ runtime

    private static String agentIdOf(Map<String, Object> body) {
        String agent = Json.optionalString(body, "agent_id");
        if (agent == null || agent.isEmpty()) {
            agent = Json.optionalString(body, "workflow_id");
        }
        return agent == null || agent.isEmpty() ? null : agent;
    }

    private static Object inputOf(Map<String, Object> body) {
        Object input = body.get("input");
        if (input != null && Json.map(input) == null) {
            throw ApiException.badRequest("field 'input' must be a JSON object");
        }
        return input == null ? Json.obj() : input;
    }

    private static Boolean bool(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw ApiException.badRequest("field '" + key + "' must be a boolean");
        }
        return b;
    }

    static Map<String, Object> runAnswer(Run run) {
        Map<String, Object> m = run.toMap();
        return Json.obj("ok", true, "run", m, "run_id", run.runId, "status", m.get("status"), "output",
                m.get("output"));
    }

    private Mono<ServerResponse> runSync(ServerRequest r) {
        LocalApp app = runtimeApp(r);
        return body(r, true).flatMap(body -> {
            Run run = engine.create(app, agentIdOf(body), inputOf(body), "sync", bool(body, "warmup"), null, null,
                    null);
            return engine.execute(app, run).flatMap(done -> json(200, runAnswer(done)));
        });
    }

    private Mono<ServerResponse> runAsync(ServerRequest r) {
        LocalApp app = runtimeApp(r);
        return body(r, true).flatMap(body -> {
            String mode = Json.optionalString(body, "response_mode");
            mode = mode == null || mode.isEmpty() ? "poll" : mode;
            if (!mode.equals("poll") && !mode.equals("webhook")) {
                throw ApiException.unprocessable("response_mode must be 'poll' or 'webhook'");
            }
            Map<String, Object> callback = Json.optionalObject(body, "callback");
            if (mode.equals("webhook")) {
                String url = Json.str(callback, "url");
                if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                    throw ApiException.unprocessable("response_mode webhook requires callback.url (http or https)");
                }
                if (callback.get("events") != null && Json.list(callback.get("events")) == null) {
                    throw ApiException.badRequest("callback.events must be a list");
                }
            }
            String runId = Json.optionalString(body, "run_id");
            String idem = Json.optionalString(body, "idempotency_key");
            idem = idem == null || idem.isEmpty() ? null : idem;
            Run run;
            synchronized (store) { // check-and-create is atomic for one idempotency key
                Run existing = idem == null ? null : store.runByIdempotencyKey(app.id, idem);
                if (existing != null) {
                    return json(200, Json.obj("ok", true, "run", existing.toMap(), "run_id", existing.runId,
                            "status", existing.status(), "duplicate", true));
                }
                run = engine.create(app, agentIdOf(body), inputOf(body), mode, bool(body, "warmup"),
                        runId == null || runId.isEmpty() ? null : runId, idem, callback);
            }
            Map<String, Object> answer = Json.obj("ok", true, "run", run.toMap(), "run_id", run.runId, "status",
                    "queued", "duplicate", false);
            engine.submit(app, run);
            return json(202, answer);
        });
    }

    private Mono<ServerResponse> runStatus(ServerRequest r) {
        LocalApp app = runtimeApp(r);
        Run run = store.run(r.pathVariable("runId"));
        if (run == null || !run.appId.equals(app.id)) {
            throw ApiException.notFound("run '" + r.pathVariable("runId") + "' not found");
        }
        Map<String, Object> m = run.toMap();
        return json(200, Json.obj("ok", true, "run", m, "run_id", run.runId, "status", m.get("status")));
    }

    private Mono<ServerResponse> events(ServerRequest r) {
        LocalApp app = runtimeApp(r);
        String idem = r.headers().firstHeader("X-Idempotency-Key");
        String key = idem == null || idem.isBlank() ? null : idem.trim();
        return body(r, false).flatMap(body -> {
            if (key != null) {
                Map<String, Object> previous = store.eventAnswer(app.id, key);
                if (previous != null) {
                    Map<String, Object> again = new LinkedHashMap<>(previous);
                    again.put("duplicate", true);
                    return json(200, again);
                }
            }
            for (String f : List.of("event_type", "channel", "source", "message")) {
                Json.optionalString(body, f);
            }
            Json.optionalObject(body, "payload");
            Json.optionalObject(body, "metadata");
            String agentId = agentIdOf(body);
            if (agentId != null && app.agentRow(agentId) == null) {
                throw ApiException.notFound("agent '" + agentId + "' not found in app '" + app.slug + "'");
            }
            String eventId = "evt_" + LocalStore.random(16);
            String runId = so.ara.spec.RunIds.newRunId(settings.clock());
            Map<String, Object> answer = Json.obj("ok", true, "event_id", eventId, "run_id", runId,
                    "duplicate", false);
            if (key != null) {
                // first writer wins; a concurrent duplicate gets the first answer and starts nothing
                Map<String, Object> raced = store.putEventAnswer(app.id, key, answer);
                if (raced != null) {
                    Map<String, Object> again = new LinkedHashMap<>(raced);
                    again.put("duplicate", true);
                    return json(200, again);
                }
            }
            Run run = engine.create(app, agentId, Json.obj("event", body), "event", false, runId, null, null);
            logs.publish(app.id, run.runId, "event.received", "Event received", Json.obj("event_id", eventId,
                    "event_type", body.get("event_type"), "idempotency_key", key));
            engine.submit(app, run);
            return json(202, answer);
        });
    }

    private Mono<ServerResponse> logStream(ServerRequest r) {
        LocalApp app = runtimeApp(r);
        String last = r.headers().firstHeader("Last-Event-ID");
        if (last == null) {
            last = r.queryParam("last_event_id").orElse(null);
        }
        long after = LogHub.LIVE; // no Last-Event-ID: live rows only, no backfill (as Ara)
        if (last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Last-Event-ID must be a log row id (an integer)");
            }
        }
        Flux<DataBuffer> frames = logs.sseFrames(app.id, after)
                .map(s -> DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8)));
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(BodyInserters.fromDataBuffers(frames));
    }

    // ================================================================ endpoint gateway

    private Mono<ServerResponse> gateway(ServerRequest r) {
        LocalApp app = app(r);
        String label = r.pathVariable("label");
        Map<String, Object> endpoint = null;
        for (Map<String, Object> e : app.endpoints()) {
            if (label.equals(e.get("label"))) {
                endpoint = e;
                break;
            }
        }
        if (endpoint == null) {
            throw ApiException.notFound("endpoint '" + label + "' not found in app '" + app.slug + "'");
        }
        String method = Json.str(endpoint, "method") == null ? "POST" : Json.str(endpoint, "method").toUpperCase();
        if (!method.equals(r.method().name())) {
            throw new ApiException(405, "Method Not Allowed", "endpoint '" + label + "' accepts " + method)
                    .header(HttpHeaders.ALLOW, method);
        }
        Map<String, Object> auth = Json.map(endpoint, "auth");
        String mode = auth == null || Json.str(auth, "mode") == null ? "none" : Json.str(auth, "mode").toLowerCase();
        String secretEnv = Json.str(auth, "secret_env");
        String agentId = Json.str(endpoint, "agent_id");
        Map<String, Object> finalEndpoint = endpoint;
        return rawBody(r, true).flatMap(bytes -> {
            String failure = endpointAuth.check(mode, Json.str(auth, "header_name"),
                    secretEnv == null ? null : app.secretValue(secretEnv), r.headers().asHttpHeaders(), bytes);
            if (failure != null) {
                throw ApiException.unauthorized("endpoint auth (" + mode + ") failed: " + failure);
            }
            Object payload = bytes.length == 0 ? Json.obj() : Json.parse(bytes);
            Map<String, Object> query = new LinkedHashMap<>();
            r.queryParams().forEach((k, v) -> query.put(k, v.size() == 1 ? v.get(0) : v));
            Map<String, Object> headers = new LinkedHashMap<>();
            for (String h : List.of("content-type", "user-agent", "x-request-id", "x-forwarded-for")) {
                String v = r.headers().firstHeader(h);
                if (v != null) {
                    headers.put(h, v);
                }
            }
            String requestId = r.headers().firstHeader("X-Request-Id") != null ? r.headers().firstHeader("X-Request-Id")
                    : "req_" + LocalStore.random(16);
            Map<String, Object> input = Json.obj("input", payload, "gateway", Json.obj("method", method, "path",
                    finalEndpoint.get("path"), "label", label, "query", query, "headers", headers, "request_id",
                    requestId));
            Run run = engine.create(app, agentId, input, "sync", false, null, null, null);
            run.untrustedInput(); // an endpoint request body never chooses tools
            return engine.execute(app, run).flatMap(done -> ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON).header("X-Ara-Run-Id", done.runId)
                    .bodyValue(Json.write(runAnswer(done))));
        });
    }

    // ================================================================ session / runtime (local answers)

    private Mono<ServerResponse> sessionStart(ServerRequest r) {
        return body(r, true).flatMap(b -> {
            if (sessionId == null) {
                sessionId = "sess_local_" + LocalStore.random(12);
            }
            return json(200, Json.obj("ok", true, "session_id", sessionId, "status", "running", "local", true));
        });
    }

    private Mono<ServerResponse> sessionStatus(ServerRequest r) {
        String id = sessionId;
        return json(200, Json.obj("ok", true, "session_id", id, "status", id == null ? "stopped" : "running",
                "local", true));
    }

    private Mono<ServerResponse> sessionStop(ServerRequest r) {
        return body(r, true).flatMap(b -> {
            sessionId = null;
            return json(200, Json.obj("ok", true, "status", "stopped"));
        });
    }

    private Mono<ServerResponse> capabilities(ServerRequest r) {
        return json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null), "agent_id",
                r.queryParam("agent_id").orElse(null), "capabilities", Json.obj("tools", true, "skills", true,
                        "automations", true, "control", false, "terminal", false, "files", false), "local", true));
    }

    private Mono<ServerResponse> skills(ServerRequest r) {
        Set<String> skills = new LinkedHashSet<>();
        for (LocalApp app : store.apps()) {
            for (Map<String, Object> row : app.agents()) {
                List<Object> s = Json.list(row, "skills");
                if (s != null) {
                    s.forEach(x -> skills.add(String.valueOf(x)));
                }
            }
        }
        List<Object> rows = new ArrayList<>();
        skills.forEach(s -> rows.add(Json.obj("name", s)));
        return json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null), "skills", rows));
    }

    private Mono<ServerResponse> tools(ServerRequest r) {
        String kind = r.queryParam("kind").orElse("all");
        if (!Set.of("all", "builtin", "app", "connector").contains(kind)) {
            throw ApiException.badRequest("kind must be one of all, builtin, app, connector");
        }
        String agentId = r.queryParam("agent_id").orElse(null);
        List<Object> rows = new ArrayList<>();
        if (kind.equals("all") || kind.equals("builtin")) {
            rows.add(Json.obj("name", "automation_create", "kind", "builtin", "description",
                    "Create or upsert a schedule that runs an app agent or tool"));
        }
        if (kind.equals("all") || kind.equals("app")) {
            for (LocalApp app : store.apps()) {
                if (agentId != null && app.agentRow(agentId) == null) {
                    continue;
                }
                for (Map<String, Object> t : app.tools()) {
                    Map<String, Object> fn = Json.map(t, "function");
                    rows.add(Json.obj("name", Json.str(fn, "name"), "kind", "app", "app_id", app.id, "description",
                            fn == null ? "" : fn.get("description"), "callback", String.valueOf(t.get("source"))
                                    .contains("ARA_CALLBACK_URL = ")));
                }
            }
        }
        return json(200, Json.obj("ok", true, "session_id", r.queryParam("session_id").orElse(null), "kind", kind,
                "tools", rows));
    }

    private Mono<ServerResponse> controlCall(ServerRequest r) {
        return body(r, false).flatMap(body -> {
            String action = Json.requiredString(body, "action");
            Json.optionalObject(body, "args");
            return json(200, Json.obj("ok", false, "action", action, "error",
                    "control actions need a connected Ara UI session; ara-local has none", "local", true));
        });
    }

    private Mono<ServerResponse> executeTool(ServerRequest r) {
        return body(r, false).flatMap(body -> {
            String tool = Json.requiredString(body, "tool_name");
            Map<String, Object> args = Json.optionalObject(body, "args");
            args = args == null ? Json.obj() : args;
            String agentId = Json.optionalString(body, "agent_id");
            if (tool.equals("automation_create")) {
                return json(200, Json.obj("ok", true, "tool_name", tool, "result", automationCreate(args)));
            }
            LocalApp target = null;
            String appId = Json.str(args, "app_id");
            for (LocalApp app : store.apps()) {
                if ((appId == null || app.id.equals(appId) || app.slug.equals(appId))
                        && (agentId == null || agentId.isEmpty() || app.agentRow(agentId) != null)
                        && app.toolRow(tool) != null) {
                    target = app;
                    break;
                }
            }
            if (target == null) {
                throw ApiException.notFound("tool '" + tool + "' not found in any app");
            }
            // args.app_id picks the app; the function gets it only when it declares such a parameter
            Map<String, Object> toolArgs = new LinkedHashMap<>(args);
            if (Json.map(Json.map(Json.map(target.toolRow(tool), "function"), "parameters"), "properties") == null
                    || !Json.map(Json.map(Json.map(target.toolRow(tool), "function"), "parameters"), "properties")
                            .containsKey("app_id")) {
                toolArgs.remove("app_id");
            }
            return bridge.invoke(target, tool, target.toolRow(tool), toolArgs)
                    .flatMap(result -> json(200, Json.obj("ok", true, "tool_name", tool, "result", result)))
                    .onErrorResume(AgentModel.ToolFailure.class, e -> json(200, Json.obj("ok", false, "tool_name",
                            tool, "error", e.getMessage())));
        });
    }

    /** {@code automation_create} args as built by {@code scheduler.create/upsert} (reference §1.5). */
    private Map<String, Object> automationCreate(Map<String, Object> args) {
        String name = Json.requiredString(args, "name");
        String appRef = Json.optionalString(args, "app_id");
        LocalApp app;
        if (appRef == null || appRef.isEmpty()) {
            List<LocalApp> apps = store.apps();
            if (apps.size() != 1) {
                throw ApiException.unprocessable("automation_create needs args.app_id when ara-local holds "
                        + apps.size() + " apps");
            }
            app = apps.get(0);
        } else {
            app = store.app(appRef);
        }
        String kind = Json.requiredString(args, "schedule_kind");
        String execution = Json.requiredString(args, "execution_kind");
        Map<String, Object> run;
        if (execution.equals("app_agent_call")) {
            String agentId = Json.requiredString(args, "agent_id");
            if (app.agentRow(agentId) == null) {
                throw ApiException.notFound("agent '" + agentId + "' not found in app '" + app.slug + "'");
            }
            run = Json.obj("type", "agent", "agent_id", agentId);
            if (args.get("input") != null) {
                run.put("input", args.get("input"));
            }
        } else if (execution.equals("app_tool_call")) {
            String toolName = Json.requiredString(args, "tool_name");
            if (app.toolRow(toolName) == null) {
                throw ApiException.notFound("tool '" + toolName + "' not found in app '" + app.slug + "'");
            }
            Map<String, Object> toolArgs = Json.optionalObject(args, "tool_args");
            run = Json.obj("type", "tool", "tool_name", toolName, "args", toolArgs == null ? Json.obj() : toolArgs);
        } else {
            throw ApiException.unprocessable("execution_kind must be app_agent_call or app_tool_call");
        }
        Map<String, Object> spec = Json.obj("id", name, "kind", kind, "cron", args.get("schedule_expr"),
                "timezone", args.get("timezone"), "every_seconds", args.get("every_seconds"));
        LocalScheduler.Entry entry;
        try {
            entry = LocalScheduler.entry(app.id, "automation", spec, run);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        Object upsert = args.get("upsert");
        LocalScheduler.Entry added = scheduler.addAutomation(entry, Boolean.TRUE.equals(upsert));
        return Json.obj("job", added.toMap(), "created", true);
    }

    // ================================================================ chat

    private Mono<ServerResponse> chat(ServerRequest r) {
        return body(r, false).map(body -> {
            List<Map<String, Object>> messages = Json.maps(body.get("messages"));
            if (messages.isEmpty()) {
                throw ApiException.badRequest("field 'messages' must be a non-empty list of {role, content}");
            }
            String content = null;
            for (Map<String, Object> m : messages) {
                if ("user".equals(m.get("role")) && m.get("content") instanceof String s) {
                    content = s;
                }
            }
            if (content == null) {
                throw ApiException.badRequest("messages must contain a user message with string content");
            }
            String appRef = Json.optionalString(body, "app_id");
            LocalApp app = appRef == null || appRef.isEmpty() ? null : store.app(appRef);
            String agentId = Json.optionalString(body, "agent_id");
            if (agentId == null || agentId.isEmpty()) {
                agentId = app == null ? "chat" : app.defaultAgentId();
            }
            Map<String, Object> input = Json.obj("message", content);
            if (body.get("tool_calls") != null) {
                input.put("tool_calls", body.get("tool_calls"));
            }
            return new Object[] {app, agentId, input, content};
        }).flatMap(parts -> {
            LocalApp app = (LocalApp) parts[0];
            String agentId = (String) parts[1];
            List<Map<String, Object>> events = new ArrayList<>();
            List<Map<String, Object>> tools = app == null ? List.of() : RunEngine.openAiTools(app);
            AgentModel.ToolExecutor executor = (name, args) -> {
                String callId = "call_" + LocalStore.random(10);
                synchronized (events) {
                    events.add(Json.obj("type", "tool-input-available", "toolCallId", callId, "toolName", name,
                            "input", args));
                }
                Mono<Object> result = app == null || app.toolRow(name) == null
                        ? Mono.error(new AgentModel.ToolFailure("tool '" + name + "' is not available in this chat"))
                        : bridge.invoke(app, name, app.toolRow(name), args);
                return result.doOnNext(out -> {
                    synchronized (events) {
                        events.add(Json.obj("type", "tool-output-available", "toolCallId", callId, "output", out));
                    }
                });
            };
            Flux<String> lines = model.run(new AgentModel.ModelRequest(agentId, (String) parts[3], parts[2], tools),
                    executor).flatMapMany(result -> {
                        List<String> out = new ArrayList<>();
                        synchronized (events) {
                            events.forEach(e -> out.add(Json.writeString(e)));
                        }
                        for (String chunk : chunks(result.text())) {
                            out.add(Json.writeString(Json.obj("type", "text-delta", "delta", chunk)));
                        }
                        return Flux.fromIterable(out);
                    })
                    .onErrorResume(e -> {
                        List<String> out = new ArrayList<>();
                        synchronized (events) {
                            events.forEach(ev -> out.add(Json.writeString(ev)));
                        }
                        out.add(Json.writeString(Json.obj("type", "error", "errorText",
                                e instanceof AgentModel.ToolFailure ? e.getMessage() : "Agent error")));
                        return Flux.fromIterable(out);
                    })
                    .map(json -> "data: " + json + "\n\n")
                    .concatWith(Mono.just("data: [DONE]\n\n"));
            Flux<DataBuffer> buffers = lines.map(s -> DefaultDataBufferFactory.sharedInstance
                    .wrap(s.getBytes(StandardCharsets.UTF_8)));
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .body(BodyInserters.fromDataBuffers(buffers));
        });
    }

    /** Splits text into word-sized deltas (each keeps its trailing whitespace), so joining them gives the text. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && (i + 1 == text.length()
                    || !Character.isWhitespace(text.charAt(i + 1)))) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
