package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against a real ara-local: the reference app's agents and tools, running an
 * agent with a {@code tool_calls} input and watching it complete live, rerun, events, logs, schedules. Screenshots of
 * each page land in {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static ConsoleFixture fx;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static String watchedRun;

    @BeforeAll
    static void start(@TempDir Path profile) {
        String reason = ConsoleBrowser.unavailableReason();
        assumeTrue(reason == null, reason);
        // tool answers are held back while the test watches a run; the bridge must wait for them
        fx = new ConsoleFixture(LocalTestSupport.testSettings().withCallbackTimeout(Duration.ofSeconds(60)));
        browser = ConsoleBrowser.start(profile, 1280, 1000);
        // generous: the whole class takes well under a minute on an idle machine, far longer on a loaded one
        wait = new WebDriverWait(browser, Duration.ofSeconds(45), Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static String main() {
        return browser.findElement(By.id("main")).getText();
    }

    private static void open(String path) {
        browser.get(fx.base + path);
        wait.until(d -> !main().startsWith("Loading"));
    }

    private static void waitLive() {
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
    }

    /** A page that reloaded loses this marker: checks that updates arrived without a reload. */
    private static void markPage() {
        browser.executeScript("window.__sameDocument = true;");
    }

    private static boolean samePage() {
        return Boolean.TRUE.equals(browser.executeScript("return window.__sameDocument === true;"));
    }

    private static String statusOfTool(String name) {
        return browser.findElement(By.cssSelector("#timeline li[data-kind='tool'][data-name='" + name + "'] .badge"))
                .getText();
    }

    @Test
    @Order(1)
    void theTokenUrlOpensTheAppsPageWithAgentsToolsSchedulesAndEndpoints() {
        browser.get(fx.server.consoleUrl());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Apps"));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=").endsWith("/console");
        String text = main();
        assertThat(text).contains("triage_agent", "Triage incoming support tickets.", "lookup_ticket",
                "Fetch one ticket by id.", "ticket_id", "weekday-digest", "0 9 * * 1-5", "Europe/Paris", "hmac",
                "/v1/apps/ticket-triage/endpoints/triage-agent");
        WebElement input = browser.findElement(By.cssSelector("textarea[id$='-triage_agent']"));
        assertThat(input.getAttribute("value")).contains("\"tool_calls\"", "\"lookup_ticket\"", "\"ticket_id\"");
        WebElement copy = browser.findElement(By.cssSelector("button[aria-label='Copy a curl command for endpoint "
                + "triage-agent']"));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "curl"));
        ConsoleBrowser.screenshot(browser, "apps");
    }

    @Test
    @Order(2)
    void runningAnAgentWithToolCallsShowsItRunningThenCompletedLive() {
        fx.holdTools();
        try {
            watchRunLive();
        } finally {
            fx.releaseTools();
        }
        ConsoleBrowser.screenshot(browser, "run");
    }

    private static void watchRunLive() {
        open("/console/apps");
        WebElement input = browser.findElement(By.cssSelector("textarea[id$='-triage_agent']"));
        input.clear();
        input.sendKeys("{\"message\": \"help\", \"tool_calls\": [{\"name\": \"lookup_ticket\", "
                + "\"args\": {\"ticket_id\": \"T-7\"}}, {\"name\": \"lookup_ticket\", \"args\": {\"ticket_id\": \"T-8\"}}]}");
        browser.findElement(By.xpath("//button[normalize-space()='Run triage_agent']")).click();
        wait.until(ExpectedConditions.urlContains("/console/runs/run-"));
        watchedRun = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        wait.until(d -> "running".equals(statusOfTool("lookup_ticket")));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("running");
        waitLive();
        markPage();
        fx.releaseTools();
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "completed"));
        assertThat(samePage()).as("updated without a reload").isTrue();
        assertThat(statusOfTool("lookup_ticket")).isEqualTo("ok");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("Prompt built", "Model turn", "lookup_ticket", "\"ticket_id\": \"T-7\"",
                "\"status\": \"open\"", "Run completed");
        assertThat(main()).contains("API (poll)", "Triage this ticket:", "[triage_agent] help",
                "run.tool.completed");
        // each model turn and each tool call is its own row: turn 1 asks for both calls, turn 2 answers
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-kind]"))).extracting(
                e -> e.getAttribute("data-kind") + ":" + e.getAttribute("data-name")).containsSubsequence(
                        "model:Model turn 1", "tool:lookup_ticket", "tool:lookup_ticket", "model:Model turn 2");
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-kind='model']"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-kind='tool']"))).hasSize(2);
        assertThat(timeline).contains("Asked for 2 tool calls: lookup_ticket, lookup_ticket",
                "Answered without tool calls.", "\"ticket_id\": \"T-8\"");
    }

    @Test
    @Order(3)
    void rerunStartsTheSameInputAgain() {
        open("/console/runs/" + watchedRun);
        browser.findElement(By.id("rerun")).click();
        wait.until(d -> d.getCurrentUrl().contains("/console/runs/run-") && !d.getCurrentUrl().endsWith(watchedRun));
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "completed"));
        assertThat(main()).contains("\"ticket_id\": \"T-7\"");
    }

    @Test
    @Order(4)
    void theRunsListShowsNewRunsLiveNewestFirst() {
        open("/console/runs");
        waitLive();
        markPage();
        String runId = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input", Map.of("message",
                "from elsewhere"))).at("run_id");
        By row = By.cssSelector("tr[data-run-id='" + runId + "'][data-status='completed']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(samePage()).isTrue();
        List<WebElement> rows = browser.findElements(By.cssSelector("tbody tr[data-run-id]"));
        assertThat(rows.get(0).getAttribute("data-run-id")).isEqualTo(runId);
        ConsoleBrowser.screenshot(browser, "runs");
        open("/console/runs?agent=nobody");
        assertThat(browser.findElements(By.cssSelector("tbody tr[data-run-id]"))).isEmpty();
        assertThat(main()).contains("No runs match.");
    }

    @Test
    @Order(5)
    void sendingAnEventListsItWithItsMetadata() {
        open("/console/events");
        waitLive();
        browser.findElement(By.id("e-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "sent"));
        By row = By.cssSelector("#events-list tr[data-event-id^='evt_']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "completed"));
        assertThat(browser.findElement(row).getText()).contains("ticket.created", "\"priority\": \"high\"",
                "\"ticket_id\": \"T-1\"");
        ConsoleBrowser.screenshot(browser, "events");
    }

    @Test
    @Order(6)
    void logsFollowPauseAndResume() {
        open("/console/logs");
        waitLive();
        String first = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input", Map.of())).at("run_id");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log-rows tr[data-run-id='" + first
                + "'][data-event='run.completed']")));
        browser.findElement(By.id("pause")).click();
        assertThat(browser.findElement(By.id("pause")).getAttribute("aria-pressed")).isEqualTo("true");
        String held = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input", Map.of())).at("run_id");
        wait.until(d -> "completed".equals(fx.get("/console/api/runs/" + held).at("run", "status")));
        int rows = Json.maps(fx.get("/console/api/logs?run=" + held).at("logs")).size();
        assertThat(rows).isGreaterThanOrEqualTo(3); // started, prompt built, completed
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held"), rows + " new rows held"));
        assertThat(browser.findElements(By.cssSelector("#log-rows tr[data-run-id='" + held + "']"))).isEmpty();
        browser.findElement(By.id("pause")).click();
        assertThat(browser.findElements(By.cssSelector("#log-rows tr[data-run-id='" + held + "']"))).hasSize(rows);
        ConsoleBrowser.screenshot(browser, "logs");
        String failed = fx.post("/console/api/apps/" + fx.appId + "/runs", Map.of("input",
                ConsoleFixture.failingToolInput())).at("run_id");
        open("/console/logs?level=error&run=" + failed);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log-rows tr[data-event='run.failed']")));
        assertThat(browser.findElements(By.cssSelector("#log-rows tr"))).allMatch(r -> r.getAttribute("class")
                .equals("level-error"));
    }

    @Test
    @Order(7)
    void firingAScheduleFromTheAppsPageStartsItsRun() {
        open("/console/apps");
        browser.findElement(By.cssSelector("button[aria-label='Fire schedule weekday-digest now']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "weekday-digest fired"));
        browser.findElement(By.linkText("See its run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[td[normalize-space()='schedule']]")));
    }

    @Test
    @Order(8)
    void keyboardReachesTheNavigationAndNarrowWindowsDoNotScrollSideways() {
        open("/console/runs");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Apps");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Apps"));
        // 640 CSS pixels wide is a 1280-pixel window at 200% zoom
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(640, 900));
        for (String page : List.of("/console/apps", "/console/runs/" + watchedRun, "/console/logs")) {
            open(page);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
        }
        open("/console/runs/" + watchedRun);
        ConsoleBrowser.screenshot(browser, "run-narrow");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    @Order(9)
    void theAppsPageShowsANewAppAndAnUpdateWithoutAReload() {
        open("/console/apps");
        waitLive();
        WebElement input = browser.findElement(By.cssSelector("textarea[id$='-triage_agent']"));
        input.clear();
        input.sendKeys("{\"message\": \"kept\"}");
        markPage();
        String cp = fx.server.apiKey();
        assertThat(LocalTestSupport.call(fx.base, org.springframework.http.HttpMethod.POST, "/apps",
                LocalTestSupport.bearer(cp), LocalTestSupport.manifest("second-desk", null, null)).status())
                .isEqualTo(201);
        wait.until(d -> main().contains("second-desk"));
        assertThat(browser.findElements(By.cssSelector("#apps-list > article.app"))).hasSize(2);
        // an app that did not change keeps its state: the edited input survives the other app's arrival
        assertThat(browser.findElement(By.id(input.getAttribute("id"))).getAttribute("value"))
                .isEqualTo("{\"message\": \"kept\"}");
        assertThat(LocalTestSupport.call(fx.base, org.springframework.http.HttpMethod.PATCH, "/apps/" + fx.appId,
                LocalTestSupport.bearer(cp), Json.obj("name", "Ticket triage, renamed")).status()).isEqualTo(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app-" + fx.appId),
                "Ticket triage, renamed"));
        assertThat(samePage()).as("updated without a reload").isTrue();
        ConsoleBrowser.screenshot(browser, "apps-live");
    }
}
