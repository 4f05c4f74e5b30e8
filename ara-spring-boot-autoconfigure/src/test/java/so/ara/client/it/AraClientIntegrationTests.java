package so.ara.client.it;

import so.ara.spec.Secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import so.ara.auth.AraSignature;
import so.ara.client.AraApiException;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.AraConnectionException;
import so.ara.client.AraException;
import so.ara.client.AraRun;
import so.ara.client.AsyncRunRequest;
import so.ara.client.DeployOptions;
import so.ara.client.DeployResult;
import so.ara.client.EventRequest;
import so.ara.client.EventResponse;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RunCallback;
import so.ara.client.RunRequest;
import so.ara.client.RunResponse;
import so.ara.client.RuntimeAuth;
import so.ara.client.SetupAuthOptions;
import so.ara.client.SetupAuthResult;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.AraEnvironment;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AraClient} against a real ara-local over HTTP. */
class AraClientIntegrationTests {

    static final String CALLBACK_SECRET = "cb-secret-123";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HIDDEN = ". Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.";

    static AraLocalServer server;
    static DisposableServer callbacks;
    static final ConcurrentLinkedQueue<Map<String, Object>> received = new ConcurrentLinkedQueue<>();
    static final AtomicInteger slugs = new AtomicInteger();

    static final AraClientSettings FAST = AraClientSettings.defaults().withRetries(0, Duration.ZERO)
            .withReconnect(true, Duration.ofMillis(20), Duration.ofMillis(200), 100);

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null)
                .withWebhookBackoff(Duration.ofMillis(50)).withCallbackTimeout(Duration.ofSeconds(5)));
        callbacks = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> req.receive().aggregate()
                .asByteArray().defaultIfEmpty(new byte[0]).flatMap(bytes -> {
                    String ts = req.requestHeaders().get(AraSignature.TIMESTAMP_HEADER);
                    String delivery = req.requestHeaders().get(AraSignature.DELIVERY_ID_HEADER);
                    String signature = req.requestHeaders().get(AraSignature.SIGNATURE_HEADER);
                    String secret = req.path().startsWith("hooks") ? "hook-secret" : CALLBACK_SECRET;
                    boolean verified = ts != null && delivery != null
                            && AraSignature.matches(secret, Long.parseLong(ts), delivery, bytes, signature);
                    JsonNode body = AraJson.mapper().readTree(bytes.length == 0 ? "{}".getBytes() : bytes);
                    Map<String, Object> row = new HashMap<>();
                    row.put("path", "/" + req.path());
                    row.put("verified", verified);
                    row.put("body", body);
                    received.add(row);
                    if (!verified) {
                        return res.status(401).send().then();
                    }
                    String answer = req.path().startsWith("hooks") ? "{}"
                            : "{\"result\":{\"id\":" + body.path("ticket_id") + ",\"status\":\"open\"}}";
                    return res.header("Content-Type", "application/json").sendString(Mono.just(answer)).then();
                })).bindNow();
    }

    @AfterAll
    static void stop() {
        callbacks.disposeNow();
        server.close();
    }

    static String callbackUrl(String path) {
        return "http://127.0.0.1:" + (callbacks != null ? callbacks.port() : 9) + path;
    }

    static String slug() {
        return "it-app-" + slugs.incrementAndGet();
    }

    static ObjectNode manifest(String slug) {
        // the Java tool as Ara runs it: the generated shim, which ara-local executes in python3
        String toolSource = so.ara.manifest.PythonSources.withCallback(slug, callbackUrl("")).toolSource("lookup_ticket",
                "lookup_ticket", "Fetch one ticket by id.", (ObjectNode) AraJson.mapper().readTree(
                        "{\"type\":\"object\",\"properties\":{\"ticket_id\":{\"type\":\"string\"}},"
                                + "\"required\":[\"ticket_id\"]}"));
        ObjectNode manifest = (ObjectNode) AraJson.mapper().readTree("""
                {"name":"%1$s","slug":"%1$s","description":"",
                 "agent":{"agents":[{"id":"triage_agent","task":"Triage tickets.","instructions":"Triage tickets.",
                   "persona":"Triage tickets.","schedules":[],"handoff_to":[],"always_on":true,"entrypoint":true,
                   "skills":["lookup_ticket"]}],
                   "default_agent_id":"triage_agent",
                   "tools":[{"type":"function","function":{"name":"lookup_ticket","description":"Fetch one ticket by id.",
                     "parameters":{"type":"object","properties":{"ticket_id":{"type":"string"}},"required":["ticket_id"]}},
                     "function_name":"lookup_ticket","source":""}]},
                 "workflows":[{"id":"triage_agent","mode":"task","agent_id":"triage_agent","task":"Triage tickets.",
                   "run":{},"pipeline":[],"schedule":"","trigger":{"type":"api"}}],
                 "interfaces":{},"runtime_profile":{}}
                """.formatted(slug));
        ((ObjectNode) manifest.get("agent").get("tools").get(0)).put("source", toolSource);
        return manifest;
    }

    static AraCredentials credentials(String baseUrl, String apiKey, Map<String, String> env) {
        return AraCredentials.builder().environment(AraEnvironment.of(env::get)).skipCredentialsFile()
                .apiBaseUrl(baseUrl).apiKey(apiKey).build();
    }

    static AraClient client(String slug) {
        return client(manifest(slug), Map.of());
    }

    static AraClient client(JsonNode manifest, Map<String, String> env) {
        return new AraClient(manifest, WebClient.builder(), credentials(server.baseUrl(), server.apiKey(), env), FAST,
                null);
    }

    static DeployOptions withCallbackSecret() {
        return DeployOptions.defaults().withSecrets(List.of(
                Secret.named("ara-java-callback", Map.of("JAVA_CALLBACK_SECRET", CALLBACK_SECRET))));
    }

    static DeployResult deploy(AraClient client) {
        return client.deploy(withCallbackSecret()).block(WAIT);
    }

    /** The app's secrets but deploy's sync marker ({@code ara-sync-<fingerprint>}). */
    static List<String> appSecrets(AraClient client) {
        List<String> names = new ArrayList<>();
        setupOf(client).path("secrets").forEach(name -> names.add(name.asString()));
        assertThat(names).as("one sync marker").filteredOn(n -> n.startsWith("ara-sync-")).hasSize(1);
        return names.stream().filter(n -> !n.startsWith("ara-sync-")).toList();
    }

    static JsonNode setupOf(AraClient client) {
        return client.setup().block(WAIT).raw();
    }

    @Test
    void deployCreatesActivatesSyncsSecretsMintsKeyAndWarmsUp() {
        String slug = slug();
        AraClient client = client(slug);
        DeployResult result = client.deploy(withCallbackSecret()
                .withSecrets(List.of(Secret.named("ara-java-callback",
                        Map.of("JAVA_CALLBACK_SECRET", CALLBACK_SECRET)),
                        Secret.fromName("provider-shared", List.of("OPENAI_API_KEY"))))
                .withWarm(true, "triage_agent")).block(WAIT);
        assertThat(result.slug()).isEqualTo(slug);
        assertThat(result.appId()).isEqualTo(client.appId().block(WAIT));
        assertThat(result.runtimeKeyCreated()).isTrue();
        assertThat(result.runtimeKey()).isNotBlank();
        assertThat(client.rememberedRuntimeKey()).contains(result.runtimeKey());
        assertThat(result.secrets().synced()).containsExactly("ara-java-callback");
        assertThat(result.secrets().referencedOnly()).containsExactly("provider-shared");
        assertThat(result.warmup().path("status").asString()).isEqualTo("completed");
        assertThat(result.warmup().path("run").path("warmup").asBoolean()).isTrue();
        assertThat(result.warmup().path("output").path("text").asString()).isEqualTo("[triage_agent] ");
        assertThat(result.warmupRunId()).startsWith("run-");
        assertThat(result.toString()).doesNotContain(result.runtimeKey());
        JsonNode setup = setupOf(client);
        assertThat(setup.path("status").asString()).isEqualTo("active");
        assertThat(appSecrets(client)).containsExactly("ara-java-callback");
        assertThat(setup.path("runtime_keys").asInt()).isEqualTo(1);
    }

    @Test
    void redeployUpdatesReconcilesStaleSecretsAndMintsANewKey() {
        String slug = slug();
        AraClient client = client(slug);
        DeployResult first = client.deploy(withCallbackSecret().withSecrets(List.of(
                Secret.named("ara-java-callback", Map.of("JAVA_CALLBACK_SECRET", CALLBACK_SECRET)),
                Secret.named("old-secret", Map.of("OLD_KEY", "x"))))).block(WAIT);
        assertThat(appSecrets(client)).containsExactly("ara-java-callback", "old-secret");

        ObjectNode changed = manifest(slug);
        changed.put("description", "second version");
        AraClient second = client(changed, Map.of());
        DeployResult again = second.deploy(withCallbackSecret()).block(WAIT);
        assertThat(again.appId()).isEqualTo(first.appId());
        assertThat(again.runtimeKey()).isNotEqualTo(first.runtimeKey());
        assertThat(again.secrets().synced()).containsExactly("ara-java-callback");
        JsonNode setup = setupOf(second);
        assertThat(appSecrets(second)).containsExactly("ara-java-callback");
        assertThat(setup.path("runtime_keys").asInt()).as("the first key is superseded, in its grace").isEqualTo(2);
        assertThat(again.warmup()).isNull();
    }

    @Test
    void requiredEnvOfToolsIsSyncedAsDictSecret() {
        String slug = slug();
        ObjectNode manifest = manifest(slug);
        ((ObjectNode) manifest.get("agent").get("tools").get(0)).putArray("required_env").add("HELPDESK_TOKEN");
        AraClient client = client(manifest, Map.of("HELPDESK_TOKEN", "tok"));
        DeployResult result = client.deploy(withCallbackSecret()).block(WAIT);
        assertThat(result.secrets().synced()).containsExactly("ara-java-callback", "sdk-dict-fdd1f52b6e64");
        assertThat(appSecrets(client)).containsExactly("ara-java-callback", "sdk-dict-fdd1f52b6e64");

        AraClient missing = client(manifest(slug()), Map.of());
        ObjectNode needsEnv = manifest("it-env-missing");
        ((ObjectNode) needsEnv.get("agent").get("tools").get(0)).putArray("required_env").add("HELPDESK_TOKEN");
        StepVerifier.create(client(needsEnv, Map.of()).deploy(DeployOptions.defaults()))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraException.class).hasMessage(
                        "Missing required environment variables for deploy-time secret sync: HELPDESK_TOKEN"))
                .verify(WAIT);
        assertThat(missing.findAppId().block(WAIT)).isEmpty();
    }

    @Test
    void onExistingErrorAndInvalidValue() {
        String slug = slug();
        AraClient client = client(slug);
        DeployResult first = deploy(client);
        StepVerifier.create(client.deploy(DeployOptions.defaults().withOnExisting("error")))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraException.class).hasMessage(
                        "Project '" + slug + "' already exists for this account (app_id=" + first.appId() + ")."))
                .verify(WAIT);
        StepVerifier.create(client.deploy(DeployOptions.defaults().withOnExisting("replace")))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("on_existing must be one of: update, error"))
                .verify(WAIT);
    }

    @Test
    void syncRunWithToolCallThroughTheCallbackBridge() {
        AraClient client = client(slug());
        deploy(client);
        RunResponse response = client.run("triage_agent", Map.of("message", "hi", "tool_calls",
                List.of(Map.of("name", "lookup_ticket", "args", Map.of("ticket_id", "T-1"))))).block(WAIT);
        assertThat(response.ok()).isTrue();
        assertThat(response.status()).isEqualTo("completed");
        assertThat(response.outputText()).isEqualTo("[triage_agent] hi\nlookup_ticket: {\"id\":\"T-1\",\"status\":\"open\"}");
        AraRun run = response.run();
        assertThat(run.agentId()).isEqualTo("triage_agent");
        assertThat(run.responseMode()).isEqualTo("sync");
        assertThat(run.input().path("idempotency_key").asString())
                .isEqualTo("triage-agent-" + run.input().path("run_id").asString().toLowerCase());
        assertThat(run.output().path("tool_calls").toString()).isEqualTo(
                "[{\"name\":\"lookup_ticket\",\"args\":{\"ticket_id\":\"T-1\"},\"result\":{\"id\":\"T-1\",\"status\":\"open\"}}]");
        assertThat(received).anySatisfy(row -> {
            assertThat(row.get("path")).isEqualTo("/ara/callbacks/tools/lookup_ticket");
            assertThat(row.get("verified")).isEqualTo(true);
        });
    }

    @Test
    void failingToolAnswersFailedRun() {
        String slug = slug();
        AraClient client = client(slug);
        deploy(client);
        RunResponse response = client.run(RunRequest.of(null, Map.of("message", "x", "tool_calls",
                List.of(Map.of("name", "missing_tool"))))).block(WAIT);
        assertThat(response.status()).isEqualTo("failed");
        // no agent given: ara-local runs the default agent
        assertThat(response.run().agentId()).isEqualTo("triage_agent");
        assertThat(response.run().errorMessage())
                .isEqualTo("tool 'missing_tool' is not a tool of app '" + slug + "'");
        assertThat(response.run().input().path("idempotency_key").asString())
                .startsWith("default-agent-run-");
    }

    @Test
    void asyncPollRunAndStatus() {
        AraClient client = client(slug());
        deploy(client);
        RunResponse queued = client.runAsync(AsyncRunRequest.poll("triage_agent", Map.of("message", "later"))
                .withRunId("run-20261124T000000Z-0000abcd")).block(WAIT);
        assertThat(queued.runId()).isEqualTo("run-20261124T000000Z-0000abcd");
        assertThat(queued.raw().path("duplicate").asBoolean()).isFalse();
        RunResponse done = client.awaitRun(queued.runId(), Duration.ofMillis(20), RuntimeAuth.DEFAULT).block(WAIT);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.run().responseMode()).isEqualTo("poll");
        assertThat(done.run().outputText()).isEqualTo("[triage_agent] later");
        // default idempotency key run-<slugify(run_id)>: the same run id again returns the first run
        RunResponse again = client.runAsync(AsyncRunRequest.poll("triage_agent", Map.of("message", "other"))
                .withRunId("run-20261124T000000Z-0000abcd")).block(WAIT);
        assertThat(again.runId()).isEqualTo("run-20261124T000000Z-0000abcd");
        assertThat(again.raw().path("duplicate").asBoolean()).isTrue();
        assertThat(again.run().input().path("message").asString()).isEqualTo("later");
    }

    @Test
    void webhookModeDeliversSignedRunEvent() {
        AraClient client = client(slug());
        deploy(client);
        RunResponse queued = client.runAsync(AsyncRunRequest.webhook("triage_agent", Map.of("message", "hook"),
                RunCallback.of(callbackUrl("/hooks/run"), "hook-secret"))).block(WAIT);
        assertThat(queued.status()).isEqualTo("queued");
        Map<String, Object> delivery = Mono.fromSupplier(() -> received.stream()
                .filter(row -> "/hooks/run".equals(row.get("path"))
                        && queued.runId().equals(((JsonNode) row.get("body")).path("run").path("run_id").asString()))
                .findFirst().orElse(null))
                .repeatWhenEmpty(150, flux -> flux.delayElements(Duration.ofMillis(100))).block(WAIT);
        assertThat(delivery.get("verified")).isEqualTo(true);
        JsonNode body = (JsonNode) delivery.get("body");
        assertThat(body.path("event").asString()).isEqualTo("run.completed");
        assertThat(body.path("run").path("response_mode").asString()).isEqualTo("webhook");
        assertThat(body.path("run").path("output").path("text").asString()).isEqualTo("[triage_agent] hook");
        StepVerifier.create(client.runAsync(new AsyncRunRequest("triage_agent", null, "webhook", null, null, null,
                false, null)))
                .expectErrorSatisfies(ex -> assertThat(ex)
                        .hasMessage("run-async with --response-mode webhook requires --callback-url"))
                .verify(WAIT);
    }

    @Test
    void sendEventIsIdempotent() {
        AraClient client = client(slug());
        deploy(client);
        EventRequest event = EventRequest.of("triage_agent", "ticket.created", "new ticket")
                .withPayload(Map.of("ticket_id", "T-9")).withIdempotencyKey("evt-key-1");
        EventResponse first = client.sendEvent(event).block(WAIT);
        EventResponse second = client.sendEvent(event).block(WAIT);
        assertThat(first.duplicate()).isFalse();
        assertThat(first.idempotencyKey()).isEqualTo("evt-key-1");
        assertThat(first.eventId()).startsWith("evt_");
        assertThat(second.duplicate()).isTrue();
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(second.runId()).isEqualTo(first.runId());
        RunResponse run = client.awaitRun(first.runId(), Duration.ofMillis(20), RuntimeAuth.DEFAULT).block(WAIT);
        assertThat(run.run().input().path("event").toString()).isEqualTo("{\"agent_id\":\"triage_agent\","
                + "\"workflow_id\":\"triage_agent\",\"event_type\":\"ticket.created\",\"channel\":\"webhook\","
                + "\"source\":\"webhook\",\"message\":\"new ticket\",\"payload\":{\"ticket_id\":\"T-9\"},\"metadata\":{}}");
        EventResponse generated = client.sendEvent(EventRequest.of(null, "webhook.message.received", "")).block(WAIT);
        assertThat(generated.idempotencyKey()).matches("webhook-message-received-run-\\d{8}t\\d{6}z-[0-9a-f]{8}");
    }

    @Test
    void setupAuthMintsRuntimeAndAppHeaderKeysAndTheHeaderKeyWorks() {
        String slug = slug();
        AraClient fresh = client(slug);
        deploy(fresh);
        AraClient client = client(slug);
        SetupAuthResult result = client.setupAuth(SetupAuthOptions.defaults()).block(WAIT);
        assertThat(result.slug()).isEqualTo(slug);
        assertThat(result.runtimeKeyPresent()).isTrue();
        assertThat(result.runtimeKeyCreated()).isTrue();
        assertThat(result.appHeaderKeyPresent()).isTrue();
        assertThat(result.appHeaderKeyCreated()).isTrue();
        assertThat(result.appHeaderKey()).startsWith(result.appHeaderKeyPrefix());
        assertThat(result.appHeaderKeyId()).isNotBlank();
        assertThat(result.toString()).doesNotContain(result.appHeaderKey()).doesNotContain(result.runtimeKey());
        RunResponse viaHeader = client.run(RunRequest.of("triage_agent", Map.of("message", "x"))
                .withAuth(RuntimeAuth.appHeaderKey(result.appHeaderKey()))).block(WAIT);
        assertThat(viaHeader.outputText()).isEqualTo("[triage_agent] x");

        AraClient withEnvKey = new AraClient(manifest(slug), WebClient.builder(),
                AraCredentials.builder().environment(AraEnvironment.of(Map.of("ARA_APP_HEADER_KEY",
                        result.appHeaderKey(), "ARA_RUNTIME_KEY", result.runtimeKey())::get)).skipCredentialsFile()
                        .apiBaseUrl(server.baseUrl()).apiKey(server.apiKey()).build(), FAST, null);
        SetupAuthResult existing = withEnvKey.setupAuth(SetupAuthOptions.defaults()).block(WAIT);
        assertThat(existing.runtimeKeyCreated()).isFalse();
        assertThat(existing.appHeaderKeyCreated()).isFalse();
        assertThat(existing.appHeaderKeyId()).isEqualTo(result.appHeaderKeyId());
        assertThat(existing.appHeaderKeyPrefix()).isEqualTo(result.appHeaderKeyPrefix());
    }

    @Test
    void runtimeKeyIsAutoProvisionedOnceWhenNoneIsKnown() {
        String slug = slug();
        deploy(client(slug));
        AraClient client = client(slug);
        assertThat(client.rememberedRuntimeKey()).isEmpty();
        List<RunResponse> runs = reactor.core.publisher.Flux.merge(client.run("triage_agent", Map.of("message", "a")),
                client.run("triage_agent", Map.of("message", "b"))).collectList().block(WAIT);
        assertThat(runs).extracting(RunResponse::status).containsExactly("completed", "completed");
        assertThat(client.rememberedRuntimeKey()).isPresent();
        // deploy minted one key, auto-provisioning exactly one more
        assertThat(setupOf(client).path("runtime_keys").asInt()).isEqualTo(2);
    }

    @Test
    void setupInviteWhoami() {
        String slug = slug();
        AraClient client = client(slug);
        DeployResult deployed = deploy(client);
        JsonNode setup = client.setup().block(WAIT).raw();
        assertThat(setup.path("app_id").asString()).isEqualTo(deployed.appId());
        assertThat(setup.path("slug").asString()).isEqualTo(slug);
        assertThat(setup.path("runtime").path("run_url").asString())
                .isEqualTo(server.baseUrl() + "/v1/apps/" + deployed.appId() + "/run");
        var invite = client.invite("dev@example.com", "editor", 24).block(WAIT);
        assertThat(invite.email()).isEqualTo("dev@example.com");
        assertThat(invite.role()).isEqualTo("editor");
        assertThat(invite.raw().path("invite").path("expires_in_hours").asInt()).isEqualTo(24);
        var defaults = client.invite("viewer@example.com", null, null).block(WAIT);
        assertThat(defaults.role()).isEqualTo("viewer");
        assertThat(defaults.raw().path("invite").path("expires_in_hours").asInt()).isEqualTo(168);
        StepVerifier.create(client.invite("x@example.com", "owner", 24))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessage("POST /apps/" + deployed.appId() + "/invites failed (422)" + HIDDEN))
                .verify(WAIT);
        var me = client.whoami().block(WAIT);
        assertThat(me.userId()).isEqualTo("user_local");
        assertThat(me.email()).isEqualTo("local@ara.localhost");
    }

    @Test
    void httpErrorsMapToAraApiException() {
        String slug = slug();
        AraClient client = client(slug);
        DeployResult deployed = client.deploy(withCallbackSecret().withKey("tight", 1)).block(WAIT);

        AraClient badKey = new AraClient(manifest(slug), WebClient.builder(),
                credentials(server.baseUrl(), "wrong", Map.of()), FAST, null);
        StepVerifier.create(badKey.whoami())
                .expectErrorSatisfies(ex -> {
                    assertThat(ex).isInstanceOf(AraApiException.class)
                            .hasMessage("GET /auth/cli/whoami failed (401)" + HIDDEN);
                    assertThat(((AraApiException) ex).getResponseBody()).contains("invalid control-plane key");
                })
                .verify(WAIT);
        AraClient debug = new AraClient(manifest(slug), WebClient.builder(), AraCredentials.builder()
                .environment(AraEnvironment.of(Map.of("ARA_SDK_DEBUG_HTTP_ERRORS", "true")::get)).skipCredentialsFile()
                .apiBaseUrl(server.baseUrl()).apiKey("wrong").build(), FAST, null);
        StepVerifier.create(debug.whoami())
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessageStartingWith("GET /auth/cli/whoami failed (401): {")
                        .hasMessageContaining("invalid control-plane key"))
                .verify(WAIT);

        // 403: a runtime key of another app
        AraClient other = client(slug());
        DeployResult otherDeployed = deploy(other);
        StepVerifier.create(client.runStatus("run-x", RuntimeAuth.runtimeKey(otherDeployed.runtimeKey())))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessage("GET /v1/apps/" + deployed.appId() + "/runs/run-x failed (403)" + HIDDEN))
                .verify(WAIT);

        // 404 then 429 with the 1-rpm key minted by this deploy
        StepVerifier.create(client.runStatus("run-missing"))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class)
                        .hasMessage("GET /v1/apps/" + deployed.appId() + "/runs/run-missing failed (404)" + HIDDEN))
                .verify(WAIT);
        // ara-local counts per calendar minute: of the next two calls at least one is over the limit
        AraApiException limited = reactor.core.publisher.Flux.concat(client.runStatus("run-missing").then(Mono.<AraApiException>empty())
                .onErrorResume(AraApiException.class, Mono::just), client.runStatus("run-missing")
                .then(Mono.<AraApiException>empty()).onErrorResume(AraApiException.class, Mono::just))
                .filter(ex -> ex.getStatus() == 429).blockFirst(WAIT);
        assertThat(limited).hasMessage("GET /v1/apps/" + deployed.appId() + "/runs/run-missing failed (429)" + HIDDEN);
        assertThat(limited.getRetryAfterSeconds()).isBetween(1L, 60L);

        StepVerifier.create(client(manifest("it-never-deployed"), Map.of()).setup())
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraException.class)
                        .hasMessage("App 'it-never-deployed' not found. Deploy first."))
                .verify(WAIT);
        StepVerifier.create(client.runStatus(" "))
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage("run_status requires run_id"))
                .verify(WAIT);
    }

    @Test
    void everyCallIsObserved() {
        io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(io.micrometer.observation.Observation.Context context) {
                seen.add(context.getName() + " " + context.getLowCardinalityKeyValue("method").getValue() + " "
                        + context.getLowCardinalityKeyValue("uri").getValue() + " "
                        + context.getLowCardinalityKeyValue("status").getValue() + " "
                        + context.getLowCardinalityKeyValue("outcome").getValue());
            }
        });
        AraClient client = new AraClient(manifest(slug()), WebClient.builder(),
                credentials(server.baseUrl(), server.apiKey(), Map.of()), FAST, registry);
        client.deploy(withCallbackSecret()).block(WAIT);
        assertThat(seen).containsExactly(
                "ara.client.requests GET /apps 200 SUCCESS",
                "ara.client.requests POST /apps 201 SUCCESS",
                "ara.client.requests PATCH /apps/{app_id} 200 SUCCESS",
                "ara.client.requests GET /apps/{app_id}/secrets 200 SUCCESS",
                "ara.client.requests POST /apps/{app_id}/secrets 201 SUCCESS",
                "ara.client.requests POST /apps/{app_id}/secrets 201 SUCCESS",
                "ara.client.requests POST /apps/{app_id}/keys 201 SUCCESS");
    }

    @Test
    void runtimeCallsReuseTheAppIdTheDeployFound() {
        io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
        List<String> uris = new java.util.concurrent.CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(io.micrometer.observation.Observation.Context context) {
                uris.add(context.getLowCardinalityKeyValue("method").getValue() + " "
                        + context.getLowCardinalityKeyValue("uri").getValue());
            }
        });
        AraClient client = new AraClient(manifest(slug()), WebClient.builder(),
                credentials(server.baseUrl(), server.apiKey(), Map.of()), FAST, registry);
        client.deploy(withCallbackSecret()).block(WAIT);
        for (int i = 0; i < 3; i++) {
            RunResponse response = client.run(RunRequest.of("triage_agent", Map.of("message", "hi " + i)))
                    .block(WAIT);
            assertThat(response.status()).isEqualTo("completed");
        }
        assertThat(uris).filteredOn("GET /apps"::equals).hasSize(1);
        assertThat(uris).filteredOn("POST /v1/apps/{app_id}/run"::equals).hasSize(3);
    }

    @Test
    void connectionRefusedIsAraConnectionException() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AraClient client = new AraClient(manifest("it-refused"), WebClient.builder(),
                credentials("http://127.0.0.1:" + port, "k", Map.of()),
                FAST.withRetries(2, Duration.ofMillis(5)), null);
        StepVerifier.create(client.deploy(DeployOptions.defaults()))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraConnectionException.class)
                        .hasMessageStartingWith("GET /apps failed (network): ")
                        .hasMessageContaining("Connection refused"))
                .verify(WAIT);
    }

    @Test
    void runEventsFollowOneRunToItsTerminalEvent() {
        AraClient client = client(slug());
        deploy(client);
        String runId = "run-20261124T010203Z-00c0ffee";
        // replay from the start of this fresh app's log, so the run cannot start before the stream is connected
        StepVerifier.create(client.runEvents(runId, LogStreamOptions.defaults().withLastEventId("0"))
                .map(AraClient::format))
                .then(() -> client.runAsync(AsyncRunRequest.poll("triage_agent", Map.of("message", "follow",
                        "tool_calls", List.of(Map.of("name", "lookup_ticket", "args", Map.of("ticket_id", "T-2")))))
                        .withRunId(runId)).subscribe())
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId + " event=run.started Run started"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId + " event=run.prompt.built Prompt built"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.model.started Model turn 1 started"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.model.completed Model turn 1 asked for lookup_ticket"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.tool.started Tool lookup_ticket started"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.tool.completed Tool lookup_ticket completed"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.model.started Model turn 2 started"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId
                        + " event=run.model.completed Model turn 2 answered"))
                .assertNext(line -> assertThat(line).endsWith(" INFO run=" + runId + " event=run.completed Run completed"))
                .verifyComplete();
    }

    @Test
    void logStreamResumesAfterServerSideDropWithoutLossOrDuplicates() throws Exception {
        String slug = slug();
        deploy(client(slug));
        try (TcpProxy proxy = new TcpProxy(server.port())) {
            AraClient viaProxy = new AraClient(manifest(slug), WebClient.builder(),
                    credentials("http://127.0.0.1:" + proxy.port(), server.apiKey(), Map.of()), FAST, null);
            AraClient direct = client(slug);
            String key = direct.setupAuth(SetupAuthOptions.defaults()).block(WAIT).runtimeKey();
            viaProxy.setupAuth(SetupAuthOptions.defaults()).block(WAIT);
            List<String> ids = new ArrayList<>();
            StepVerifier.create(viaProxy.logs(LogStreamOptions.defaults().withAuth(RuntimeAuth.runtimeKey(key))
                    .withLastEventId("0"))
                    .doOnNext(e -> ids.add(e.id())).take(15))
                    .then(() -> direct.run("triage_agent", Map.of("message", "one")).block(WAIT))
                    .expectNextCount(3)
                    .then(() -> {
                        proxy.cutAll();
                        // rows produced while the client is disconnected must be replayed on resume
                        direct.run("triage_agent", Map.of("message", "two")).block(WAIT);
                        direct.run("triage_agent", Map.of("message", "three")).block(WAIT);
                    })
                    .expectNextCount(6)
                    .then(() -> {
                        proxy.cutAll();
                        direct.run("triage_agent", Map.of("message", "four")).block(WAIT);
                        direct.run("triage_agent", Map.of("message", "five")).block(WAIT);
                    })
                    .expectNextCount(6)
                    .verifyComplete();
            long first = Long.parseLong(ids.get(0));
            List<String> expected = new ArrayList<>();
            for (long i = first; i < first + 15; i++) {
                expected.add(Long.toString(i));
            }
            assertThat(ids).containsExactlyElementsOf(expected);
            assertThat(proxy.acceptedConnections()).isGreaterThanOrEqualTo(4);
        }
    }
}
