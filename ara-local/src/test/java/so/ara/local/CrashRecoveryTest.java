package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** kill -9 of a standalone ara-local with accepted runs in flight, then a restart on the same data directory. */
class CrashRecoveryTest {

    private static final int STALLED_RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void acceptedRunsSurviveKill9AndLogsResumeExactly() throws Exception {
        // a tool callback that never answers keeps every run of this test in flight
        DisposableServer stall = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> Mono.never()).bindNow();
        Path data = dir.resolve("data");
        String cp = "ak_local_crash";
        List<String> accepted = new ArrayList<>();
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        String appId;
        String runtimeKey;
        try {
            StandaloneProcess first = StandaloneProcess.start("--ara.local.api-key=" + cp,
                    "--ara.local.data-dir=" + data);
            try {
                String base = first.url;
                appId = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("crash",
                        "http://127.0.0.1:" + stall.port() + "/tools", null)).at("app", "id");
                call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "cb",
                        "values", Json.obj("JAVA_CALLBACK_SECRET", "cb-secret")));
                runtimeKey = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                        Json.obj("requests_per_minute", 2000)).at("key");
                Disposable live = LocalTestSupport.logStream(base, appId, runtimeKey, null)
                        .filter(e -> e.id() != null).subscribe(seen::add);
                // fewer stalled runs than Python workers (4), so the event's prompt factory below still gets one
                for (int i = 0; i < STALLED_RUNS; i++) {
                    var queued = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey),
                            Json.obj("input", Json.obj("message", "m" + i, "tool_calls", List.of(Json.obj("name",
                                    "lookup_ticket", "args", Json.obj("ticket_id", "T" + i))))));
                    assertThat(queued.status()).isEqualTo(202);
                    accepted.add(queued.at("run_id"));
                }
                // each run is inside its stalled tool call: started, prompt built, tool started
                await().atMost(Duration.ofSeconds(30)).until(() -> count(seen, "run.tool.started") == STALLED_RUNS);
                // one more accepted item (an event); its commit also makes every row above durable
                Map<String, String> idem = new HashMap<>(bearer(runtimeKey));
                idem.put("X-Idempotency-Key", "crash-event-1");
                var event = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/events", idem,
                        Json.obj("event_type", "crash.test", "message", "late", "agent_id", "triage_agent"));
                assertThat(event.status()).isEqualTo(202);
                String eventRun = event.at("run_id");
                // the event's run has no tool call: it completes (and that is made durable with its terminal row)
                await().atMost(Duration.ofSeconds(30)).until(() -> call(base, HttpMethod.GET, "/v1/apps/" + appId
                        + "/runs/" + eventRun, bearer(runtimeKey), null).<String>at("run", "status"),
                        "completed"::equals);
                live.dispose();
            } finally {
                first.kill9();
            }
            assertThat(first.process.exitValue()).isEqualTo(137);

            try (StandaloneProcess second = StandaloneProcess.start("--ara.local.api-key=" + cp,
                    "--ara.local.data-dir=" + data)) {
                String base = second.url;
                assertThat(second.apiKey).isEqualTo(cp);
                for (String runId : accepted) {
                    var status = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/" + runId,
                            bearer(runtimeKey), null);
                    assertThat(status.status()).isEqualTo(200);
                    assertThat(status.<String>at("run", "status")).isEqualTo("failed");
                    assertThat(status.<String>at("run", "error", "message")).isEqualTo(LocalStore.RESTARTED);
                }
                // the event was accepted before the kill: a duplicate is recognised, its run answers
                Map<String, String> idem = new HashMap<>(bearer(runtimeKey));
                idem.put("X-Idempotency-Key", "crash-event-1");
                var again = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/events", idem,
                        Json.obj("event_type", "crash.test"));
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.<Boolean>at("duplicate")).isTrue();
                String eventRun = again.at("run_id");
                var eventStatus = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/" + eventRun,
                        bearer(runtimeKey), null);
                assertThat(eventStatus.<String>at("run", "status")).isEqualTo("completed");
                assertThat(eventStatus.<String>at("run", "output", "text")).isEqualTo("[triage_agent] ");
                // keys and secrets intact
                var secrets = call(base, HttpMethod.GET, "/apps/" + appId + "/secrets", bearer(cp), null);
                assertThat(secrets.<List<Object>>at("secrets")).extracting(s -> Json.map(s).get("name"))
                        .containsExactly("cb");

                // resume from the 5th row seen before the kill: the same rows, then one run.failed per run
                long resumeAfter = Long.parseLong(seen.get(4).id());
                List<ServerSentEvent<String>> before = seen.subList(5, seen.size());
                List<ServerSentEvent<String>> replay = new CopyOnWriteArrayList<>();
                Disposable resumed = LocalTestSupport.logStream(base, appId, runtimeKey, Long.toString(resumeAfter))
                        .filter(e -> e.id() != null).subscribe(replay::add);
                await().atMost(Duration.ofSeconds(20)).until(() -> count(replay, "run.failed") == STALLED_RUNS);
                resumed.dispose();
                for (int i = 0; i < before.size(); i++) {
                    assertThat(replay.get(i).id()).isEqualTo(before.get(i).id());
                    assertThat(replay.get(i).event()).isEqualTo(before.get(i).event());
                    assertThat(replay.get(i).data()).isEqualTo(before.get(i).data());
                }
                List<Long> ids = replay.stream().map(e -> Long.parseLong(e.id())).toList();
                assertThat(ids).isSorted().doesNotHaveDuplicates();
                List<String> failedRuns = new ArrayList<>();
                for (ServerSentEvent<String> e : replay) {
                    if ("run.failed".equals(e.event())) {
                        assertThat(e.data()).contains(LocalStore.RESTARTED);
                        failedRuns.add((String) Json.map(Json.parseStored(e.data())).get("run_id"));
                    }
                }
                assertThat(failedRuns).containsExactlyInAnyOrderElementsOf(accepted);
                assertThat(replay).filteredOn(e -> "run.completed".equals(e.event())).hasSize(1)
                        .allSatisfy(e -> assertThat(e.data()).contains(eventRun));
            }
        } finally {
            stall.disposeNow();
        }
    }

    @Test
    void unreadableStoreStopsTheProcessAndKeepsTheFile() throws Exception {
        Path data = dir.resolve("corrupt");
        Files.createDirectories(data);
        Path store = data.resolve(StoreFile.FILE_NAME);
        byte[] garbage = "H:2,block:2,blockSize:1000,chunk:0,format:9\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(store, garbage);
        Process p = StandaloneProcess.builder("--ara.local.data-dir=" + data).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("ara-local cannot read its store " + store.toAbsolutePath());
        assertThat(Files.readAllBytes(store)).isEqualTo(garbage);
    }

    @Test
    void oneMegabyteRequestsStayWithinA256MegabyteHeap() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start("--ara.local.api-key=ak_local_big")) {
            Map<String, Object> manifest = LocalTestSupport.manifest("big", null, null);
            Json.maps(Json.map(manifest, "interfaces").get("fastapi_endpoints")).get(0).put("auth",
                    Json.obj("mode", "none"));
            call(server.url, HttpMethod.POST, "/apps", bearer("ak_local_big"), manifest);
            String mib = "z".repeat(1024 * 1024 - 64);
            for (int i = 0; i < 40; i++) { // about 80 MB of run records against a 64 MiB run budget
                var answer = call(server.url, HttpMethod.POST, "/v1/apps/big/endpoints/triage-agent", Map.of(),
                        Json.obj("message", mib));
                assertThat(answer.status()).as("request " + i).isEqualTo(200);
                assertThat(answer.<String>at("run", "status")).isEqualTo("completed");
            }
            assertThat(server.process.isAlive()).isTrue();
        }
    }

    private static long count(List<ServerSentEvent<String>> events, String type) {
        return events.stream().filter(e -> type.equals(e.event())).count();
    }
}
