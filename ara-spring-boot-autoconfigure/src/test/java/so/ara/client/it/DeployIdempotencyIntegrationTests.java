package so.ara.client.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import so.ara.client.AraClient;
import so.ara.client.DeployOptions;
import so.ara.client.DeployResult;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RunResponse;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.spec.Secret;
import so.ara.testsupport.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy on startup run by every replica at every start, against a real ara-local: an unchanged app is neither patched
 * nor re-synced, a restart mints one key under the one name (superseding the old one, which is revoked once idle),
 * racing creates leave one app, and a client whose key was revoked provisions a fresh one instead of failing.
 */
class DeployIdempotencyIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final AtomicInteger slugs = new AtomicInteger();

    static final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

    static AraLocalServer server;

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null).withClock(clock));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnchangedRedeployWritesNothingAndARestartMintsOnlyUnderTheOneName() {
        String slug = "idem-app-" + slugs.incrementAndGet();
        DeployResult first = client(AraClientIntegrationTests.manifest(slug)).deploy(options("cb-1")).block(WAIT);
        assertThat(first.secrets().synced()).containsExactly("ara-java-callback");
        JsonNode app = controlPlane("/apps/" + first.appId());
        JsonNode secrets = controlPlane("/apps/" + first.appId() + "/secrets");

        AraClient restarted = client(AraClientIntegrationTests.manifest(slug));
        DeployResult again = restarted.deploy(options("cb-1")).block(WAIT);
        assertThat(again.appId()).isEqualTo(first.appId());
        assertThat(again.secrets().synced()).as("nothing re-sent").isEmpty();
        assertThat(controlPlane("/apps/" + first.appId()).path("app").path("updated_at"))
            .as("not patched").isEqualTo(app.path("app").path("updated_at"));
        assertThat(controlPlane("/apps/" + first.appId() + "/secrets")).as("no secret rewritten").isEqualTo(secrets);
        assertThat(again.runtimeKeyCreated()).as("a new process holds no key: one, under the same name").isTrue();

        DeployResult sameProcess = restarted.deploy(options("cb-1")).block(WAIT);
        assertThat(sameProcess.runtimeKeyCreated()).as("the held key is reused").isFalse();
        assertThat(sameProcess.runtimeKey()).isEqualTo(again.runtimeKey());

        DeployResult rotatedSecret = restarted.deploy(options("cb-2")).block(WAIT);
        assertThat(rotatedSecret.secrets().synced()).as("a changed value is synced").containsExactly(
                "ara-java-callback");
        ObjectNode changed = AraClientIntegrationTests.manifest(slug);
        changed.put("description", "second version");
        client(changed).deploy(options("cb-2")).block(WAIT);
        assertThat(controlPlane("/apps/" + first.appId()).path("app").path("description").asString())
            .isEqualTo("second version");
    }

    @Test
    void restartsDoNotPileUpRuntimeKeys() {
        String slug = "idem-keys-" + slugs.incrementAndGet();
        String appId = null;
        for (int restart = 0; restart < 5; restart++) {
            appId = client(AraClientIntegrationTests.manifest(slug)).deploy(options("cb")).block(WAIT).appId();
        }
        assertThat(runtimeKeys(appId)).as("superseded keys still in their grace").isEqualTo(5);
        clock.advance(Duration.ofMinutes(11));
        assertThat(runtimeKeys(appId)).as("one key per name once the old ones went idle").isEqualTo(1);
    }

    @Test
    void aClientWhoseKeyWasSupersededAndRevokedProvisionsAFreshOne() {
        String slug = "idem-refresh-" + slugs.incrementAndGet();
        AraClient first = client(AraClientIntegrationTests.manifest(slug));
        first.deploy(options("cb")).block(WAIT);
        String stale = first.rememberedRuntimeKey().orElseThrow();
        client(AraClientIntegrationTests.manifest(slug)).deploy(options("cb")).block(WAIT);
        clock.advance(Duration.ofMinutes(11));
        RunResponse run = first.run("triage_agent", Map.of("message", "hello")).block(WAIT);
        assertThat(run.status()).isEqualTo("completed");
        assertThat(first.rememberedRuntimeKey()).isPresent().get().isNotEqualTo(stale);
    }

    @Test
    void aLogStreamWhoseKeyWasSupersededAndRevokedConnectsWithAFreshOne() {
        String slug = "idem-logs-" + slugs.incrementAndGet();
        AraClient first = client(AraClientIntegrationTests.manifest(slug));
        first.deploy(options("cb")).block(WAIT);
        String stale = first.rememberedRuntimeKey().orElseThrow();
        AraClient second = client(AraClientIntegrationTests.manifest(slug));
        second.deploy(options("cb")).block(WAIT);
        String runId = second.run("triage_agent", Map.of("message", "hello")).block(WAIT).runId();
        clock.advance(Duration.ofMinutes(11));
        LogEvent row = first.logs(LogStreamOptions.defaults().withReconnect(false).withLastEventId("0"))
            .filter(event -> runId.equals(event.runId()))
            .blockFirst(WAIT);
        assertThat(row).isNotNull();
        assertThat(first.rememberedRuntimeKey()).isPresent().get().isNotEqualTo(stale);
    }

    @Test
    void deploysRacingFromSeveralInstancesLeaveOneApp() {
        for (int round = 0; round < 4; round++) {
            String slug = "idem-race-" + slugs.incrementAndGet();
            List<DeployResult> results = reactor.core.publisher.Flux.range(0, 3)
                .flatMap(i -> client(AraClientIntegrationTests.manifest(slug)).deploy(options("cb"))
                    .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(WAIT);
            assertThat(results).hasSize(3).extracting(DeployResult::appId).containsOnly(results.get(0).appId());
            assertThat(controlPlane("/apps").path("apps").valueStream()
                .filter(row -> slug.equals(row.path("slug").asString()))).hasSize(1);
        }
    }

    private static DeployOptions options(String callbackSecret) {
        return DeployOptions.defaults()
            .withSecrets(List.of(Secret.named("ara-java-callback", Map.of("JAVA_CALLBACK_SECRET", callbackSecret))));
    }

    private static AraClient client(JsonNode manifest) {
        return new AraClient(manifest, WebClient.builder(),
                AraClientIntegrationTests.credentials(server.baseUrl(), server.apiKey(), Map.of()),
                AraClientIntegrationTests.FAST, null);
    }

    private static int runtimeKeys(String appId) {
        return controlPlane("/apps/" + appId + "/setup").path("runtime_keys").asInt();
    }

    private static JsonNode controlPlane(String path) {
        String body = WebClient.create(server.baseUrl()).get().uri(path)
            .header("Authorization", "Bearer " + server.apiKey())
            .retrieve()
            .bodyToMono(String.class)
            .block(WAIT);
        return AraJson.mapper().readTree(body);
    }
}
