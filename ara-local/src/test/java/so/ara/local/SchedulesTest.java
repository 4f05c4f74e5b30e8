package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import so.ara.testsupport.MovableClock;

/** Schedules fire against a controllable clock; no sleeping. */
class SchedulesTest {

    static Instant next(String expr, String from) {
        ZonedDateTime start = Instant.parse(from).atZone(ZoneOffset.UTC);
        Instant best = null;
        for (var t : LocalScheduler.parseCron(expr)) {
            Instant n = t.nextExecution(start).orElseThrow().toInstant();
            best = best == null || n.isBefore(best) ? n : best;
        }
        return best;
    }

    @Test
    void posixDayOfMonthOrDayOfWeek() {
        // "13th of the month OR Friday", like Unix cron
        assertThat(next("0 12 13 * 5", "2026-11-24T00:00:00Z")).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(next("0 12 13 * 5", "2026-12-12T00:00:00Z")).isEqualTo("2026-12-13T12:00:00Z");
        assertThat(next("0 12 13 * 5", "2026-12-13T12:00:00Z")).isEqualTo("2026-12-18T12:00:00Z");
        assertThat(next("*/5 * * * *", "2026-11-24T00:01:00Z")).isEqualTo("2026-11-24T00:05:00Z");
        assertThat(next("0 9 * * 1-5", "2026-11-28T10:00:00Z")).isEqualTo("2026-11-30T09:00:00Z");
    }

