package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * The durable store's lifecycle: a clean stop with runs in flight, and the kill -9 contract for log rows that were
 * published but not yet committed (simulated in-process: the store closes without writing, as a killed process).
 */
class StoreLifecycleTest {

    /** A Python tool that takes {@code seconds} from its args: the runs stay in flight as long as a test needs. */
    private static final String SLOW_TOOL = "def lookup_ticket(ticket_id: str) -> dict:\n"
            + "    import time\n"
            + "    time.sleep(float(ticket_id))\n"
            + "    return {\"id\": ticket_id}";

    @TempDir
    Path dir;

    @Test
    void closeLetsRunsInFlightFinishMarksTheRestFailedAndLogsNoError() {
        Path data = dir.resolve("data");
        AraLocalSettings settings = LocalTestSupport.testSettings().withDataDir(data).withApiKey("ak_local_stop");
        String appId;
        String key;
        String quick;
        String stuck;
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        AraLocalServer server = AraLocalServer.start(settings);
        try {
            String base = server.baseUrl();
            appId = call(base, HttpMethod.POST, "/apps", bearer("ak_local_stop"), slowApp("stop")).at("app", "id");
            key = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer("ak_local_stop"),
                    Json.obj("requests_per_minute", 2000)).at("key");
            quick = startRun(base, appId, key, "1.5");
            stuck = startRun(base, appId, key, "120");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.logs().rows(appId, 0).stream()
                    .filter(r -> r.eventType().equals("run.tool.started")).count() == 2);
            logged.start();
            root.addAppender(logged);
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            server.close(Duration.ofSeconds(4));
        } finally {
            System.setErr(originalErr);
            root.detachAppender(logged);
            server.close();
        }
        assertThat(logged.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(
                Level.WARN));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("is closed");

        try (AraLocalServer again = AraLocalServer.start(settings)) {
            String base = again.baseUrl();
            var finished = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/" + quick, bearer(key), null);
            assertThat(finished.<String>at("run", "status")).isEqualTo("completed");
            var failed = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/" + stuck, bearer(key), null);
            assertThat(failed.<String>at("run", "status")).isEqualTo("failed");
            assertThat(failed.<String>at("run", "error", "message")).isEqualTo(LocalStore.STOPPED);
            List<ServerSentEvent<String>> rows = new CopyOnWriteArrayList<>();
            Disposable stream = LocalTestSupport.logStream(base, appId, key, "0").filter(e -> e.id() != null)
                    .subscribe(rows::add);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> terminal(rows, stuck) != null
                        && terminal(rows, quick) != null);
            } finally {
                stream.dispose();
            }
            assertThat(terminal(rows, quick).event()).isEqualTo("run.completed");
            assertThat(terminal(rows, stuck).event()).isEqualTo("run.failed");
            assertThat(terminal(rows, stuck).data()).contains(LocalStore.STOPPED);
            assertThat(again.store().interrupted()).isEmpty(); // nothing was left unfinished in the store
        }
    }

    @Test
    void rowsSeenBeforeACrashSurviveUpToTheLastCommitAndTheirRunIsMarkedFailed() {
        Path data = dir.resolve("crash");
        AraLocalSettings settings = LocalTestSupport.testSettings().withDataDir(data).withApiKey("ak_local_crash");
        String appId;
        String key;
        String early;
        String late;
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        AraLocalServer server = AraLocalServer.start(settings);
        try {
            String base = server.baseUrl();
            appId = call(base, HttpMethod.POST, "/apps", bearer("ak_local_crash"), slowApp("crash")).at("app", "id");
            key = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer("ak_local_crash"),
                    Json.obj("requests_per_minute", 2000)).at("key");
            // from the start (not live only): rows published before the subscription is in place are not missed
            Disposable live = LocalTestSupport.logStream(base, appId, key, "0").filter(e -> e.id() != null)
                    .subscribe(seen::add);
            early = startRun(base, appId, key, "120");
            await().atMost(Duration.ofSeconds(30)).until(() -> inSlowTool(seen, early));
            // the periodic commit runs twice after these rows were seen: the second one certainly covers them
            long commits = server.store().file().commits();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.store().file().commits() >= commits + 2);
            late = startRun(base, appId, key, "120");
            await().atMost(Duration.ofSeconds(30)).until(() -> inSlowTool(seen, late));
            live.dispose();
        } finally {
            server.crash(); // no commit: whatever the last commit did not cover is lost, as after kill -9
        }

        try (AraLocalServer again = AraLocalServer.start(settings)) {
            String base = again.baseUrl();
            for (String runId : List.of(early, late)) {
                var status = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/" + runId, bearer(key), null);
                assertThat(status.status()).as("accepted run " + runId).isEqualTo(200);
                assertThat(status.<String>at("run", "status")).isEqualTo("failed");
                assertThat(status.<String>at("run", "error", "message")).isEqualTo(LocalStore.RESTARTED);
            }
            List<ServerSentEvent<String>> replay = new CopyOnWriteArrayList<>();
            Disposable stream = LocalTestSupport.logStream(base, appId, key, "0").filter(e -> e.id() != null)
                    .subscribe(replay::add);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> terminal(replay, early) != null
                        && terminal(replay, late) != null);
            } finally {
                stream.dispose();
            }
            long lastSeen = seen.stream().mapToLong(e -> Long.parseLong(e.id())).max().orElseThrow();
            // committed by the periodic commit: every row of the early run survives exactly, then its run.failed
            assertSameRows(rowsOf(replay, early).subList(0, rowsOf(seen, early).size()), rowsOf(seen, early));
            // the late run's rows survive up to the last commit: a prefix of what was seen, never other rows
            List<ServerSentEvent<String>> lateRows = rowsOf(replay, late);
            List<ServerSentEvent<String>> lateSurvivors = lateRows.subList(0, lateRows.size() - 1);
            assertSameRows(lateSurvivors, rowsOf(seen, late).subList(0, lateSurvivors.size()));
            for (String runId : List.of(early, late)) {
                ServerSentEvent<String> failed = terminal(replay, runId);
                assertThat(failed.event()).isEqualTo("run.failed");
                assertThat(failed.data()).contains(LocalStore.RESTARTED);
                assertThat(Long.parseLong(failed.id())).as("ids are never reused").isGreaterThan(lastSeen);
            }
            assertThat(replay.stream().map(e -> Long.parseLong(e.id())).toList()).isSorted().doesNotHaveDuplicates();
        }
    }

    private static Map<String, Object> slowApp(String slug) {
        Map<String, Object> manifest = LocalTestSupport.manifest(slug, null, null);
        Map<String, Object> agent = Json.map(manifest, "agent");
        Json.maps(agent.get("agents")).get(0).remove("prompt_factory");
        Json.maps(agent.get("tools")).get(0).put("source", SLOW_TOOL);
        return manifest;
    }

    private static String startRun(String base, String appId, String key, String seconds) {
        var accepted = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(key), Json.obj("input",
                Json.obj("message", "m", "tool_calls", List.of(Json.obj("name", "lookup_ticket", "args",
                        Json.obj("ticket_id", seconds))))));
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.at("run_id");
    }

    /** The run's last row so far is its tool call starting: it publishes nothing more until the slow tool returns. */
    private static boolean inSlowTool(List<ServerSentEvent<String>> rows, String runId) {
        List<ServerSentEvent<String>> own = rowsOf(rows, runId);
        return !own.isEmpty() && "run.tool.started".equals(own.get(own.size() - 1).event());
    }

    private static List<ServerSentEvent<String>> rowsOf(List<ServerSentEvent<String>> rows, String runId) {
        return rows.stream().filter(e -> e.data().contains("\"run_id\":\"" + runId + "\"")).toList();
    }

    private static ServerSentEvent<String> terminal(List<ServerSentEvent<String>> rows, String runId) {
        return rowsOf(rows, runId).stream().filter(e -> "run.completed".equals(e.event())
                || "run.failed".equals(e.event())).findFirst().orElse(null);
    }

    private static void assertSameRows(List<ServerSentEvent<String>> actual, List<ServerSentEvent<String>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).id()).isEqualTo(expected.get(i).id());
            assertThat(actual.get(i).event()).isEqualTo(expected.get(i).event());
            assertThat(actual.get(i).data()).isEqualTo(expected.get(i).data());
        }
    }
}
