package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/** The console's JSON and SSE over real HTTP against a real ara-local with the reference app deployed. */
class ConsoleApiTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Map<String, Object> awaitRun(String runId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(fx.get("/console/api/runs/" + runId)
                .at("run", "status")));
        return fx.get("/console/api/runs/" + runId).json();
    }

    private static String start(Map<String, Object> input) {
        var started = fx.post("/console/api/apps/" + fx.appId + "/runs", Json.obj("agent_id", "triage_agent",
                "input", input));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.<String>at("url")).isEqualTo("/console/runs/" + started.at("run_id"));
        return started.at("run_id");
    }

    @Test
    void appsShowTheManifestReadably() {
        var r = fx.get("/console/api/apps");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> app = r.at("apps", "0");
        assertThat(app).containsEntry("slug", ConsoleFixture.SLUG).containsEntry("status", "active")
                .containsEntry("default_agent_id", "triage_agent");
        assertThat(r.<String>at("apps", "0", "agents", "0", "instructions"))
                .isEqualTo("Triage incoming support tickets.");
        assertThat(r.<List<String>>at("apps", "0", "agents", "0", "skills")).containsExactly("lookup_ticket", "python_only");
        // the built-in model's tool_calls shape, filled for the agent's skill and its required parameter
        assertThat(r.<Object>at("apps", "0", "agents", "0", "input_template")).isEqualTo(Json.obj("message",
                "Hello from the console", "tool_calls", List.of(Json.obj("name", "lookup_ticket", "args",
                        Json.obj("ticket_id", "example")))));
        assertThat(r.<Object>at("apps", "0", "tools", "0", "parameters")).isEqualTo(List.of(Json.obj("name",
                "ticket_id", "type", "string", "required", true))); // null fields are omitted
        Map<String, Object> schedule = r.at("apps", "0", "schedules", "0");
        assertThat(schedule).containsEntry("id", "weekday-digest").containsEntry("expr", "0 9 * * 1-5")
                .containsEntry("timezone", "Europe/Paris").containsEntry("target", "agent triage_agent");
        // 09:00 in Paris on a weekday, shown in its own zone
        assertThat((String) schedule.get("next_fire_local")).matches("(Mon|Tue|Wed|Thu|Fri) \\d{4}-\\d\\d-\\d\\d "
                + "09:00:00 CES?T");
        List<Map<String, Object>> endpoints = Json.maps(r.at("apps", "0", "endpoints"));
        assertThat(endpoints).extracting(e -> e.get("auth_mode")).containsExactly("hmac", "none", "header", "bearer");
        assertThat(endpoints.get(0)).containsEntry("url", fx.base + "/v1/apps/ticket-triage/endpoints/triage-agent")
                .containsEntry("method", "POST");
        assertThat(r.raw()).doesNotContain("hmac-s3cret").doesNotContain("header-s3cret")
                .doesNotContain("bearer-s3cret").doesNotContain("cb-secret");
    }

    @Test
    void aRunShowsItsTriggerPromptTimelineOutputAndLogRows() {
        String runId = start(ConsoleFixture.toolCallsInput("hi", "T-1"));
        Map<String, Object> d = awaitRun(runId, "completed");
        assertThat(Json.map(d, "trigger")).isEqualTo(Json.obj("kind", "api", "detail", Json.obj("response_mode",
                "poll")));
        assertThat(d.get("input")).isEqualTo(ConsoleFixture.toolCallsInput("hi", "T-1"));
        assertThat((String) d.get("prompt")).startsWith("Triage this ticket: {\"message\":\"hi\"");
        assertThat(Json.str(Json.map(d, "output"), "text"))
                .isEqualTo("[triage_agent] hi\nlookup_ticket: {\"id\":\"T-1\",\"status\":\"open\"}");
        List<Map<String, Object>> timeline = Json.maps(d.get("timeline"));
        assertThat(timeline).extracting(i -> i.get("kind") + ":" + i.get("name")).containsExactly("step:Run started",
                "step:Prompt built", "model:Model turn 1", "tool:lookup_ticket", "model:Model turn 2",
                "step:Run completed");
        Map<String, Object> tool = timeline.get(3);
        assertThat(tool).containsEntry("status", "ok").containsEntry("args", Json.obj("ticket_id", "T-1"))
                .containsEntry("result", Json.obj("id", "T-1", "status", "open"));
        assertThat(((Number) tool.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(timeline.get(2)).containsEntry("status", "ok").containsEntry("tool_calls", List.of("lookup_ticket"));
        assertThat(timeline.get(4)).containsEntry("status", "ok").containsEntry("tool_calls", List.of())
                .containsEntry("result", Json.str(Json.map(d, "output"), "text"));
        assertThat(Json.maps(d.get("logs"))).extracting(row -> row.get("event_type")).containsExactly("run.started",
                "run.prompt.built", "run.model.started", "run.model.completed", "run.tool.started",
                "run.tool.completed", "run.model.started", "run.model.completed", "run.completed");
        assertThat(Json.map(Json.map(d, "run"), "tool_calls")).isNull();
        assertThat(Json.map(d, "run")).containsEntry("tool_calls", 1).containsEntry("trigger", "api");
    }

    @Test
    void twoToolCallsShowTwoModelTurnsAndTwoToolRowsEachWithItsOwnTiming() {
        Map<String, Object> input = Json.obj("message", "two", "tool_calls", List.of(
                Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "T-1")),
                Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id", "T-2"))));
        Map<String, Object> d = awaitRun(start(input), "completed");
        List<Map<String, Object>> turns = Json.maps(d.get("timeline")).stream()
                .filter(i -> !"step".equals(i.get("kind"))).toList();
        assertThat(turns).extracting(i -> i.get("kind") + ":" + i.get("name")).containsExactly("model:Model turn 1",
                "tool:lookup_ticket", "tool:lookup_ticket", "model:Model turn 2");
        assertThat(turns.get(0)).containsEntry("tool_calls", List.of("lookup_ticket", "lookup_ticket"))
                .doesNotContainKey("result");
        assertThat(turns.get(1)).containsEntry("args", Json.obj("ticket_id", "T-1"));
        assertThat(turns.get(2)).containsEntry("args", Json.obj("ticket_id", "T-2"));
        assertThat(turns.get(3)).containsEntry("tool_calls", List.of())
                .containsEntry("result", "[triage_agent] two\nlookup_ticket: {\"id\":\"T-1\",\"status\":\"open\"}"
                        + "\nlookup_ticket: {\"id\":\"T-2\",\"status\":\"open\"}");
        for (Map<String, Object> item : turns) {
            assertThat(item).containsEntry("status", "ok");
            assertThat(((Number) item.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(0);
        }
        // turn 2 starts after both tools finished
        long toolsEnd = ((Number) turns.get(2).get("start_ms")).longValue()
                + ((Number) turns.get(2).get("duration_ms")).longValue();
        assertThat(((Number) turns.get(3).get("start_ms")).longValue()).isGreaterThanOrEqualTo(toolsEnd);
        Map<String, Object> firstTurnRow = Json.maps(d.get("logs")).stream()
                .filter(r -> "run.model.completed".equals(r.get("event_type"))).findFirst().orElseThrow();
        assertThat(Json.map(firstTurnRow, "data")).containsEntry("turn", 1).containsEntry("agent_id", "triage_agent")
                .containsKey("duration_ms");
        assertThat(firstTurnRow).containsEntry("message", "Model turn 1 asked for lookup_ticket, lookup_ticket");
    }

    @Test
    void aFailingToolShowsItsFailureOnTheTimeline() {
        String runId = start(ConsoleFixture.failingToolInput());
        Map<String, Object> d = awaitRun(runId, "failed");
        assertThat(Json.str(Json.map(d, "error"), "message")).isEqualTo(ConsoleFixture.FAILING_TOOL_ERROR);
        Map<String, Object> tool = Json.maps(d.get("timeline")).stream().filter(i -> "tool".equals(i.get("kind")))
                .findFirst().orElseThrow();
        assertThat(tool).containsEntry("status", "failed").containsEntry("error", ConsoleFixture.FAILING_TOOL_ERROR);
    }

    @Test
    void rerunStartsANewRunWithTheSameInput() {
        String first = start(ConsoleFixture.toolCallsInput("again", "T-2"));
        awaitRun(first, "completed");
        var rerun = fx.post("/console/api/runs/" + first + "/rerun", null);
        assertThat(rerun.status()).isEqualTo(202);
        String second = rerun.at("run_id");
        assertThat(second).isNotEqualTo(first);
        Map<String, Object> d = awaitRun(second, "completed");
        assertThat(d.get("input")).isEqualTo(ConsoleFixture.toolCallsInput("again", "T-2"));
        assertThat(Json.map(d, "run")).containsEntry("agent_id", "triage_agent");
    }

    @Test
    void sentEventsAreListedWithTheirMetadataAndStartARun() {
        var sent = fx.post("/console/api/apps/" + ConsoleFixture.SLUG + "/events", Json.obj("event_type",
                "ticket.created", "channel", "console", "message", "hello", "payload", Json.obj("ticket_id", "T-9"),
                "metadata", Json.obj("priority", "high")));
        assertThat(sent.status()).isEqualTo(202);
        String eventId = sent.at("event_id");
        String runId = sent.at("run_id");
        assertThat(eventId).startsWith("evt_");
        Map<String, Object> d = awaitRun(runId, "completed");
        assertThat(Json.map(d, "trigger")).isEqualTo(Json.obj("kind", "event", "detail", Json.obj("event_id",
                eventId, "event_type", "ticket.created")));
        List<Map<String, Object>> events = Json.maps(fx.get("/console/api/events").at("events"));
        Map<String, Object> listed = events.stream().filter(e -> eventId.equals(e.get("event_id"))).findFirst()
                .orElseThrow();
        assertThat(listed).containsEntry("run_id", runId).containsEntry("event_type", "ticket.created")
                .containsEntry("metadata", Json.obj("priority", "high")).containsEntry("payload",
                        Json.obj("ticket_id", "T-9")).containsEntry("run_status", "completed")
                .containsEntry("app_slug", ConsoleFixture.SLUG);
        var bad = fx.post("/console/api/apps/" + fx.appId + "/events", Json.obj("metadata", "not an object"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<String>at("detail")).isEqualTo("field 'metadata' must be a JSON object");
    }

    @Test
    void firingAScheduleStartsARunTheScheduleStarted() {
        var fired = fx.post("/console/api/apps/" + fx.appId + "/schedules/weekday-digest/fire", null);
        assertThat(fired.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Json.maps(fx.get("/console/api/runs?status=completed")
                .at("runs")).stream().filter(r -> "schedule".equals(r.get("trigger"))).toList().isEmpty());
        String runId = (String) Json.maps(fx.get("/console/api/runs").at("runs")).stream()
                .filter(r -> "schedule".equals(r.get("trigger"))).findFirst().orElseThrow().get("run_id");
        Map<String, Object> d = fx.get("/console/api/runs/" + runId).json();
        assertThat(Json.map(Json.map(d, "trigger"), "detail")).containsEntry("schedule_id", "weekday-digest")
                .containsEntry("source", "manifest");
        assertThat(d.get("input")).isEqualTo(Json.obj("message", "digest"));
        assertThat(fx.post("/console/api/apps/" + fx.appId + "/schedules/nope/fire", null).status()).isEqualTo(404);
    }

    @Test
    void runsAreNewestFirstFilteredAndPaginated() {
        String a = start(Json.obj("message", "a"));
        String b = start(ConsoleFixture.failingToolInput());
        String c = start(Json.obj("message", "c"));
        awaitRun(a, "completed");
        awaitRun(b, "failed");
        awaitRun(c, "completed");
        List<Map<String, Object>> page1 = Json.maps(fx.get("/console/api/runs?limit=2").at("runs"));
        assertThat(page1).extracting(r -> r.get("run_id")).containsExactly(c, b);
        var first = fx.get("/console/api/runs?limit=2");
        assertThat(first.<Boolean>at("more")).isTrue();
        assertThat(first.<String>at("next_before")).isEqualTo(b);
        List<Map<String, Object>> page2 = Json.maps(fx.get("/console/api/runs?limit=2&before=" + b).at("runs"));
        assertThat(page2.get(0).get("run_id")).isEqualTo(a);
        assertThat(Json.maps(fx.get("/console/api/runs?status=failed").at("runs")))
                .allMatch(r -> r.get("status").equals("failed")).extracting(r -> r.get("run_id")).contains(b)
                .doesNotContain(a, c);
        assertThat(Json.maps(fx.get("/console/api/runs?agent=nobody").at("runs"))).isEmpty();
        assertThat(Json.maps(fx.get("/console/api/runs?app=" + ConsoleFixture.SLUG + "&agent=triage_agent")
                .at("runs"))).isNotEmpty();
        assertThat(Json.maps(fx.get("/console/api/runs?since=2999-01-01T00:00:00Z").at("runs"))).isEmpty();
        assertThat(Json.maps(fx.get("/console/api/runs?until=2000-01-01T00:00:00Z").at("runs"))).isEmpty();
    }

    @Test
    void badInputGetsProblemDetails() {
        var notObject = fx.post("/console/api/apps/" + fx.appId + "/runs", Json.obj("input", List.of(1)));
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(notObject.<String>at("detail")).isEqualTo("field 'input' must be a JSON object");
        var notJson = fx.post("/console/api/apps/" + fx.appId + "/runs", "{nope");
        assertThat(notJson.status()).isIn(400, 415);
        assertThat(fx.post("/console/api/apps/nope/runs", Json.obj()).status()).isEqualTo(404);
        var unknownAgent = fx.post("/console/api/apps/" + fx.appId + "/runs", Json.obj("agent_id", "ghost"));
        assertThat(unknownAgent.status()).isEqualTo(404);
        assertThat(unknownAgent.<String>at("detail")).isEqualTo("agent 'ghost' not found in app 'ticket-triage'");
        assertThat(fx.get("/console/api/runs/run-nope").status()).isEqualTo(404);
        assertThat(fx.post("/console/api/runs/run-nope/rerun", null).status()).isEqualTo(404);
        assertThat(fx.get("/console/api/runs?status=done").status()).isEqualTo(400);
        assertThat(fx.get("/console/api/runs?since=yesterday").status()).isEqualTo(400);
        assertThat(fx.get("/console/api/runs?limit=0").status()).isEqualTo(400);
        assertThat(fx.get("/console/api/logs?level=debug").status()).isEqualTo(400);
        var tooBig = fx.post("/console/api/apps/" + fx.appId + "/runs", Json.obj("input", Json.obj("blob",
                "x".repeat(2 * 1024 * 1024))));
        assertThat(tooBig.status()).isEqualTo(413);
    }

    @Test
    void theStreamDeliversLogRowsOfEveryAppLive() {
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        Disposable sub = LocalTestSupport.CLIENT.get().uri(fx.base + "/console/api/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(fx.token)).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> "log".equals(e.event())).subscribe(seen::add);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                // the subscription is live once a row published now arrives
                String runId = start(Json.obj("message", "live"));
                await().atMost(Duration.ofSeconds(3)).until(() -> seen.stream().anyMatch(e -> e.data()
                        .contains(runId) && e.data().contains("run.completed")));
                return true;
            });
            Map<String, Object> row = Json.map(Json.parse(seen.get(seen.size() - 1).data().getBytes()));
            assertThat(row).containsKeys("id", "app_id", "run_id", "timestamp", "level", "event_type", "message",
                    "data");
            assertThat((String) row.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            var logs = fx.get("/console/api/logs?run=" + row.get("run_id"));
            assertThat(Json.maps(logs.at("logs"))).extracting(l -> l.get("event_type")).contains("run.started",
                    "run.completed");
        } finally {
            sub.dispose();
        }
    }

    @Test
    void theStreamAnnouncesAnAppUpdate() {
        List<ServerSentEvent<String>> apps = new CopyOnWriteArrayList<>();
        Disposable sub = LocalTestSupport.CLIENT.get().uri(fx.base + "/console/api/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(fx.token)).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> "apps".equals(e.event())).subscribe(apps::add);
        try {
            await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(600)).until(() -> apps.isEmpty());
            int[] version = {0};
            // the stream compares with the apps it saw once connected: update (once a second) until it tells
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (!apps.isEmpty()) {
                    return true;
                }
                assertThat(LocalTestSupport.call(fx.base, org.springframework.http.HttpMethod.PATCH, "/apps/"
                        + fx.appId, LocalTestSupport.bearer(fx.server.apiKey()), Json.obj("description",
                                "version " + ++version[0])).status()).isEqualTo(200);
                return false;
            });
            assertThat(apps.get(0).data()).isEqualTo("{}");
        } finally {
            sub.dispose();
        }
    }
}