    @Test
    void rejectsNonPosixCron() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalScheduler.parseCron("0 0 ? * MON"))
                .hasMessageContaining("non-POSIX");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalScheduler.parseCron("0 0 * *"))
                .hasMessageContaining("5 fields");
    }

    @Test
    void manifestAndAutomationSchedulesFire() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T13:59:00Z"));
        try (var callbacks = new LocalTestSupport.CallbackServer("cb", req -> Json.obj("tool_args",
                Json.map(req.get("body"))));
                AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings().withClock(clock))) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            Map<String, Object> manifest = LocalTestSupport.manifest("sched-app", callbacks.url(""), null);
            Map<String, Object> agentRow = Json.maps(Json.map(manifest, "agent").get("agents")).get(0);
            agentRow.put("schedules", List.of(
                    Json.obj("id", "weekday-digest", "kind", "cron", "cron", "0 9 * * 1-5", "timezone",
                            "America/New_York", "run", Json.obj("type", "agent", "agent_id", "triage_agent", "input",
                                    Json.obj("message", "digest"))),
                    Json.obj("id", "hourly", "kind", "every", "every_seconds", 3600, "run", Json.obj("type", "agent",
                            "agent_id", "triage_agent")),
                    Json.obj("id", "once", "kind", "cron", "cron", "30 15 24 11 *", "timezone", "UTC",
                            "one_shot_at", "2026-11-24T15:30:00Z", "run", Json.obj("type", "agent", "agent_id",
                                    "triage_agent", "input", Json.obj("message", "once")))));
            String id = call(base, HttpMethod.POST, "/apps", bearer(cp), manifest).at("app", "id");
            call(base, HttpMethod.POST, "/apps/" + id + "/secrets", bearer(cp), Json.obj("name", "cb", "values",
                    Json.obj("JAVA_CALLBACK_SECRET", "cb")));
            // a draft app's schedules do not fire
            clock.set(Instant.parse("2026-11-24T14:00:00Z"));
            assertThat(server.tickSchedules()).isEmpty();
            clock.set(Instant.parse("2026-11-24T13:59:00Z"));
            call(base, HttpMethod.PATCH, "/apps/" + id, bearer(cp), Json.obj("status", "active"));
            var listed = call(base, HttpMethod.GET, "/apps/" + id + "/schedules", bearer(cp), null);
            assertThat(listed.<String>at("schedules", "0", "next_fire_at")).isEqualTo("2026-11-24T14:00:00Z");
            assertThat(listed.<String>at("schedules", "1", "next_fire_at")).isEqualTo("2026-11-24T14:59:00Z");
            assertThat(listed.<String>at("schedules", "2", "next_fire_at")).isEqualTo("2026-11-24T15:30:00Z");

            assertThat(server.tickSchedules()).isEmpty();
            clock.set(Instant.parse("2026-11-24T14:00:00Z")); // 09:00 in New York
            List<Run> fired = server.tickSchedules();
            assertThat(fired).hasSize(1);
            assertThat(fired.get(0).toMap().get("output")).isEqualTo(Json.obj("text", "[triage_agent] digest",
                    "tool_calls", List.of()));
            assertThat(server.tickSchedules()).isEmpty();
            clock.set(Instant.parse("2026-11-24T14:59:00Z"));
            assertThat(server.tickSchedules()).extracting(r -> r.toMap().get("output"))
                    .containsExactly(Json.obj("text", "[triage_agent] ", "tool_calls", List.of()));
            clock.set(Instant.parse("2026-11-24T15:30:00Z"));
            assertThat(server.tickSchedules()).extracting(r -> Json.map(r.toMap().get("output")).get("text"))
                    .containsExactly("[triage_agent] once");
            clock.set(Instant.parse("2026-11-24T15:31:00Z"));
            assertThat(server.tickSchedules()).isEmpty();
            var after = call(base, HttpMethod.GET, "/apps/" + id + "/schedules", bearer(cp), null);
            assertThat(after.<List<Object>>at("schedules")).extracting(s -> Json.map(s).get("id"))
                    .containsExactly("weekday-digest", "hourly");

            var rows = server.logs().rows(id, 0);
            assertThat(rows).filteredOn(r -> r.eventType().equals("schedule.fired"))
                    .extracting(r -> Json.map(r.json().get("data")).get("schedule_id"))
                    .containsExactly("weekday-digest", "hourly", "once");

            // automation_create as produced by scheduler.create(...): a tool job every 120 s
            var created = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                    "session_id", "sess_1", "tool_name", "automation_create", "agent_id", null, "args", Json.obj(
                            "name", "heartbeat", "schedule_kind", "every", "every_seconds", 120, "execution_kind",
                            "app_tool_call", "tool_name", "lookup_ticket", "tool_args", Json.obj("ticket_id", "T-9"),
                            "app_id", id)));
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
            assertThat(created.<String>at("result", "job", "next_fire_at")).isEqualTo("2026-11-24T15:33:00Z");
            var dup = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                    "tool_name", "automation_create", "args", Json.obj("name", "heartbeat", "schedule_kind", "every",
                            "every_seconds", 120, "execution_kind", "app_tool_call", "tool_name", "lookup_ticket",
                            "app_id", id)));
            assertThat(dup.status()).isEqualTo(409);
            var tooFast = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                    "tool_name", "automation_create", "args", Json.obj("name", "fast", "schedule_kind", "every",
                            "every_seconds", 30, "execution_kind", "app_agent_call", "agent_id", "triage_agent",
                            "app_id", id)));
            assertThat(tooFast.status()).isEqualTo(422);
            assertThat(tooFast.<String>at("detail")).isEqualTo("every schedule minimum interval is 60 seconds");
            var cron = call(base, HttpMethod.POST, "/session/runtime/tools/execute", bearer(cp), Json.obj(
                    "tool_name", "automation_create", "args", Json.obj("name", "nightly", "schedule_kind", "cron",
                            "schedule_expr", "0 0 * * *", "timezone", "UTC", "execution_kind", "app_agent_call",
                            "agent_id", "triage_agent", "input", Json.obj("message", "night"), "app_id", "sched-app",
                            "upsert", true)));
            assertThat(cron.<String>at("result", "job", "next_fire_at")).isEqualTo("2026-11-25T00:00:00Z");
            clock.set(Instant.parse("2026-11-24T15:33:00Z"));
            List<Run> tool = server.tickSchedules();
            assertThat(tool).hasSize(1);
            assertThat(Json.map(tool.get(0).toMap().get("output")).get("text"))
                    .isEqualTo("{\"tool_args\":{\"ticket_id\":\"T-9\"}}");
            clock.set(Instant.parse("2026-11-25T00:00:00Z"));
            assertThat(server.tickSchedules()).extracting(r -> Json.map(r.toMap().get("output")).get("text"))
                    .containsExactlyInAnyOrder("[triage_agent] night", "{\"tool_args\":{\"ticket_id\":\"T-9\"}}",
                            "[triage_agent] ");
        }
    }

    @Test
    void automaticTickerFiresWithRealClock() throws Exception {
        // an every-schedule cannot be shorter than 60 s, so drive the ticker with a clock that runs ahead
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T00:00:00Z"));
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings().withClock(clock)
                .withScheduleTick(Duration.ofMillis(50)))) {
            String cp = server.apiKey();
            Map<String, Object> manifest = LocalTestSupport.manifest("ticker", null, null);
            Json.maps(Json.map(manifest, "agent").get("agents")).get(0).put("schedules", List.of(Json.obj("id", "m",
                    "kind", "every", "every_seconds", 60, "run", Json.obj("type", "agent", "agent_id",
                            "triage_agent"))));
            manifest.put("status", "active");
            String id = call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(cp), manifest).at("app", "id");
            clock.set(Instant.parse("2026-11-24T00:01:00Z"));
            await().until(() -> !server.logs().rows(id, 0).isEmpty());
            assertThat(server.logs().rows(id, 0)).first().extracting(LogHub.Row::eventType).isEqualTo("schedule.fired");
        }
    }
}
