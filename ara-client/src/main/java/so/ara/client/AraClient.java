package so.ara.client;

import so.ara.spec.EnvKeys;
import so.ara.spec.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import so.ara.client.AraHttp.Auth;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import so.ara.spec.RunIds;
import so.ara.spec.Slugify;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reactive client bound to one app manifest (reference §4.3, §4.4, §5): deploy, runs, events, setup, invites and the
 * log stream. Single calls return {@link Mono}, streams {@link Flux}; nothing blocks. Control-plane calls use the
 * bearer of {@link AraCredentials}; runtime calls choose credentials as §5.4 (app-header key → {@code X-Ara-App-Key}
 * only; else runtime key; the key minted by {@link #deploy} is remembered per slug in memory; else one is
 * auto-provisioned under a lock).
 */
public class AraClient {

    private static final Pattern SECRET_CALL = Pattern.compile("\\bsecret\\(\\s*(?:\"([^\"]*)\"|'([^']*)')");
    static final String SECRETS_UNSUPPORTED = "Secret sync failed because this backend does not support App SDK "
            + "secret routes yet. Upgrade backend to a version with /apps/%s/secrets support, or remove "
            + "runtime(secrets=...) declarations.";

    private final ObjectNode manifest;
    private final String slug;
    private final AraHttp http;
    private final Map<String, String> runtimeKeys;
    private final Map<String, Mono<String>> provisioning;

    /**
     * @param manifest         the app manifest as a JSON object (e.g. {@code AraJson.mapper().valueToTree(appManifest)})
     * @param webClientBuilder cloned, never modified
     * @param credentials      resolved credentials and base URL
     * @param settings         timeouts, retries, reconnect
     * @param registry         observation registry, null = {@link ObservationRegistry#NOOP}
     */
    public AraClient(JsonNode manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry) {
        this(manifest, webClientBuilder, credentials, settings, registry, null);
    }

    /** As above, with the Reactor Netty client used for streams (logs); null = a default one without read timeout. */
    public AraClient(JsonNode manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry, @Nullable HttpClient streamHttpClient) {
        if (!(manifest instanceof ObjectNode object)) {
            throw new IllegalArgumentException("manifest must be a JSON object");
        }
        this.manifest = object.deepCopy();
        String slugValue = Json.text(object, "slug");
        if (slugValue == null || slugValue.isBlank()) {
            slugValue = Json.text(object, "name");
        }
        if (slugValue == null || slugValue.isBlank()) {
            throw new IllegalArgumentException("manifest has no slug");
        }
        this.slug = slugValue.strip();
        this.http = new AraHttp(webClientBuilder, credentials, settings, registry, streamHttpClient);
        this.runtimeKeys = new ConcurrentHashMap<>();
        this.provisioning = new ConcurrentHashMap<>();
    }

    private AraClient(AraClient source, ObjectNode manifest) {
        this.manifest = manifest.deepCopy();
        this.slug = source.slug;
        this.http = source.http;
        this.runtimeKeys = source.runtimeKeys;
        this.provisioning = source.provisioning;
    }

    /**
     * The same app rendered differently (for example with callback URLs known only once the server listens): shares
     * this client's connections and remembered runtime key. The slug must not change.
     */
    public AraClient withManifest(JsonNode otherManifest) {
        if (!(otherManifest instanceof ObjectNode object) || !this.slug.equals(Json.text(object, "slug"))) {
            throw new IllegalArgumentException("withManifest needs a manifest of the same app '" + this.slug + "'");
        }
        return new AraClient(this, object);
    }

    public AraClient(Map<String, ?> manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry) {
        this(AraJson.mapper().valueToTree(manifest), webClientBuilder, credentials, settings, registry, null);
    }

    /** Defaults: {@code WebClient.builder()}, default settings, no observations. */
    public static AraClient create(JsonNode manifest, AraCredentials credentials) {
        return new AraClient(manifest, WebClient.builder(), credentials, AraClientSettings.defaults(), null);
    }

    public String slug() {
        return this.slug;
    }

    public ObjectNode manifest() {
        return this.manifest.deepCopy();
    }

    public AraCredentials credentials() {
        return this.http.credentials();
    }

    /** The runtime key minted by the last deploy/setup/auto-provisioning of this slug (memory only). */
    public Optional<String> rememberedRuntimeKey() {
        return Optional.ofNullable(this.runtimeKeys.get(this.slug));
    }

    /** The reference's printed log line: {@code <timestamp> <LEVEL> run=<run_id> event=<event_type> <message>}. */
    public static String format(LogEvent event) {
        return event.format();
    }

    // ---------------------------------------------------------------- control plane

    /** {@code GET /apps}: the first row with this slug and role {@code owner}, or empty. */
    public Mono<Optional<String>> findAppId() {
        return this.http.call(HttpMethod.GET, "/apps", "/apps", null, this.http.controlPlane()).map(body -> {
            JsonNode apps = Json.node(body, "apps");
            if (apps != null && apps.isArray()) {
                for (JsonNode app : apps) {
                    if (this.slug.equals(Json.text(app, "slug")) && "owner".equals(Json.text(app, "role"))) {
                        return Optional.ofNullable(Json.text(app, "id"));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** The owned app's id, or error {@code App '<slug>' not found. Deploy first.} */
    public Mono<String> appId() {
        return findAppId().flatMap(id -> id.map(Mono::just)
                .orElseGet(() -> Mono.error(new AraException("App '" + this.slug + "' not found. Deploy first."))));
    }

    /** Deploys the manifest exactly as reference §5.1. */
    public Mono<DeployResult> deploy(DeployOptions options) {
        return Mono.defer(() -> {
            String onExisting = options.onExisting().strip().toLowerCase(Locale.ROOT);
            if (!onExisting.equals("update") && !onExisting.equals("error")) {
                return Mono.error(new IllegalArgumentException("on_existing must be one of: update, error"));
            }
            SecretPlan plan = secretPlan(options);
            ObjectNode payload = AraJson.mapper().createObjectNode();
            payload.put("name", textOr(this.manifest, "name", this.slug));
            payload.put("description", textOr(this.manifest, "description", ""));
            payload.set("agent", objectOr(this.manifest, "agent", false));
            payload.set("workflows", objectOr(this.manifest, "workflows", true));
            payload.set("interfaces", objectOr(this.manifest, "interfaces", false));
            payload.set("runtime_profile", plan.runtimeProfile());
            return findAppId().flatMap(existing -> {
                if (existing.isPresent() && onExisting.equals("error")) {
                    return Mono.error(new AraException("Project '" + this.slug
                            + "' already exists for this account (app_id=" + existing.get() + ")."));
                }
                Mono<String> appId = existing.isPresent() ? update(existing.get(), payload, options.activate())
                        : create(payload, options.activate());
                return appId.flatMap(id -> syncSecrets(id, plan)
                        .flatMap(secrets -> mintRuntimeKey(id,
                                options.keyName() != null && !options.keyName().isBlank() ? options.keyName().strip()
                                        : this.slug + "-py-local",
                                options.keyRpm(), "deploy failed: runtime key missing")
                                .flatMap(key -> warmup(id, key, options)
                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                        .map(warm -> new DeployResult(id, this.slug, true, key, warm.orElse(null),
                                                secrets)))));
            });
        });
    }

    private Mono<String> update(String appId, ObjectNode payload, boolean activate) {
        ObjectNode body = payload.deepCopy();
        if (activate) {
            body.put("status", "active");
        }
        return this.http.call(HttpMethod.PATCH, "/apps/{app_id}", AraHttp.path("/apps/{app_id}", appId), body,
                this.http.controlPlane()).thenReturn(appId);
    }

    private Mono<String> create(ObjectNode payload, boolean activate) {
        ObjectNode body = payload.deepCopy();
        body.put("slug", this.slug);
        Mono<String> created = this.http.call(HttpMethod.POST, "/apps", "/apps", body, this.http.controlPlane())
                .onErrorMap(AraApiException.class, ex -> ex.getStatus() == 409 ? new AraApiException(
                        "Project name is already taken. Choose a different DNS-safe project_name (lowercase letters, "
                                + "digits, hyphens) and retry deploy.",
                        409, ex.getMethod(), ex.getPath(), ex.getResponseBody(), null) : ex)
                .flatMap(answer -> {
                    String id = Json.text(Json.node(answer, "app"), "id");
                    return id == null || id.isBlank() ? Mono.error(new AraException("deploy failed: missing app id"))
                            : Mono.just(id);
                });
        if (!activate) {
            return created;
        }
        return created.flatMap(id -> this.http.call(HttpMethod.PATCH, "/apps/{app_id}",
                AraHttp.path("/apps/{app_id}", id), Map.of("status", "active"), this.http.controlPlane())
                .thenReturn(id));
    }

    record SecretPlan(ObjectNode runtimeProfile, List<Secret> definitions, boolean reconcile) {
    }

    SecretPlan secretPlan(DeployOptions options) {
        JsonNode profileNode = this.manifest.get("runtime_profile");
        ObjectNode profile = profileNode instanceof ObjectNode o ? o.deepCopy() : AraJson.mapper().createObjectNode();
        boolean hadRefs = profile.has("secret_refs");
        Map<String, Secret> definitions = new LinkedHashMap<>();
        for (Secret definition : options.secrets()) {
            definitions.putIfAbsent(definition.name(), definition);
        }
        LinkedHashSet<String> required = new LinkedHashSet<>();
        addKeys(required, options.requiredEnvKeys());
        addKeys(required, Json.texts(profile.get("__required_env_keys")));
        JsonNode tools = Json.node(Json.node(this.manifest, "agent"), "tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                addKeys(required, Json.texts(tool.get("required_env")));
                String source = Json.text(tool, "source");
                if (source != null) {
                    Matcher matcher = SECRET_CALL.matcher(source);
                    while (matcher.find()) {
                        String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                        if (EnvKeys.isUserKey(key)) {
                            required.add(key);
                        }
                    }
                }
            }
        }
        profile.remove("__secret_definitions");
        profile.remove("__required_env_keys");
        ArrayNode refs = profile.get("secret_refs") instanceof ArrayNode a ? a : null;
        if (!required.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String key : required) {
                String value = this.http.credentials().environment().getTrimmed(key);
                if (value == null) {
                    missing.add(key);
                }
                else {
                    values.put(key, value);
                }
            }
            if (!missing.isEmpty()) {
                throw new AraException("Missing required environment variables for deploy-time secret sync: "
                        + String.join(", ", missing));
            }
            Secret envSecret = Secret.fromDict(values);
            definitions.putIfAbsent(envSecret.name(), envSecret);
        }
        if (!definitions.isEmpty()) {
            if (refs == null) {
                refs = profile.putArray("secret_refs");
            }
            Set<String> referenced = new LinkedHashSet<>();
            for (JsonNode ref : refs) {
                String name = Json.text(ref, "name");
                if (name != null) {
                    referenced.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
            for (Secret definition : definitions.values()) {
                if (referenced.add(definition.name())) {
                    ObjectNode ref = refs.addObject();
                    ref.put("name", definition.name());
                    if (!definition.requiredKeys().isEmpty()) {
                        ArrayNode keys = ref.putArray("required_keys");
                        definition.requiredKeys().forEach(keys::add);
                    }
                }
            }
        }
        boolean reconcile = hadRefs || profile.has("secret_refs");
        return new SecretPlan(profile, List.copyOf(definitions.values()), reconcile);
    }

    private static void addKeys(Set<String> target, List<String> keys) {
        for (String key : keys) {
            String trimmed = key == null ? "" : key.strip();
            if (!trimmed.isEmpty()) {
                target.add(trimmed);
            }
        }
    }

    private Mono<DeployResult.Secrets> syncSecrets(String appId, SecretPlan plan) {
        List<String> synced = new ArrayList<>();
        List<String> referencedOnly = new ArrayList<>();
        String secretsPath = AraHttp.path("/apps/{app_id}/secrets", appId);
        Mono<Void> upserts = Flux.fromIterable(plan.definitions()).concatMap(definition -> {
            if (!definition.hasValues()) {
                referencedOnly.add(definition.name());
                return Mono.empty();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", definition.name());
            body.put("values", definition.values());
            return this.http.call(HttpMethod.POST, "/apps/{app_id}/secrets", secretsPath, body,
                    this.http.controlPlane())
                    .onErrorMap(AraApiException.class, ex -> secretsCompat(ex, appId))
                    .doOnSuccess(ignored -> synced.add(definition.name()))
                    .then();
        }).then();
        Mono<Void> reconcile = !plan.reconcile() ? Mono.empty()
                : this.http.call(HttpMethod.GET, "/apps/{app_id}/secrets", secretsPath, null, this.http.controlPlane())
                        .onErrorMap(AraApiException.class, ex -> secretsCompat(ex, appId))
                        .flatMapMany(body -> {
                            Set<String> desired = new LinkedHashSet<>();
                            plan.definitions().forEach(d -> desired.add(d.name()));
                            JsonNode refs = plan.runtimeProfile().get("secret_refs");
                            if (refs != null) {
                                refs.forEach(r -> {
                                    String n = Json.text(r, "name");
                                    if (n != null) {
                                        desired.add(n.strip().toLowerCase(Locale.ROOT));
                                    }
                                });
                            }
                            List<String> stale = new ArrayList<>();
                            JsonNode secrets = Json.node(body, "secrets");
                            if (secrets != null && secrets.isArray()) {
                                for (JsonNode secret : secrets) {
                                    String name = Json.text(secret, "name");
                                    if (name != null && !desired.contains(name.strip().toLowerCase(Locale.ROOT))) {
                                        stale.add(name);
                                    }
                                }
                            }
                            return Flux.fromIterable(stale);
                        })
                        .concatMap(name -> this.http.call(HttpMethod.DELETE, "/apps/{app_id}/secrets/{name}",
                                AraHttp.path("/apps/{app_id}/secrets/{name}", appId, name), null,
                                this.http.controlPlane())
                                .onErrorResume(AraApiException.class,
                                        ex -> ex.getStatus() == 404 ? Mono.empty() : Mono.error(ex)))
                        .then();
        return upserts.then(reconcile).then(Mono.fromSupplier(() -> new DeployResult.Secrets(synced, referencedOnly)));
    }

    private static Throwable secretsCompat(AraApiException ex, String appId) {
        if (ex.getStatus() == 404) {
            return new AraApiException(String.format(SECRETS_UNSUPPORTED, appId), 404, ex.getMethod(), ex.getPath(),
                    ex.getResponseBody(), null);
        }
        return ex;
    }

    private Mono<String> mintRuntimeKey(String appId, String name, int rpm, String missingMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("requests_per_minute", rpm);
        return this.http.call(HttpMethod.POST, "/apps/{app_id}/keys", AraHttp.path("/apps/{app_id}/keys", appId), body,
                this.http.controlPlane()).flatMap(answer -> {
                    String key = Json.text(answer, "key");
                    if (key == null || key.isBlank()) {
                        return Mono.error(new AraException(missingMessage));
                    }
                    this.runtimeKeys.put(this.slug, key);
                    return Mono.just(key);
                });
    }

    private Mono<JsonNode> warmup(String appId, String key, DeployOptions options) {
        if (!options.warm()) {
            return Mono.empty();
        }
        return postRun(appId, options.warmAgentId(), true, AraJson.mapper().createObjectNode(), Auth.bearer(key));
    }

    /** {@code GET /apps/{id}/setup}. */
    public Mono<AppSetup> setup() {
        return appId().flatMap(id -> this.http.call(HttpMethod.GET, "/apps/{app_id}/setup",
                AraHttp.path("/apps/{app_id}/setup", id), null, this.http.controlPlane())
                .map(body -> new AppSetup(id, body)));
    }

    /** {@code POST /apps/{id}/invites} with {@code {"email","role","expires_in_hours"}} (no client-side validation). */
    public Mono<InviteResponse> invite(String email, @Nullable String role, @Nullable Integer expiresInHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("role", role == null || role.isBlank() ? "viewer" : role);
        body.put("expires_in_hours", expiresInHours == null ? 168 : expiresInHours);
        return appId().flatMap(id -> this.http.call(HttpMethod.POST, "/apps/{app_id}/invites",
                AraHttp.path("/apps/{app_id}/invites", id), body, this.http.controlPlane()))
                .map(InviteResponse::from);
    }

    /** {@code GET /auth/cli/whoami}. */
    public Mono<WhoAmI> whoami() {
        return this.http.call(HttpMethod.GET, "/auth/cli/whoami", "/auth/cli/whoami", null, this.http.controlPlane())
                .map(WhoAmI::from);
    }

    /** Reference §5.2: ensure a runtime key and an app-header key. */
    public Mono<SetupAuthResult> setupAuth(SetupAuthOptions options) {
        return appId().flatMap(id -> {
            String existingRuntime = this.http.credentials().runtimeKey() != null ? this.http.credentials().runtimeKey()
                    : this.runtimeKeys.get(this.slug);
            Mono<String[]> runtime;
            if (existingRuntime != null) {
                runtime = Mono.just(new String[] { existingRuntime, "false" });
            }
            else if (options.ensureRuntimeKey()) {
                runtime = mintRuntimeKey(id, this.slug + "-py-local", 60, "Failed to provision runtime key for this app.")
                        .map(key -> new String[] { key, "true" });
            }
            else {
                runtime = Mono.just(new String[] { null, "false" });
            }
            return runtime.flatMap(rt -> appHeader(id, options).map(x -> new SetupAuthResult(id, this.slug,
                    rt[0] != null, Boolean.parseBoolean(rt[1]), rt[0], x.key() != null, x.created(), x.id(),
                    x.prefix(), x.key())));
        });
    }

    private record XKey(@Nullable String key, boolean created, @Nullable String id, @Nullable String prefix) {
    }

    private Mono<XKey> appHeader(String appId, SetupAuthOptions options) {
        String existing = this.http.credentials().appHeaderKey();
        String xKeysPath = AraHttp.path("/apps/{app_id}/x-keys", appId);
        if (existing == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", options.xKeyName() != null && !options.xKeyName().isBlank() ? options.xKeyName().strip()
                    : this.slug + "-x-header");
            body.put("requests_per_minute", options.xKeyRpm());
            return this.http.call(HttpMethod.POST, "/apps/{app_id}/x-keys", xKeysPath, body, this.http.controlPlane())
                    .map(answer -> new XKey(Json.text(answer, "key"), true, Json.text(answer, "id"),
                            Json.text(answer, "key_prefix")));
        }
        return this.http.call(HttpMethod.GET, "/apps/{app_id}/x-keys", xKeysPath, null, this.http.controlPlane())
                .map(answer -> {
                    JsonNode keys = Json.node(answer, "keys");
                    if (keys != null && keys.isArray()) {
                        for (JsonNode row : keys) {
                            String prefix = Json.text(row, "key_prefix");
                            String active = Json.text(row, "is_active");
                            if (prefix != null && !prefix.isEmpty() && existing.startsWith(prefix)
                                    && !"false".equalsIgnoreCase(String.valueOf(active))) {
                                return new XKey(existing, false, Json.text(row, "id"), prefix);
                            }
                        }
                    }
                    return new XKey(existing, false, null, null);
                });
    }

    // ---------------------------------------------------------------- runtime plane

    /** Synchronous run of {@code agentId} (null = default agent). */
    public Mono<RunResponse> run(@Nullable String agentId, @Nullable Map<String, ?> input) {
        return run(RunRequest.of(agentId, input));
    }

    public Mono<RunResponse> run(RunRequest request) {
        return Mono.defer(() -> {
            ObjectNode input = toObject(request.input());
            if (!input.hasNonNull("run_id")) {
                input.put("run_id", RunIds.newRunId());
            }
            if (!input.hasNonNull("idempotency_key")) {
                input.put("idempotency_key",
                        Slugify.slugify(request.agentId() != null ? request.agentId() : "default-agent") + "-"
                                + Slugify.slugify(input.get("run_id").asString()));
            }
            return appId().flatMap(id -> runtimeAuth(id, request.auth())
                    .flatMap(auth -> postRun(id, request.agentId(), false, input, auth)))
                    .map(RunResponse::from);
        });
    }

    private Mono<JsonNode> postRun(String appId, @Nullable String agentId, boolean warmup, JsonNode input, Auth auth) {
        ObjectNode body = AraJson.mapper().createObjectNode();
        putNullable(body, "agent_id", agentId);
        putNullable(body, "workflow_id", agentId);
        body.put("warmup", warmup);
        body.set("input", input);
        return this.http.call(HttpMethod.POST, "/v1/apps/{app_id}/run", AraHttp.path("/v1/apps/{app_id}/run", appId),
                body, Mono.just(auth), Map.of(), this.http.settings().runTimeout());
    }

    /** Asynchronous run ({@code POST /v1/apps/{id}/runs}), poll or webhook. */
    public Mono<RunResponse> runAsync(AsyncRunRequest request) {
        return Mono.defer(() -> {
            if ("webhook".equals(request.responseMode())
                    && (request.callback() == null || request.callback().url() == null
                            || request.callback().url().isBlank())) {
                return Mono.error(new IllegalArgumentException("run-async with --response-mode webhook requires --callback-url"));
            }
            String runId = request.runId() != null && !request.runId().isBlank() ? request.runId().strip()
                    : RunIds.newRunId();
            String idempotencyKey = request.idempotencyKey() != null && !request.idempotencyKey().isBlank()
                    ? request.idempotencyKey().strip() : "run-" + Slugify.slugify(runId);
            ObjectNode body = AraJson.mapper().createObjectNode();
            putNullable(body, "agent_id", request.agentId());
            putNullable(body, "workflow_id", request.agentId());
            body.put("warmup", request.warmup());
            body.set("input", toObject(request.input()));
            body.put("response_mode", request.responseMode());
            body.put("run_id", runId);
            body.put("idempotency_key", idempotencyKey);
            if (request.callback() != null) {
                ObjectNode callback = body.putObject("callback");
                callback.put("url", request.callback().url());
                callback.put("secret", request.callback().secret());
                ArrayNode events = callback.putArray("events");
                request.callback().events().forEach(events::add);
            }
            return appId().flatMap(id -> runtimeAuth(id, request.auth())
                    .flatMap(auth -> this.http.call(HttpMethod.POST, "/v1/apps/{app_id}/runs",
                            AraHttp.path("/v1/apps/{app_id}/runs", id), body, Mono.just(auth))))
                    .map(RunResponse::from);
        });
    }

    public Mono<RunResponse> runStatus(String runId) {
        return runStatus(runId, RuntimeAuth.DEFAULT);
    }

    /** {@code GET /v1/apps/{id}/runs/{run_id}}; empty id → {@code run_status requires run_id}. */
    public Mono<RunResponse> runStatus(String runId, RuntimeAuth auth) {
        if (runId == null || runId.isBlank()) {
            return Mono.error(new IllegalArgumentException("run_status requires run_id"));
        }
        return appId().flatMap(id -> runtimeAuth(id, auth).flatMap(a -> this.http.call(HttpMethod.GET,
                "/v1/apps/{app_id}/runs/{run_id}", AraHttp.path("/v1/apps/{app_id}/runs/{run_id}", id, runId.strip()),
                null, Mono.just(a)))).map(RunResponse::from);
    }

    /**
     * Polls {@link #runStatus} every {@code interval} until the run is terminal (completed/failed/cancelled).
     */
    public Mono<RunResponse> awaitRun(String runId, Duration interval, RuntimeAuth auth) {
        return runStatus(runId, auth)
                .repeatWhen(done -> done.delayElements(interval))
                .takeUntil(RunResponse::isTerminal)
                .last();
    }

    /** {@code POST /v1/apps/{id}/events} with the flat body and {@code X-Idempotency-Key}. */
    public Mono<EventResponse> sendEvent(EventRequest request) {
        return Mono.defer(() -> {
            String key = request.idempotencyKey() != null && !request.idempotencyKey().isBlank()
                    ? request.idempotencyKey().strip()
                    : Slugify.slugify(request.eventType()) + "-" + Slugify.slugify(RunIds.newRunId());
            ObjectNode body = AraJson.mapper().createObjectNode();
            putNullable(body, "agent_id", request.agentId());
            putNullable(body, "workflow_id", request.agentId());
            body.put("event_type", request.eventType());
            body.put("channel", request.channel());
            body.put("source", request.source());
            body.put("message", request.message());
            body.set("payload", toObject(request.payload()));
            body.set("metadata", toObject(request.metadata()));
            return appId().flatMap(id -> runtimeAuth(id, request.auth())
                    .flatMap(auth -> this.http.call(HttpMethod.POST, "/v1/apps/{app_id}/events",
                            AraHttp.path("/v1/apps/{app_id}/events", id), body, Mono.just(auth),
                            Map.of("X-Idempotency-Key", key), this.http.settings().timeout())))
                    .map(answer -> EventResponse.from(answer, key));
        });
    }

    /** Live log stream with default options (reconnecting per settings). */
    public Flux<LogEvent> logs() {
        return logs(LogStreamOptions.defaults());
    }

    /**
     * {@code GET /v1/apps/{id}/logs/stream} as typed rows. With reconnect on, a dropped connection is reopened with
     * {@code Last-Event-ID} after an exponential backoff (honouring {@code retry:}); rows already seen are skipped.
     * Demand is honoured (Reactor Netty stops reading when the subscriber stops requesting).
     */
    public Flux<LogEvent> logs(LogStreamOptions options) {
        boolean reconnect = options.reconnect() != null ? options.reconnect() : this.http.settings().reconnect();
        return appId().flatMapMany(id -> runtimeAuth(id, options.auth()).flatMapMany(auth -> {
            String path = AraHttp.path("/v1/apps/{app_id}/logs/stream", id);
            return SseStreams.logEvents(lastId -> this.http.sse(HttpMethod.GET, "/v1/apps/{app_id}/logs/stream", path,
                    null, auth, lastId != null ? Map.of("Last-Event-ID", lastId) : Map.of(), null), path, reconnect,
                    this.http.settings(), options.lastEventId());
        }));
    }

    /** The log rows of one run, ending after its {@code run.completed} or {@code run.failed} row. Subscribe first, then start the run. */
    public Flux<LogEvent> runEvents(String runId) {
        return runEvents(runId, LogStreamOptions.defaults());
    }

    public Flux<LogEvent> runEvents(String runId, LogStreamOptions options) {
        return logs(options).filter(event -> runId.equals(event.runId())).takeUntil(LogEvent::isTerminal);
    }

    // ---------------------------------------------------------------- runtime credentials

    Mono<Auth> runtimeAuth(String appId, RuntimeAuth override) {
        RuntimeAuth given = override != null ? override : RuntimeAuth.DEFAULT;
        if (nonBlank(given.appHeaderKey())) {
            return Mono.just(Auth.appKey(given.appHeaderKey().strip()));
        }
        if (nonBlank(given.runtimeKey())) {
            return Mono.just(Auth.bearer(given.runtimeKey().strip()));
        }
        AraCredentials credentials = this.http.credentials();
        if (credentials.appHeaderKey() != null) {
            return Mono.just(Auth.appKey(credentials.appHeaderKey()));
        }
        if (credentials.runtimeKey() != null) {
            return Mono.just(Auth.bearer(credentials.runtimeKey()));
        }
        String cached = this.runtimeKeys.get(this.slug);
        if (cached != null) {
            return Mono.just(Auth.bearer(cached));
        }
        return this.provisioning.computeIfAbsent(this.slug, s -> Mono.defer(() -> {
            String again = this.runtimeKeys.get(s);
            return again != null ? Mono.just(again)
                    : mintRuntimeKey(appId, s + "-py-local", 60, "Failed to provision runtime key for this app.");
        }).doFinally(signal -> this.provisioning.remove(s)).cache()).map(Auth::bearer);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean nonBlank(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static void putNullable(ObjectNode node, String field, @Nullable String value) {
        if (value == null) {
            node.putNull(field);
        }
        else {
            node.put(field, value);
        }
    }

    static ObjectNode toObject(@Nullable Object value) {
        if (value == null) {
            return AraJson.mapper().createObjectNode();
        }
        JsonNode node = AraJson.mapper().valueToTree(value);
        if (node instanceof ObjectNode object) {
            return object.deepCopy();
        }
        throw new IllegalArgumentException("input must be a JSON object");
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = Json.text(node, field);
        return value != null ? value : fallback;
    }

    private static JsonNode objectOr(JsonNode node, String field, boolean array) {
        JsonNode value = Json.node(node, field);
        if (value != null && (array ? value.isArray() : value.isObject())) {
            return value.deepCopy();
        }
        return array ? AraJson.mapper().createArrayNode() : AraJson.mapper().createObjectNode();
    }

    @Override
    public String toString() {
        return "AraClient[slug=" + this.slug + ", baseUrl=" + this.http.credentials().apiBaseUrl() + "]";
    }

    static String requireNonBlank(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return Objects.requireNonNull(value);
    }

    static HttpHeaders none() {
        return new HttpHeaders();
    }
}
