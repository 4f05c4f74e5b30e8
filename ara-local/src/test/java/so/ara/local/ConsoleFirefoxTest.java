package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;

/**
 * The console's key scenarios in a real headless Firefox ESR (over WebDriver BiDi, see {@link FirefoxBidi}) against a
 * real ara-local: open with the token, agents and tools, an agent run with two tool calls completing live with each
 * model turn and tool call on the timeline, logs followed, the apps page following a deploy, keyboard navigation and
 * 200% zoom. Screenshots land in {@code target/console-screenshots/firefox-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFirefoxTest {

    static ConsoleFixture fx;
    static FirefoxBidi firefox;
    static String watchedRun;

    @BeforeAll
    static void start(@TempDir Path profile) throws IOException {
        String reason = FirefoxBidi.unavailableReason();
        assumeTrue(reason == null, reason);
        fx = new ConsoleFixture(LocalTestSupport.testSettings().withCallbackTimeout(Duration.ofSeconds(60)));
        firefox = FirefoxBidi.start(profile, 1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (firefox != null) {
            firefox.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static void open(String path) {
        firefox.navigate(fx.base + path);
        firefox.await("!document.getElementById('main').textContent.trim().startsWith('Loading')");
    }

    private static String main() {
        return firefox.text("document.getElementById('main').innerText");
    }

    private static void waitLive() {
        firefox.await("document.getElementById('live').dataset.state === 'live'");
    }

    private static String statusOfTool(String name) {
        return firefox.text("(document.querySelector(\"#timeline li[data-kind='tool'][data-name='" + name
                + "'] .badge\") || {}).textContent");
    }

    private static int number(String expression) {
        return ((Number) firefox.eval(expression)).intValue();
    }

    private static void click(String selector) {
        firefox.eval("document.querySelector(" + Json.writeString(selector) + ").click()");
    }

    @Test
    @Order(1)
    void theTokenUrlOpensTheAppsPageWithAgentsAndTools() {
        firefox.navigate(fx.server.consoleUrl());
        firefox.await("document.querySelector('h1') && document.querySelector('h1').textContent === 'Apps'");
        assertThat(firefox.text("location.href")).doesNotContain("token=").endsWith("/console");
        assertThat(main()).contains("triage_agent", "Triage incoming support tickets.", "lookup_ticket",
                "Fetch one ticket by id.", "ticket_id", "weekday-digest", "Europe/Paris",
                "/v1/apps/ticket-triage/endpoints/triage-agent");
        assertThat(firefox.text("document.querySelector(\"textarea[id$='-triage_agent']\").value"))
                .contains("\"tool_calls\"", "\"lookup_ticket\"");
        firefox.screenshot("apps");
    }

    @Test
    @Order(2)
    void runningAnAgentWithTwoToolCallsShowsEachTurnAndCallLive() {
        fx.holdTools();
        try {
            open("/console/apps");
            String input = "{\"message\": \"help\", \"tool_calls\": [{\"name\": \"lookup_ticket\", \"args\": "
                    + "{\"ticket_id\": \"T-7\"}}, {\"name\": \"lookup_ticket\", \"args\": {\"ticket_id\": \"T-8\"}}]}";
            firefox.eval("document.querySelector(\"textarea[id$='-triage_agent']\").value = "
                    + Json.writeString(input));
            firefox.eval("[...document.querySelectorAll('button')].find(b => b.textContent.trim() === "
                    + "'Run triage_agent').click()");
            firefox.await("location.pathname.startsWith('/console/runs/run-')");
            watchedRun = firefox.text("location.pathname.split('/').pop()");
            firefox.await("(document.querySelector(\"#timeline li[data-kind='tool'] .badge\") || {}).textContent"
                    + " === 'running'");
            assertThat(firefox.text("document.getElementById('run-status').textContent")).isEqualTo("running");
            waitLive();
            firefox.eval("window.__sameDocument = true");
            fx.releaseTools();
            firefox.await("document.getElementById('run-status').textContent === 'completed'");
        } finally {
            fx.releaseTools();
        }
        assertThat(firefox.eval("window.__sameDocument === true")).as("updated without a reload").isEqualTo(true);
        assertThat(statusOfTool("lookup_ticket")).isEqualTo("ok");
        assertThat(firefox.eval("[...document.querySelectorAll('#timeline li[data-kind]')].map(li => "
                + "li.dataset.kind + ':' + li.dataset.name)")).isEqualTo(List.of("step:Run started",
                        "step:Prompt built", "model:Model turn 1", "tool:lookup_ticket", "tool:lookup_ticket",
                        "model:Model turn 2", "step:Run completed"));
        String timeline = firefox.text("document.getElementById('timeline').innerText");
        assertThat(timeline).contains("Asked for 2 tool calls: lookup_ticket, lookup_ticket",
                "Answered without tool calls.", "\"ticket_id\": \"T-7\"", "\"ticket_id\": \"T-8\"",
                "\"status\": \"open\"");
        assertThat(main()).contains("API (poll)", "Triage this ticket:", "[triage_agent] help", "run.tool.completed");
        firefox.screenshot("run");
    }

    @Test
    @Order(3)
    void logsFollowPauseAndResume() {
        open("/console/logs");
        waitLive();
        String first = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input", Map.of())).at("run_id");
        firefox.await("document.querySelector(\"#log-rows tr[data-run-id='" + first
                + "'][data-event='run.completed']\")");
        click("#pause");
        assertThat(firefox.text("document.getElementById('pause').getAttribute('aria-pressed')")).isEqualTo("true");
        String held = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input", Map.of())).at("run_id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(fx.get("/console/api/runs/" + held).at("run", "status")));
        int rows = Json.maps(fx.get("/console/api/logs?run=" + held).at("logs")).size();
        firefox.await("document.getElementById('held').textContent.includes('" + rows + " new rows held')");
        assertThat(number("document.querySelectorAll(\"#log-rows tr[data-run-id='" + held + "']\").length"))
                .isZero();
        click("#pause");
        assertThat(number("document.querySelectorAll(\"#log-rows tr[data-run-id='" + held + "']\").length"))
                .isEqualTo(rows);
        firefox.screenshot("logs");
    }

    @Test
    @Order(4)
    void keyboardReachesTheNavigationAndTwoHundredPercentZoomDoesNotScrollSideways() {
        open("/console/runs");
        firefox.press("\uE004");
        assertThat(firefox.text("document.activeElement.textContent.trim()")).isEqualTo("Skip to content");
        firefox.press("\uE004", "\uE004");
        assertThat(firefox.text("document.activeElement.textContent.trim()")).isEqualTo("Apps");
        firefox.press("\uE007");
        firefox.await("location.pathname === '/console/apps' && document.querySelector('h1')"
                + " && document.querySelector('h1').textContent === 'Apps'");
        // a 1280-pixel-wide window at 200% zoom: 640 CSS pixels at two device pixels each
        firefox.viewport(640, 900, 2);
        try {
            for (String page : List.of("/console/apps", "/console/runs/" + watchedRun, "/console/logs")) {
                open(page);
                assertThat(number("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .as(page).isLessThanOrEqualTo(0);
                assertThat(number("window.devicePixelRatio")).isEqualTo(2);
            }
            open("/console/runs/" + watchedRun);
            firefox.screenshot("run-zoom-200");
        } finally {
            firefox.viewport(1280, 1000, 1);
        }
    }

    @Test
    @Order(5)
    void theAppsPageShowsANewAppAndAnUpdateWithoutAReload() {
        open("/console/apps");
        waitLive();
        firefox.eval("window.__sameDocument = true");
        String cp = fx.server.apiKey();
        var created = call(fx.base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("second-desk",
                null, null));
        assertThat(created.status()).isEqualTo(201);
        firefox.await("document.getElementById('main').innerText.includes('second-desk')");
        assertThat(call(fx.base, HttpMethod.PATCH, "/apps/" + fx.appId, bearer(cp), Json.obj("name",
                "Ticket triage, renamed")).status()).isEqualTo(200);
        firefox.await("document.getElementById('app-" + fx.appId + "').textContent.includes('Ticket triage, renamed')");
        assertThat(firefox.eval("window.__sameDocument === true")).isEqualTo(true);
        assertThat(number("document.querySelectorAll('#apps-list > article.app').length")).isEqualTo(2);
    }
}
