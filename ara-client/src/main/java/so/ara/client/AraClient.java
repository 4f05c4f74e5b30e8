package so.ara.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reactive client bound to one app manifest (docs/ara-reference.md §4.3, §4.4, §5): deploy, runs, events, setup, invites and the
 * log stream. Single calls return {@link Mono}, streams {@link Flux}; nothing blocks. Control-plane calls use the
 * bearer of {@link AraCredentials}; runtime calls choose credentials as docs/ara-reference.md §5.4 (app-header key → {@code X-Ara-App-Key}
 * only; else runtime key; the key minted by {@link #deploy} is remembered per slug in memory; else one is
 * auto-provisioned under a lock). The app id is looked up once per slug and cached (dropped on a 404).
 * <p>
 * A facade over one part per resource: {@code DeployFlow}, {@code RuntimeKeys}, {@code AppIds}, {@code Runs},
 * {@code Events}, {@code LogStreams}, {@code AppAccess}.
 */
public class AraClient {

    static final String SECRETS_UNSUPPORTED = DeployFlow.SECRETS_UNSUPPORTED;

    private final ObjectNode manifest;
    private final String slug;
    private final AraHttp http;
    private final Map<String, String> appIdCache;
    private final Map<String, String> runtimeKeys;
    private final Map<String, Mono<String>> provisioning;
    private final AppIds appIds;
    private final RuntimeKeys keys;
    private final Runs runs;
    private final Events events;
    private final LogStreams logStreams;
    private final AppAccess access;
    private final DeployFlow deployFlow;

    /**
     * @param manifest         the app manifest as a JSON object (e.g. {@code AraJson.mapper().valueToTree(appManifest)})
     * @param webClientBuilder cloned, never modified
     * @param credentials      resolved credentials and base URL
     * @param settings         timeouts, retries, reconnect
     * @param registry         observation registry for the client's own WebClient; null = the builder's (Boot's
     *                         auto-configured builder is already instrumented)
     */
    public AraClient(JsonNode manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry) {
        this(manifest, webClientBuilder, credentials, settings, registry, null);
    }

    /** As above, with the Reactor Netty client used for streams (logs); null = a default one without read timeout. */
    public AraClient(JsonNode manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry, @Nullable HttpClient streamHttpClient) {
        this(object(manifest), slugOf(object(manifest)),
                new AraHttp(webClientBuilder, credentials, settings, registry, streamHttpClient),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** Over a configured transport ({@link AraClientBuilder}). */
    AraClient(JsonNode manifest, AraHttp http) {
        this(object(manifest), slugOf(object(manifest)), http, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }

    public AraClient(Map<String, ?> manifest, WebClient.Builder webClientBuilder, AraCredentials credentials,
            AraClientSettings settings, @Nullable ObservationRegistry registry) {
        this(AraJson.mapper().valueToTree(manifest), webClientBuilder, credentials, settings, registry, null);
    }

    private AraClient(ObjectNode manifest, String slug, AraHttp http, Map<String, String> appIdCache,
            Map<String, String> runtimeKeys, Map<String, Mono<String>> provisioning) {
        this.manifest = manifest.deepCopy();
        this.slug = slug;
        this.http = http;
        this.appIdCache = appIdCache;
        this.runtimeKeys = runtimeKeys;
        this.provisioning = provisioning;
        this.appIds = new AppIds(slug, http, appIdCache);
        this.keys = new RuntimeKeys(slug, http, runtimeKeys, provisioning);
        this.runs = new Runs(http, this.appIds, this.keys);
        this.events = new Events(http, this.appIds, this.keys);
        this.logStreams = new LogStreams(http, this.appIds, this.keys);
        this.access = new AppAccess(slug, http, this.appIds, this.keys);
        this.deployFlow = new DeployFlow(this.manifest, slug, http, this.appIds, this.keys, this.runs);
    }

    private static ObjectNode object(JsonNode manifest) {
        if (!(manifest instanceof ObjectNode object)) {
            throw new IllegalArgumentException("manifest must be a JSON object");
        }
        return object;
    }

    private static String slugOf(ObjectNode manifest) {
        String value = Json.text(manifest, "slug");
        if (value == null || value.isBlank()) {
            value = Json.text(manifest, "name");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest has no slug");
        }
        return value.strip();
    }

    /**
     * The same app rendered differently (for example with callback URLs known only once the server listens): shares
     * this client's connections, cached app id and remembered runtime key. The slug must not change.
     */
    public AraClient withManifest(JsonNode otherManifest) {
        if (!(otherManifest instanceof ObjectNode object) || !this.slug.equals(Json.text(object, "slug"))) {
            throw new IllegalArgumentException("withManifest needs a manifest of the same app '" + this.slug + "'");
        }
        return new AraClient(object, this.slug, this.http, this.appIdCache, this.runtimeKeys, this.provisioning);
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
        return this.keys.remembered();
    }

    /** The reference's printed log line: {@code <timestamp> <LEVEL> run=<run_id> event=<event_type> <message>}. */
    public static String format(LogEvent event) {
        return event.format();
    }

    // ---------------------------------------------------------------- control plane

    /** {@code GET /apps}: the first row with this slug and role {@code owner}, or empty. Always asks; updates the cache. */
    public Mono<Optional<String>> findAppId() {
        return this.appIds.find();
    }

    /** The owned app's id (cached after the first lookup), or error {@code App '<slug>' not found. Deploy first.} */
    public Mono<String> appId() {
        return this.appIds.get();
    }

    /**
     * Deploys the manifest as docs/ara-reference.md §5.1, idempotently, so every replica may call it at every start:
     * an unchanged stored app is not patched, unchanged secrets are not re-sent, a configured or already held runtime
     * key is reused ({@link DeployResult#runtimeKeyCreated()} false), and a create that loses a race updates the app.
     */
    public Mono<DeployResult> deploy(DeployOptions options) {
        return this.deployFlow.deploy(options);
    }

    DeployFlow.SecretPlan secretPlan(DeployOptions options) {
        return this.deployFlow.secretPlan(options);
    }

    /** {@code GET /apps/{id}/setup}. */
    public Mono<AppSetup> setup() {
        return this.access.setup();
    }

    /** {@code POST /apps/{id}/invites} with {@code {"email","role","expires_in_hours"}} (no client-side validation). */
    public Mono<InviteResponse> invite(String email, @Nullable String role, @Nullable Integer expiresInHours) {
        return this.access.invite(email, role, expiresInHours);
    }

    /** {@code GET /auth/cli/whoami}. */
    public Mono<WhoAmI> whoami() {
        return this.access.whoami();
    }

    /** docs/ara-reference.md §5.2: ensure a runtime key and an app-header key. */
    public Mono<SetupAuthResult> setupAuth(SetupAuthOptions options) {
        return this.access.setupAuth(options);
    }

    // ---------------------------------------------------------------- runtime plane

    /** Synchronous run of {@code agentId} (null = default agent). */
    public Mono<RunResponse> run(@Nullable String agentId, @Nullable Map<String, ?> input) {
        return run(RunRequest.of(agentId, input));
    }

    public Mono<RunResponse> run(RunRequest request) {
        return this.runs.run(request);
    }

    /** Asynchronous run ({@code POST /v1/apps/{id}/runs}), poll or webhook. */
    public Mono<RunResponse> runAsync(AsyncRunRequest request) {
        return this.runs.runAsync(request);
    }

    public Mono<RunResponse> runStatus(String runId) {
        return runStatus(runId, RuntimeAuth.DEFAULT);
    }

    /** {@code GET /v1/apps/{id}/runs/{run_id}}; empty id → {@code run_status requires run_id}. */
    public Mono<RunResponse> runStatus(String runId, RuntimeAuth auth) {
        return this.runs.runStatus(runId, auth);
    }

    /** Polls {@link #runStatus} every {@code interval} until the run is terminal (completed/failed/cancelled). */
    public Mono<RunResponse> awaitRun(String runId, Duration interval, RuntimeAuth auth) {
        return this.runs.awaitRun(runId, interval, auth);
    }

    /** {@code POST /v1/apps/{id}/events} with the flat body and {@code X-Idempotency-Key}. */
    public Mono<EventResponse> sendEvent(EventRequest request) {
        return this.events.send(request);
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
        return this.logStreams.logs(options);
    }

    /** The log rows of one run, ending after its {@code run.completed} or {@code run.failed} row. Subscribe first, then start the run. */
    public Flux<LogEvent> runEvents(String runId) {
        return runEvents(runId, LogStreamOptions.defaults());
    }

    public Flux<LogEvent> runEvents(String runId, LogStreamOptions options) {
        return this.logStreams.runEvents(runId, options);
    }

    @Override
    public String toString() {
        return "AraClient[slug=" + this.slug + ", baseUrl=" + this.http.credentials().apiBaseUrl() + "]";
    }
}
