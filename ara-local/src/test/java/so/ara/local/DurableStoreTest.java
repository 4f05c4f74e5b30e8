package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Validation before storing, byte bounds, key rotation and automation jobs across restarts. */
class DurableStoreTest {

    @TempDir
    Path dir;

    @Test
    void hostileNumbersAndNestingAnswer422StoreNothingAndRestartCleanly() {
        Path data = dir.resolve("data");
        AraLocalSettings settings = LocalTestSupport.testSettings().withDataDir(data).withApiKey("ak_local_v");
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            String base = server.baseUrl();
            Map<String, Object> manifest = LocalTestSupport.manifest("overflow", null, null);
            Json.maps(Json.map(manifest, "agent").get("agents")).get(0).put("schedules", List.of(Json.obj("id", "x",
                    "kind", "every", "every_seconds", 1e300)));
            manifest.put("status", "active");
            var overflow = call(base, HttpMethod.POST, "/apps", bearer("ak_local_v"), manifest);
            assertThat(overflow.status()).isEqualTo(422);
            assertThat(overflow.<String>at("field")).isEqualTo("agent.agents[0].schedules[0]");
            assertThat(overflow.<String>at("detail")).contains("every_seconds");
            Json.maps(Json.map(manifest, "agent").get("agents")).get(0).put("schedules", List.of(Json.obj("id", "x",
                    "kind", "every", "every_seconds", 100_000_000_000_000_000L)));
            assertThat(call(base, HttpMethod.POST, "/apps", bearer("ak_local_v"), manifest).status()).isEqualTo(422);
            Json.maps(Json.map(manifest, "agent").get("agents")).get(0).put("schedules", List.of(Json.obj("id", "x",
                    "kind", "cron", "cron", "61 * * * *")));
            assertThat(call(base, HttpMethod.POST, "/apps", bearer("ak_local_v"), manifest).<String>at("detail"))
                    .startsWith("agent.agents[0].schedules[0]: schedule 'x'");

            for (int depth : new int[] {Json.MAX_DEPTH + 1, 500, 5_000}) {
                String deep = "{\"name\":\"deep\",\"agent\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
                        + "}";
                var nested = call(base, HttpMethod.POST, "/apps", bearer("ak_local_v"), deep.getBytes());
                assertThat(nested.status()).as("depth " + depth).isEqualTo(422);
                assertThat(nested.<String>at("detail")).contains("nests deeper than 64");
            }
            String app = call(base, HttpMethod.POST, "/apps", bearer("ak_local_v"),
                    LocalTestSupport.manifest("fine", null, null)).at("app", "id");
            var automation = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer("ak_local_v"),
                    Json.obj("tool_name", "automation_create", "args", Json.obj("app_id", app, "name", "huge",
                            "schedule_kind", "every", "every_seconds", 1e17, "execution_kind", "app_agent_call",
                            "agent_id", "triage_agent")));
            assertThat(automation.status()).isEqualTo(422);
            var kept = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer("ak_local_v"),
                    Json.obj("tool_name", "automation_create", "args", Json.obj("app_id", app, "name", "hourly",
                            "schedule_kind", "every", "every_seconds", 3600, "execution_kind", "app_agent_call",
                            "agent_id", "triage_agent")));
            assertThat(kept.status()).isEqualTo(200);
        }
        try (AraLocalServer again = AraLocalServer.start(settings)) {
            var apps = call(again.baseUrl(), HttpMethod.GET, "/apps", bearer("ak_local_v"), null);
            assertThat(apps.<List<Object>>at("apps")).extracting(a -> Json.map(a).get("slug")).containsExactly("fine");
            var schedules = call(again.baseUrl(), HttpMethod.GET, "/apps/fine/schedules", bearer("ak_local_v"), null);
            assertThat(schedules.<List<Object>>at("schedules")).extracting(s -> Json.map(s).get("id"))
                    .containsExactly("hourly");
        }
    }

    @Test
    void aStoreWithoutItsKeyFileOrWithAnotherKeyIsRefusedUntouched() throws Exception {
        Path data = dir.resolve("keyed");
        AraLocalSettings settings = LocalTestSupport.testSettings().withDataDir(data);
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(server.apiKey()),
                    LocalTestSupport.manifest("keyed", null, null));
        }
        Path store = data.resolve(StoreFile.FILE_NAME);
        Path key = data.resolve(StoreFile.KEY_FILE_NAME);
        byte[] before = java.nio.file.Files.readAllBytes(store);
        Path moved = dir.resolve("elsewhere.key");
        java.nio.file.Files.move(key, moved);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AraLocalServer.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(store.toString()).hasMessageContaining("key file " + key + " is missing");
        Path other = dir.resolve("other.key");
        java.nio.file.Files.writeString(other, java.util.Base64.getEncoder().encodeToString(new byte[32]));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AraLocalServer.start(settings.withKeyFile(other)))
                .hasMessageContaining("cannot be decrypted with this key file");
        assertThat(java.nio.file.Files.readAllBytes(store)).isEqualTo(before);
        try (AraLocalServer server = AraLocalServer.start(settings.withKeyFile(moved))) {
            assertThat(call(server.baseUrl(), HttpMethod.GET, "/apps/keyed", bearer(server.apiKey()), null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void rotatedKeyWinsOverTheConfiguredKeyAfterRestart() {
        AraLocalSettings settings = LocalTestSupport.testSettings().withDataDir(dir.resolve("rot"))
                .withApiKey("ak_local_configured");
        String rotated;
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            rotated = call(server.baseUrl(), HttpMethod.POST, "/apps/api-key/rotate", bearer("ak_local_configured"),
                    null).at("api_key");
        }
        try (AraLocalServer server = AraLocalServer.start(settings)) {
            assertThat(server.apiKey()).isEqualTo(rotated);
            assertThat(call(server.baseUrl(), HttpMethod.GET, "/apps", bearer("ak_local_configured"), null).status())
                    .isEqualTo(401);
            assertThat(call(server.baseUrl(), HttpMethod.GET, "/apps", bearer(rotated), null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void runsAreBoundedByBytesAndUnfinishedRunsAreNeverDropped() {
        DisposableServer stall = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> Mono.never()).bindNow();
        long budget = 6L << 20;
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withCallbackTimeout(Duration.ofSeconds(60))
                .withLimits(AraLocalSettings.Limits.defaults().withMaxRunBytes(budget)))) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            String app = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("big",
                    "http://127.0.0.1:" + stall.port() + "/t", null)).at("app", "id");
            call(base, HttpMethod.POST, "/apps/" + app + "/secrets", bearer(cp), Json.obj("name", "cb", "values",
                    Json.obj("JAVA_CALLBACK_SECRET", "s")));
            String key = call(base, HttpMethod.POST, "/apps/" + app + "/keys", bearer(cp),
                    Json.obj("requests_per_minute", 2000)).at("key");
            String mib = "x".repeat(1000 * 1000);
            // two runs stay in flight (stalled tool call): accepted work, ~1 MB each
            List<String> inFlight = List.of(1, 2).stream().map(i -> call(base, HttpMethod.POST, "/v1/apps/big/runs",
                    bearer(key), Json.obj("input", Json.obj("message", mib.substring(i), "tool_calls",
                            List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "t"))))))
                    .<String>at("run_id")).toList();
            String first = null;
            String last = null;
            for (int i = 0; i < 12; i++) {
                var done = call(base, HttpMethod.POST, "/v1/apps/big/run", bearer(key),
                        Json.obj("input", Json.obj("message", mib.substring(i))));
                assertThat(done.status()).isEqualTo(200);
                assertThat(server.store().runBytes()).isLessThanOrEqualTo(budget);
                first = first == null ? done.at("run_id") : first;
                last = done.at("run_id");
            }
            assertThat(call(base, HttpMethod.GET, "/v1/apps/big/runs/" + first, bearer(key), null).status())
                    .isEqualTo(404);
            assertThat(call(base, HttpMethod.GET, "/v1/apps/big/runs/" + last, bearer(key), null)
                    .<String>at("run", "status")).isEqualTo("completed");
            for (String runId : inFlight) {
                assertThat(call(base, HttpMethod.GET, "/v1/apps/big/runs/" + runId, bearer(key), null)
                        .<String>at("run", "status")).isEqualTo("running");
            }
            assertThat(server.store().runCount()).isLessThan(14);
        } finally {
            stall.disposeNow();
        }
    }

    @Test
    void aRunThatCannotFitBesideUnfinishedRunsAnswers503() {
        DisposableServer stall = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> Mono.never()).bindNow();
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withCallbackTimeout(Duration.ofSeconds(60))
                .withLimits(AraLocalSettings.Limits.defaults().withMaxRunBytes(3L << 20)))) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            String app = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("full",
                    "http://127.0.0.1:" + stall.port() + "/t", null)).at("app", "id");
            call(base, HttpMethod.POST, "/apps/" + app + "/secrets", bearer(cp), Json.obj("name", "cb", "values",
                    Json.obj("JAVA_CALLBACK_SECRET", "s")));
            String key = call(base, HttpMethod.POST, "/apps/" + app + "/keys", bearer(cp),
                    Json.obj("requests_per_minute", 2000)).at("key");
            Map<String, Object> stalled = Json.obj("input", Json.obj("message", "y".repeat(900_000), "tool_calls",
                    List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "t")))));
            int accepted = 0;
            LocalTestSupport.Resp refused = null;
            for (int i = 0; i < 6 && refused == null; i++) {
                var r = call(base, HttpMethod.POST, "/v1/apps/full/runs", bearer(key), stalled);
                if (r.status() == 202) {
                    accepted++;
                } else {
                    refused = r;
                }
            }
            assertThat(accepted).isEqualTo(3);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
            await().until(() -> server.logs().rows(app, 0).stream()
                    .filter(r -> r.eventType().equals("run.tool.started")).count() == 3);
            assertThat(server.store().runCount()).isEqualTo(3);
        } finally {
            stall.disposeNow();
        }
    }
}
