package so.ara.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import so.ara.annotation.AraAgent;
import so.ara.annotation.AraTool;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.manifest.AppManifest;
import tools.jackson.databind.JsonNode;

import so.ara.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded CLI end to end: {@code new SpringApplication(TestApp.class).run("ara", ...)} through the real Spring Boot
 * path (run listener, CLI property source, runner, exit step), against a real ara-local over HTTP.
 */
class AraCliIntegrationTests {

    static AraLocalServer server;

    static final AtomicInteger slugs = new AtomicInteger();

    @TempDir
    Path home;

    @TempDir
    Path workingDir;

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String slug() {
        return "cli-app-" + slugs.incrementAndGet();
    }

    /** Callback properties while {@link #withRunningApp} serves the app's Java methods; empty otherwise. */
    private Map<String, Object> runningApp = Map.of();

    Result cli(String slug, String... args) {
        return cli(slug, server, this.runningApp, args);
    }

    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} while the app serves its callback routes on a real port, as Ara's runtime needs to build the
     * prompt of the app's Java agent method: without it such a run fails in Python (as it would on Ara).
     */
    void withRunningApp(String slug, Body body) {
        AraCliRunsTests.withRunningApp(slug, baseUrl -> {
            this.runningApp = Map.of("ara.callback.base-url", baseUrl, "ara.callback.secret",
                    AraCliRunsTests.CALLBACK_SECRET);
            try {
                body.run();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            finally {
                this.runningApp = Map.of();
            }
        });
    }

    Result cli(String slug, AraLocalServer target, Map<String, Object> extra, String... args) {
        return CliHarness.runAgainst(target, slug, this.home, this.workingDir, extra, args);
    }

    Result deploy(String slug, String... flags) {
        List<String> args = new ArrayList<>(List.of("deploy"));
        args.addAll(List.of(flags));
        Result result = cli(slug, args.toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }

    @Test
    void cliModeStartsWithoutWebServerAndPrintsTheManifest() {
        Result result = cli("cli-manifest", "manifest");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.context().isActive()).isFalse();
        assertThat(result.context()).isNotInstanceOf(
                org.springframework.boot.web.server.context.WebServerApplicationContext.class);
        AppManifest manifest = manifestOf("cli-manifest");
        assertThat(result.json()).isEqualTo(AraJson.mapper().valueToTree(manifest));
        assertThat(result.out()).startsWith("{\n  \"").endsWith("}" + System.lineSeparator());
    }

    static AppManifest manifestOf(String slug) {
        SpringApplication app = new SpringApplication(TestApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("ara.project-name", slug, "spring.main.banner-mode", "off"));
        try (ConfigurableApplicationContext context = app.run()) {
            return context.getBean(AppManifest.class);
        }
    }

    @Test
    void deployThenRun() {
        String slug = slug();
        withRunningApp(slug, () -> {
            Result deployed = deploy(slug, "--warm", "true", "--rpm", "40");
            JsonNode json = deployed.json();
            assertThat(json.get("ok").asBoolean()).isTrue();
            assertThat(json.get("slug").asString()).isEqualTo(slug);
            assertThat(json.get("runtime_key_created").asBoolean()).isTrue();
            assertThat(json.get("runtime_key").asString()).isNotBlank();
            assertThat(json.get("warmup_run_id").asString()).isNotBlank();
            assertThat(json.propertyNames()).containsExactly("ok", "slug", "runtime_key_created", "runtime_key",
                "warmup_run_id");
            assertThat(deployed.err()).isEmpty();

            Result up = cli(slug, "up", "--on-existing", "update");
            assertThat(up.code()).isZero();
            assertThat(up.json().get("warmup_run_id").isNull()).isTrue();

            Result exists = cli(slug, "deploy", "--on-existing", "error");
            assertThat(exists.code()).isEqualTo(1);
            assertThat(exists.err()).startsWith("Project '" + slug + "' already exists for this account (app_id=");

            Result run = cli(slug, "run", "--agent", "triage_agent", "--message", "hello", "--input", "ticket=T-1",
                "--runtime-key", json.get("runtime_key").asString());
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode answer = run.json();
            assertThat(answer.toString()).contains("run_id");
            assertThat(run.err()).isEmpty();
        });
    }

    @Test
    void deploySyncsRuntimeSecretsWithoutPrintingThem() throws Exception {
        String slug = slug();
        Result deployed = cli(slug, server, Map.of("ara.runtime.secrets[0].values.CRM_TOKEN", "t0ps3cret",
                "ara.runtime.secrets[1].name", "provider-keys"), "deploy");
        assertThat(deployed.code()).as(deployed.err()).isZero();
        assertThat(deployed.out()).doesNotContain("t0ps3cret");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonNode apps = AraJson.mapper().readTree(http.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.baseUrl() + "/apps"))
                .header("Authorization", "Bearer " + server.apiKey()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        String appId = null;
        for (JsonNode app : apps.get("apps")) {
            if (slug.equals(app.get("slug").asString())) {
                appId = app.get("id").asString();
            }
        }
        String secrets = http.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.baseUrl() + "/apps/" + appId + "/secrets"))
                .header("Authorization", "Bearer " + server.apiKey()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(secrets).contains("sdk-dict-").doesNotContain("t0ps3cret");
    }

    @Test
    void runWithInputJsonFile(@TempDir Path dir) throws Exception {
        String slug = slug();
        withRunningApp(slug, () -> {
            deploy(slug);
            Path file = dir.resolve("input.json");
            Files.writeString(file, "{\"ticket\":\"T-9\",\"run_id\":\"run-fixed-1\"}");
            Result run = cli(slug, "run", "--input-json", "@" + file);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("run-fixed-1");
        });

        Result missing = cli(slug, "run", "--input-json", "@" + dir.resolve("nope.json"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("--input-json file not found: " + dir.resolve("nope.json"));

        Result array = cli(slug, "run", "--input-json", "[1]");
        assertThat(array.err().strip()).isEqualTo("--input-json must decode to a JSON object");
        Result invalid = cli(slug, "run", "--input-json", "{nope");
        assertThat(invalid.err().strip()).isEqualTo("--input-json must be valid JSON");
    }

    @Test
    void runAsyncThenRunStatus() throws Exception {
        String slug = slug();
        withRunningApp(slug, () -> {
            deploy(slug);
            Result started = cli(slug, "run-async", "--agent", "triage_agent", "--message", "later", "--run-id",
                "run-cli-async-1", "--idempotency-key", "idem-1");
            assertThat(started.code()).as(started.err()).isZero();
            assertThat(started.out()).contains("run-cli-async-1");

            AtomicReference<Result> last = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Result polled = cli(slug, "run-status", "--run-id", "run-cli-async-1");
            assertThat(polled.code()).as(polled.err()).isZero();
            last.set(polled);
            return polled.json().path("status").asString("").equals("completed");
        });
        Result status = last.get();
        assertThat(status.out()).contains("run-cli-async-1").contains("\"completed\"");
        });

        Result webhook = cli(slug, "run-async", "--response-mode", "webhook");
        assertThat(webhook.code()).isEqualTo(1);
        assertThat(webhook.err().strip()).isEqualTo("run-async with --response-mode webhook requires --callback-url");

        Result badMode = cli(slug, "run-async", "--response-mode", "push");
        assertThat(badMode.code()).isEqualTo(2);
        assertThat(badMode.err().strip().lines()).hasSize(1);
    }

    @Test
    void missingRunIdIsAUsageError() {
        Result result = cli(slug(), "run-status");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("run-status requires --run-id");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownFlagIsOneLineAndExitCodeTwo() {
        Result result = cli(slug(), "deploy", "--no-such-flag");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("--no-such-flag");
        Result command = cli(slug(), "frobnicate");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err().strip().lines()).hasSize(1);
        assertThat(command.err()).startsWith("ara: invalid choice: 'frobnicate' (choose from 'help', 'deploy', 'up',");
        Result runtime = cli(slug(), "runtime", "nope");
        assertThat(runtime.err()).startsWith("ara runtime: invalid choice: 'nope'");
    }

    @Test
    void controlPlaneErrorIsExitOneWithoutStackTrace() {
        Result result = cli(slug(), server, Map.of("ara.api-key", "wrong-key"), "setup");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("GET /apps failed (401). Response body hidden by default; set "
                + "ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.");
        assertThat(result.out()).isEmpty();

        Result debug = cli(slug(), server, Map.of("ara.api-key", "wrong-key"), "setup", "--debug");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err()).contains("GET /apps failed (401)").contains("\tat ");

        Result notDeployed = cli(slug(), "setup");
        assertThat(notDeployed.code()).isEqualTo(1);
        assertThat(notDeployed.err().strip()).matches("App 'cli-app-\\d+' not found\\. Deploy first\\.");
    }

    @Test
    void eventsSetupSetupAuthInvite() {
        String slug = slug();
        deploy(slug);
        Result event = cli(slug, "events", "--event-type", "ticket.created", "--message", "new ticket", "--input",
                "ticket=T-2", "--metadata", "origin=cli", "--idempotency-key", "evt-1");
        assertThat(event.code()).as(event.err()).isZero();
        assertThat(event.json().isObject()).isTrue();

        Result setup = cli(slug, "setup");
        assertThat(setup.code()).as(setup.err()).isZero();
        assertThat(setup.json().isObject()).isTrue();

        Result auth = cli(slug, "setup-auth", "--x-key-name", "demo-x", "--x-key-rpm", "55");
        assertThat(auth.code()).as(auth.err()).isZero();
        JsonNode json = auth.json();
        assertThat(json.propertyNames()).containsExactly("app_id", "slug", "runtime_key_present",
                "runtime_key_created", "runtime_key", "app_header_key_present", "app_header_key_created",
                "app_header_key_id", "app_header_key_prefix", "app_header_key");
        assertThat(json.get("app_header_key_created").asBoolean()).isTrue();
        assertThat(json.get("runtime_key_created").asBoolean()).isTrue();

        Result withHeaderKey = cli(slug, "run-async", "--app-header-key", json.get("app_header_key").asString());
        assertThat(withHeaderKey.code()).as(withHeaderKey.err()).isZero();

        Result invite = cli(slug, "invite", "--email", "ops@example.com", "--role", "operator", "--expires-hours", "24");
        assertThat(invite.code()).as(invite.err()).isZero();
        assertThat(invite.out()).contains("ops@example.com");

        Result noEmail = cli(slug, "invite");
        assertThat(noEmail.code()).isEqualTo(2);
        assertThat(noEmail.err().strip()).isEqualTo("invite requires --email");
    }

    @Test
    void logsStreamToAFileUntilCancelled(@TempDir Path dir) throws Exception {
        String slug = slug();
        withRunningApp(slug, () -> {
            String key = deploy(slug).json().get("runtime_key").asString();
            Path file = dir.resolve("ara.log");
            AtomicReference<Result> logs = new AtomicReference<>();
            Thread tail = new Thread(() -> logs.set(cli(slug, "logs", "--log-file", file.toString(), "--runtime-key", key)));
            tail.start();
            // logs are live: runs are started until one's lines, from run.started on, reach the file (the stream may connect
            // after a run started)
            AtomicInteger attempt = new AtomicInteger();
            AtomicReference<String> reached = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String candidate = "run-cli-logs-" + attempt.incrementAndGet();
                Result run = cli(slug, "run-async", "--run-id", candidate, "--runtime-key", key);
                assertThat(run.code()).as(run.err()).isZero();
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                            .until(() -> Files.exists(file)
                                    && Files.readString(file).matches("(?s).*run=" + candidate
                                    + " event=run\\.started .*run=" + candidate + " event=run\\.completed .*"));
                    reached.set(candidate);
                    return true;
                }
                catch (org.awaitility.core.ConditionTimeoutException ex) {
                    return false;
                }
        });
        String runId = reached.get();
        assertThat(runId).as("a run's lines reached the log file").isNotNull();
        tail.interrupt();
        tail.join(20_000);
        assertThat(tail.isAlive()).isFalse();
        Result result = logs.get();
        assertThat(result.code()).isZero();
        List<String> lines = Files.readAllLines(file).stream().filter(line -> line.contains("run=" + "run-cli-logs"))
                .toList();
        Pattern format = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+ [A-Z]+ run=run-cli-logs-\\d+ event=run\\.[\\w.]+ .+");
        assertThat(lines).isNotEmpty().allMatch(line -> format.matcher(line).matches());
        String finalRunId = runId;
        assertThat(lines).anyMatch(line -> line.matches("\\S+ INFO run=" + finalRunId + " event=run\\.started Run started"));
        assertThat(lines).anyMatch(line -> line.matches("\\S+ [A-Z]+ run=" + finalRunId + " event=run\\.completed Run completed"));
        assertThat(result.out()).containsPattern("run=" + finalRunId + " event=run\\.completed ");
        });
    }

    @Test
    void authLoginWithApiKeyWhoamiLogout() throws Exception {
        Result login = cli(slug(), server, Map.of("ara.api-key", ""), "auth", "login", "--api-key", server.apiKey(),
                "--api-base-url", server.baseUrl());
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.err()).isEmpty();
        Path creds = this.home.resolve(".ara").resolve("credentials.json");
        JsonNode out = login.json();
        assertThat(out.propertyNames()).containsExactly("ok", "status", "auth_type", "api_base_url", "user",
                "credentials_path");
        assertThat(out.get("status").asString()).isEqualTo("logged_in");
        assertThat(out.get("user").get("email").asString()).isEqualTo("local@ara.localhost");
        assertThat(out.get("credentials_path").asString()).isEqualTo(creds.toString());
        String content = Files.readString(creds);
        assertThat(content).matches("\\{\n  \"auth_type\": \"cli_api_key\",\n  \"api_base_url\": \""
                + Pattern.quote(server.baseUrl()) + "\",\n  \"api_key\": \"" + Pattern.quote(server.apiKey())
                + "\",\n  \"updated_at\": \"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00\"\n}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds.getParent())))
                .isEqualTo("rwx------");

        // no ara.api-key / ara.api-base-url: the credentials file is used
        Map<String, Object> fromFile = Map.of("ara.api-key", "", "ara.api-base-url", "");
        Result whoami = cli(slug(), server, fromFile, "auth", "whoami");
        assertThat(whoami.code()).as(whoami.err()).isZero();
        assertThat(whoami.json().get("user").get("id").asString()).isEqualTo("user_local");
        assertThat(whoami.json().get("auth_source").asString()).isEqualTo("cli_api_key");

        String slug = slug();
        Result deployed = cli(slug, server, fromFile, "deploy");
        assertThat(deployed.code()).as(deployed.err()).isZero();

        Result logout = cli(slug(), server, fromFile, "auth", "logout");
        assertThat(logout.code()).isZero();
        assertThat(logout.out()).isEqualTo("{\n  \"ok\": true,\n  \"status\": \"logged_out\"\n}" + System.lineSeparator());
        assertThat(creds).doesNotExist();

        Result loggedOut = cli(slug(), server, fromFile, "auth", "whoami");
        assertThat(loggedOut.code()).isEqualTo(1);
        assertThat(loggedOut.err().strip()).isEqualTo("ara auth: not logged in. Run `ara auth login` or set ARA_API_KEY.");
    }

    @Test
    void authLoginWarnsWhenTheKeyCannotBeVerified() {
        Result login = cli(slug(), server, Map.of("ara.api-key", ""), "auth", "login", "--api-key", "bogus",
                "--api-base-url", server.baseUrl());
        assertThat(login.code()).isZero();
        assertThat(login.err().strip())
                .isEqualTo("Warning: could not verify API key against server; stored locally anyway.");
        assertThat(login.json().get("user").isNull()).isTrue();
    }

    @Test
    void authRotateUpdatesTheCredentialsFile() throws Exception {
        try (AraLocalServer own = AraLocalServer.start(AraLocalSettings.defaults().withScheduleTick(null))) {
            Map<String, Object> fromFile = Map.of("ara.api-key", "", "ara.api-base-url", "");
            String oldKey = own.apiKey();
            assertThat(cli(slug(), own, fromFile, "auth", "login", "--api-key", oldKey, "--api-base-url",
                    own.baseUrl()).code()).isZero();
            Result rotate = cli(slug(), own, fromFile, "auth", "rotate");
            assertThat(rotate.code()).as(rotate.err()).isZero();
            JsonNode out = rotate.json();
            assertThat(out.get("status").asString()).isEqualTo("rotated");
            assertThat(out.get("credentials_updated").asBoolean()).isTrue();
            assertThat(rotate.out()).doesNotContain(oldKey);
            String stored = AraJson.mapper().readTree(Files.readString(this.home.resolve(".ara/credentials.json")))
                    .get("api_key").asString();
            assertThat(stored).isNotEqualTo(oldKey).startsWith(out.get("key_prefix").asString());
            Result whoami = cli(slug(), own, fromFile, "auth", "whoami");
            assertThat(whoami.code()).as(whoami.err()).isZero();
        }
    }

    @Test
    void runtimeAndSessionCommands() {
        String slug = slug();
        Result start = cli(slug, "start");
        assertThat(start.code()).as(start.err()).isZero();
        assertThat(start.json().isObject()).isTrue();
        Result status = cli(slug, "runtime", "session", "status");
        assertThat(status.code()).as(status.err()).isZero();
        String session = status.json().path("session_id").asString("");
        if (session.isEmpty()) {
            session = start.json().path("session_id").asString("sess_local");
        }
        assertThat(cli(slug, "status").code()).isZero();
        Result capabilities = cli(slug, "runtime", "capabilities", "--session", session);
        assertThat(capabilities.code()).as(capabilities.err()).isZero();
        assertThat(cli(slug, "runtime", "skills", "list", "--session", session).code()).isZero();
        assertThat(cli(slug, "runtime", "tools", "list", "--session", session, "--kind", "builtin").code()).isZero();
        assertThat(cli(slug, "runtime", "control", "actions", "--session", session).code()).isZero();
        Result noTool = cli(slug, "runtime", "tools", "execute", "--session", session);
        assertThat(noTool.code()).isEqualTo(1);
        assertThat(noTool.err().strip()).isEqualTo("ara runtime: tools execute requires --tool");
        Result noAction = cli(slug, "runtime", "control", "call", "--session", session);
        assertThat(noAction.err().strip()).isEqualTo("ara runtime: control call requires --action");
        Result noSession = cli(slug, "runtime", "skills", "list");
        assertThat(noSession.code()).isEqualTo(2);
        Result stop = cli(slug, "stop");
        assertThat(stop.code()).as(stop.err()).isZero();
        Result runtimeStop = cli(slug, "runtime", "session", "stop");
        assertThat(runtimeStop.code()).isZero();
        Result noCredentials = cli(slug, server, Map.of("ara.api-key", ""), "runtime", "session", "status");
        assertThat(noCredentials.code()).isEqualTo(1);
        assertThat(noCredentials.err().strip())
                .isEqualTo("ara runtime: No credentials found. Set ARA_API_KEY or run `ara auth login`.");
    }

    @Test
    void helpForEveryCommand() {
        for (String[] command : new String[][] { {}, { "deploy" }, { "up" }, { "run" }, { "run-async" },
                { "run-status" }, { "events" }, { "logs" }, { "setup" }, { "setup-auth" }, { "invite" },
                { "manifest" }, { "auth" }, { "auth", "login" }, { "auth", "whoami" }, { "auth", "rotate" },
                { "auth", "logout" }, { "runtime" }, { "runtime", "session", "start" }, { "runtime", "tools" },
                { "start" }, { "status" }, { "stop" }, { "connect" }, { "ssh-proxy" } }) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            Result result = cli("cli-help", args.toArray(String[]::new));
            assertThat(result.code()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).startsWith("Usage: ara");
        }
        assertThat(cli("cli-help", "status", "--help").out()).contains("Inferred");
        assertThat(cli("cli-help", "ssh-proxy", "--help").out()).contains("Inferred");
        Result bare = cli("cli-help");
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).startsWith("Usage: ara");
        assertThat(cli("cli-help", "auth").out()).startsWith("Usage: ara auth");
        Result help = cli("cli-help", "help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: ara").contains("deploy, up").contains("run-async").contains("logs");
        assertThat(cli("cli-help", "help", "invite").out()).startsWith("Usage: ara invite");
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(AraManifestAutoConfiguration.class)
    static class TestApp {

        @Bean
        Desk desk() {
            return new Desk();
        }
    }

    @SuppressWarnings("checkstyle:MethodName")
    static class Desk {

        @AraTool(description = "Fetch one ticket by id.")
        public Map<String, Object> lookup_ticket(String ticket_id) {
            return Map.of("id", ticket_id);
        }

        @AraAgent(entrypoint = true, skills = "lookup_ticket", instructions = "Triage incoming support tickets.")
        public String triage_agent(Map<String, Object> input) {
            return "Triage the ticket.";
        }
    }
}
