package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/** Logs over HTTP are live on first connect (no backfill, as Ara) and resume exactly with Last-Event-ID. */
class LiveLogsTest {

    @Test
    void noBackfillOnConnectAndExactResume() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings())) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            String appId = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("live", null,
                    null)).at("app", "id");
            String key = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                    Json.obj("requests_per_minute", 2000)).at("key");
            Runnable run = () -> call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(key),
                    Json.obj("input", Json.obj("message", "m")));
            run.run();
            run.run();
            long before = server.logs().rows(appId, 0).size();
            assertThat(before).isEqualTo(10); // run.started, run.prompt.built, run.model.started/completed, run.completed

            List<ServerSentEvent<String>> first = new CopyOnWriteArrayList<>();
            Disposable sub = LocalTestSupport.logStream(base, appId, key, null).filter(e -> e.id() != null)
                    .subscribe(first::add);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.logs().subscriberCount(appId) == 1);
            run.run();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> first.size() >= 5);
            assertThat(ids(first)).as("only rows published after connecting").containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(first.get(0).event()).isEqualTo("run.started");
            sub.dispose();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.logs().subscriberCount(appId) == 0);

            run.run(); // rows 16-20 while away
            List<ServerSentEvent<String>> resumed = new CopyOnWriteArrayList<>();
            Disposable sub2 = LocalTestSupport.logStream(base, appId, key, "15").filter(e -> e.id() != null)
                    .subscribe(resumed::add);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.logs().subscriberCount(appId) == 1);
            run.run(); // rows 21-25 live
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> resumed.size() >= 10);
            sub2.dispose();
            assertThat(ids(resumed)).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
        }
    }

    static List<Long> ids(List<ServerSentEvent<String>> events) {
        List<Long> out = new ArrayList<>();
        events.forEach(e -> out.add(Long.parseLong(e.id())));
        return out;
    }
}
