package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;
import static so.ara.local.LocalTestSupport.xKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/** deploy → setup-auth → run → run-async/poll → webhook → events → logs stream → reconnect without loss. */
class FullFlowTest {

    AraLocalServer server;
    LocalTestSupport.CallbackServer callbacks;
    String base;
    String cp;

    @BeforeEach
    void start() {
        server = AraLocalServer.start(LocalTestSupport.testSettings());
        base = server.baseUrl();
        cp = server.apiKey();
        callbacks = new LocalTestSupport.CallbackServer("cb-secret", req -> {
            String path = (String) req.get("path");
            Map<String, Object> body = Json.map(req.get("body"));
            if (path.endsWith("/tools/lookup_ticket")) {
                return Json.obj("id", body.get("ticket_id"), "status", "open");
            }
            return Json.obj("ok", true);
        });
    }

    @AfterEach
    void stop() {
        server.close();
        callbacks.close();
    }

    @Test
    void fullFlow() throws Exception {
        // deploy: create + activate
        var created = call(base, HttpMethod.POST, "/apps", bearer(cp),
                LocalTestSupport.manifest("ticket-triage", callbacks.url(""), null));
        assertThat(created.status()).isEqualTo(201);
        String appId = created.at("app", "id");
        assertThat(appId).startsWith("app_");
        assertThat((String) created.at("app", "slug")).isEqualTo("ticket-triage");
        assertThat(created.<String>at("app", "status")).isEqualTo("draft");
        var activated = call(base, HttpMethod.PATCH, "/apps/" + appId, bearer(cp), Json.obj("status", "active"));
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.<String>at("app", "status")).isEqualTo("active");
        var listed = call(base, HttpMethod.GET, "/apps", bearer(cp), null);
        assertThat(listed.<String>at("apps", "0", "id")).isEqualTo(appId);
        assertThat(listed.<String>at("apps", "0", "role")).isEqualTo("owner");
        var secret = call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp),
                Json.obj("name", "ara-java-callback", "values", Json.obj("JAVA_CALLBACK_SECRET", "cb-secret")));
        assertThat(secret.status()).isEqualTo(201);
        assertThat(secret.raw()).doesNotContain("cb-secret");

        // mint runtime key, setup, setup-auth x-key
        var key = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                Json.obj("name", "ticket-triage-py-local", "requests_per_minute", 600));
        assertThat(key.status()).isEqualTo(201);
        String runtimeKey = key.at("key");
        assertThat(runtimeKey).startsWith("ak_app_");
        var setup = call(base, HttpMethod.GET, "/apps/" + appId + "/setup", bearer(cp), null);
        assertThat(setup.<String>at("endpoints", "0", "url"))
                .isEqualTo(base + "/v1/apps/ticket-triage/endpoints/triage-agent");
        var x = call(base, HttpMethod.POST, "/apps/" + appId + "/x-keys", bearer(cp),
                Json.obj("name", "demo-x", "requests_per_minute", 600));
        String xk = x.at("key");
        assertThat(xk).startsWith((String) x.at("key_prefix"));
        var xs = call(base, HttpMethod.GET, "/apps/" + appId + "/x-keys", bearer(cp), null);
        assertThat(xs.<String>at("keys", "0", "key_prefix")).isEqualTo(x.<String>at("key_prefix"));
        assertThat(xs.<Boolean>at("keys", "0", "is_active")).isTrue();

        // live log subscriber before runs
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        Disposable sub = LocalTestSupport.logStream(base, appId, runtimeKey, null)
                .filter(e -> e.id() != null).subscribe(seen::add);
        // logs are live only: wait until the stream is open before producing rows
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> server.logs().subscriberCount(appId) == 1);

        // sync run with tool calls through the callback bridge (slug in the path, x-key auth)
        var run = call(base, HttpMethod.POST, "/v1/apps/ticket-triage/run", xKey(xk), Json.obj("agent_id", null,
                "workflow_id", null, "warmup", false, "input", Json.obj("message", "hi", "tool_calls",
                        List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "T-1"))))));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.<String>at("status")).isEqualTo("completed");
        assertThat(run.<String>at("run", "agent_id")).isEqualTo("triage_agent");
        assertThat(run.<String>at("output", "text"))
                .isEqualTo("[triage_agent] hi\nlookup_ticket: {\"id\":\"T-1\",\"status\":\"open\"}");
        assertThat(run.<Object>at("output", "tool_calls", "0", "result"))
                .isEqualTo(Json.obj("id", "T-1", "status", "open"));
        assertThat(callbacks.received).hasSize(1);
        assertThat(callbacks.received.peek().get("verified")).isEqualTo(true);
        assertThat(callbacks.received.peek().get("body")).isEqualTo(Json.obj("ticket_id", "T-1"));

        // a plain Python tool runs in Python
        var pure = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("name", "python_only")))));
        assertThat(pure.<String>at("status")).isEqualTo("completed");
        assertThat(pure.<Object>at("output", "tool_calls", "0", "result")).isEqualTo(1);
        // a Python exception (here: the shim called without its required argument) fails the run
        var missing = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("name", "lookup_ticket")))));
        assertThat(missing.<String>at("status")).isEqualTo("failed");
        assertThat(missing.<String>at("run", "error", "message")).isEqualTo("tool 'lookup_ticket' failed: TypeError:"
                + " lookup_ticket() missing 1 required positional argument: 'ticket_id'");

        // run-async poll
        var queued = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey), Json.obj(
                "agent_id", "triage_agent", "input", Json.obj("message", "later"), "response_mode", "poll",
                "run_id", "run-20261124T000020Z-836fa01b", "idempotency_key", "run-abc"));
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.<String>at("run", "run_id")).isEqualTo("run-20261124T000020Z-836fa01b");
        await().until(() -> call(base, HttpMethod.GET, "/v1/apps/" + appId
                + "/runs/run-20261124T000020Z-836fa01b", bearer(runtimeKey), null).at("run", "status"),
                s -> !"queued".equals(s) && !"running".equals(s));
        assertThat(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/run-20261124T000020Z-836fa01b",
                bearer(runtimeKey), null).<String>at("run", "status")).isEqualTo("completed");
        var polled = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/run-20261124T000020Z-836fa01b",
                bearer(runtimeKey), null);
        assertThat(polled.<String>at("run", "output", "text")).isEqualTo("[triage_agent] later");
        var again = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey), Json.obj(
                "input", Json.obj("message", "other"), "idempotency_key", "run-abc"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<String>at("run", "run_id")).isEqualTo("run-20261124T000020Z-836fa01b");

        // webhook mode, signature verified by the receiver
        try (var hooks = new LocalTestSupport.CallbackServer("wh-secret", req -> Json.obj())) {
            var wh = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey), Json.obj(
                    "input", Json.obj("message", "hook"), "response_mode", "webhook", "callback", Json.obj("url",
                            hooks.url("/hook"), "secret", "wh-secret", "events", List.of("run.completed",
                                    "run.failed"))));
            assertThat(wh.status()).isEqualTo(202);
            String whRun = wh.at("run", "run_id");
            await().until(() -> !hooks.received.isEmpty());
            assertThat(hooks.received).hasSize(1);
            Map<String, Object> got = hooks.received.peek();
            assertThat(got.get("verified")).isEqualTo(true);
            assertThat(Json.map(got.get("body")).get("event")).isEqualTo("run.completed");
            assertThat(Json.map(Json.map(got.get("body")).get("run")).get("run_id")).isEqualTo(whRun);
        }

        // events with idempotency
        Map<String, String> idem = new java.util.HashMap<>(bearer(runtimeKey));
        idem.put("X-Idempotency-Key", "webhook-message-received-1");
        Map<String, Object> event = Json.obj("agent_id", "triage_agent", "workflow_id", "triage_agent", "event_type",
                "webhook.message.received", "channel", "webhook", "source", "webhook", "message", "hello",
                "payload", Json.obj("k", "v"), "metadata", Json.obj());
        var ev1 = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/events", idem, event);
        var ev2 = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/events", idem, event);
        assertThat(ev1.status()).isEqualTo(202);
        assertThat(ev1.<Boolean>at("duplicate")).isFalse();
        assertThat(ev2.status()).isEqualTo(200);
        assertThat(ev2.<Boolean>at("duplicate")).isTrue();
        assertThat(ev2.<String>at("event_id")).isEqualTo(ev1.<String>at("event_id"));
        assertThat(ev2.<String>at("run_id")).isEqualTo(ev1.<String>at("run_id"));

        // the live stream saw everything so far, in id order (once the event's run has completed)
        await().atMost(Duration.ofSeconds(30)).until(() -> call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/"
                + ev1.<String>at("run_id"), bearer(runtimeKey), null).at("run", "status"), "completed"::equals);
        long expectedRows = server.logs().rows(appId, 0).size();
        await().until(() -> seen.size() >= expectedRows);
        List<Long> ids = ids(seen);
        assertThat(ids).isEqualTo(range(1, expectedRows));
        List<String> types = new ArrayList<>();
        seen.forEach(e -> types.add(e.event()));
        assertThat(types.subList(0, 10)).containsExactly("run.started", "run.prompt.built", "run.model.started",
                "run.model.completed", "run.tool.started", "run.tool.completed", "run.model.started",
                "run.model.completed", "run.completed", "run.started");
        assertThat(types).contains("run.tool.failed", "run.failed", "event.received");

        // disconnect, produce rows while away, reconnect with Last-Event-ID: no loss, no duplicates
        sub.dispose();
        long last = ids.get(ids.size() - 1);
        for (int i = 0; i < 5; i++) {
            call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey),
                    Json.obj("input", Json.obj("message", "away " + i)));
        }
        List<ServerSentEvent<String>> resumed = new CopyOnWriteArrayList<>();
        Disposable sub2 = LocalTestSupport.logStream(base, appId, runtimeKey, Long.toString(last))
                .filter(e -> e.id() != null).subscribe(resumed::add);
        await().until(() -> resumed.size() >= 5 * 5); // the replay arrived, so the live subscription exists
        for (int i = 0; i < 3; i++) {
            call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey),
                    Json.obj("input", Json.obj("message", "live " + i)));
        }
        long total = server.logs().rows(appId, 0).size();
        await().until(() -> resumed.size() >= total - last);
        sub2.dispose();
        assertThat(ids(resumed)).isEqualTo(range(last + 1, total));
        assertThat(resumed.get(0).data()).contains("\"message\":\"Run started\"");
        assertThat(total - last).isEqualTo(8 * 5); // run.started, prompt, two model rows, run.completed
    }

    static List<Long> ids(List<ServerSentEvent<String>> events) {
        List<Long> out = new ArrayList<>();
        events.forEach(e -> out.add(Long.parseLong(e.id())));
        return out;
    }

    static List<Long> range(long from, long toInclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= toInclusive; i++) {
            out.add(i);
        }
        return out;
    }
}
