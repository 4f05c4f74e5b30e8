package so.ara.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;

import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.callback.AraCallbackSecret;
import so.ara.credentials.AraCredentials;
import so.ara.autoconfigure.callback.AraCallbackAutoConfiguration;
import so.ara.cli.CliHarness.Result;
import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ara deploy} and the runtime commands against a real ara-local: the callback secret reaches Ara so a Java
 * tool of a running application answers a run, runtime keys are cached in {@code .runtime-keys.local} and reused,
 * and a failed run is exit code 1.
 */
class AraCliRunsTests {

    static final String CALLBACK_SECRET = "cli-callback-secret-0123456789abcdef";

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
        return "cli-runs-" + slugs.incrementAndGet();
    }

    Result cli(String slug, Path workingDir, Map<String, Object> extra, String... args) {
        return CliHarness.runAgainst(server, slug, this.home, workingDir, extra, args);
    }

    Result cli(String slug, String... args) {
        return cli(slug, this.workingDir, Map.of(), args);
    }

    static Result ok(Result result) {
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }

    int runtimeKeysOf(String slug) {
        return ok(cli(slug, "setup")).json().get("runtime_keys").asInt();
    }

    /** The test application with its manifest and callback routes on WebFlux. */
    private static ReactiveWebApplicationContextRunner callbackApp() {
        return new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                        AraCallbackAutoConfiguration.class, WebFluxAutoConfiguration.class,
                        HttpHandlerAutoConfiguration.class, JacksonAutoConfiguration.class,
                        CodecsAutoConfiguration.class))
                .withUserConfiguration(AraCliIntegrationTests.TestApp.class);
    }

    /** The same application, serving its callback routes on a real port, while the CLI commands run. */
    static void withRunningApp(String slug, Consumer<String> baseUrl) {
        callbackApp()
                .withPropertyValues("ara.project-name=" + slug, "ara.callback.secret=" + CALLBACK_SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DisposableServer http = HttpServer.create().host("127.0.0.1").port(0)
                            .handle(new ReactorHttpHandlerAdapter(context.getBean(HttpHandler.class))).bindNow();
                    try {
                        baseUrl.accept("http://127.0.0.1:" + http.port());
                    }
                    finally {
                        http.disposeNow();
                    }
                });
    }

    interface Served {
        void run(Map<String, Object> callback) throws Exception;
    }

    /**
     * Runs {@code body} while the app serves its Java callbacks, with the properties that make a deploy point Ara's
     * runtime at them: the app's agent builds its prompt in Java, so without them every run fails in Python.
     */
    static void served(String slug, Served body) {
        withRunningApp(slug, baseUrl -> {
            try {
                body.run(Map.of("ara.callback.base-url", baseUrl, "ara.callback.secret", CALLBACK_SECRET));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    @Test
    void deployThenRunAJavaToolThroughTheCallbackOfTheRunningApp() {
        String slug = slug();
        withRunningApp(slug, baseUrl -> {
            Map<String, Object> callback = Map.of("ara.callback.base-url", baseUrl, "ara.callback.secret",
                    CALLBACK_SECRET);
            ok(cli(slug, this.workingDir, callback, "deploy"));
            Result run = cli(slug, this.workingDir, Map.of(), "run", "--agent", "triage_agent", "--input-json",
                    "{\"message\": \"printer\", \"tool_calls\": [{\"name\": \"lookup_ticket\", "
                            + "\"args\": {\"ticket_id\": \"T-7\"}}]}");
            assertThat(run.code()).as(run.out() + run.err()).isZero();
            JsonNode answer = run.json();
            assertThat(answer.get("status").asString()).isEqualTo("completed");
            JsonNode call = answer.get("output").get("tool_calls").get(0);
            assertThat(call.get("name").asString()).isEqualTo("lookup_ticket");
            assertThat(call.get("result").get("id").asString()).as("answered by the Java method").isEqualTo("T-7");
        });
    }

    @Test
    void deployWithoutACallbackSecretSyncsTheOneTheRunningAppDerivesSoItsJavaToolsKeepWorking() {
        cliDeploysKeepTheRunningAppsJavaTools(port -> Map.of("ara.callback.base-url", "http://127.0.0.1:" + port));
    }

    @Test
    void deployWithoutACallbackBaseUrlCallsTheRunningAppBackAtItsServerPortAsTheAppDoes() {
        cliDeploysKeepTheRunningAppsJavaTools(port -> Map.of("server.port", port));
    }

    @Test
    void deployRefusesARandomServerPortWithoutACallbackBaseUrlInsteadOfDeployingStubs() {
        Result deploy = cli(slug(), this.workingDir, Map.of("server.port", 0), "deploy");
        assertThat(deploy.code()).isEqualTo(1);
        assertThat(deploy.err()).contains(AraCliContext.RANDOM_PORT).doesNotContain("at so.ara");
    }

    /**
     * A running app (callback secret derived from the Ara credential) and two CLI deploys configured by
     * {@code deployProperties} (given the app's port): after each, a run's Java tool is still answered by the app.
     */
    void cliDeploysKeepTheRunningAppsJavaTools(IntFunction<Map<String, Object>> deployProperties) {
        String slug = slug();
        AraCredentials appCredentials = AraCredentials.builder().skipCredentialsFile()
                .apiBaseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
        callbackApp()
                .withBean(AraConnection.class, () -> new AraConnection(AraProperties.Mode.REMOTE, appCredentials))
                .withPropertyValues("ara.project-name=" + slug)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AraCallbackSecret.class).source())
                            .isEqualTo(AraCallbackSecret.Source.DERIVED);
                    DisposableServer http = HttpServer.create().host("127.0.0.1").port(0)
                            .handle(new ReactorHttpHandlerAdapter(context.getBean(HttpHandler.class))).bindNow();
                    try {
                        for (int deploy = 0; deploy < 2; deploy++) {
                            ok(cli(slug, this.workingDir, deployProperties.apply(http.port()), "deploy"));
                            Result run = cli(slug, this.workingDir, Map.of(), "run", "--agent", "triage_agent",
                                    "--input-json", "{\"message\": \"printer\", \"tool_calls\": [{\"name\": "
                                            + "\"lookup_ticket\", \"args\": {\"ticket_id\": \"T-" + deploy
                                            + "\"}}]}");
                            assertThat(run.code()).as(run.out() + run.err()).isZero();
                            JsonNode call = run.json().get("output").get("tool_calls").get(0);
                            assertThat(call.get("result").get("id").asString())
                                    .as("answered by the running app's Java method after CLI deploy " + deploy)
                                    .isEqualTo("T-" + deploy);
                        }
                        assertThat(ok(cli(slug, "setup")).json().get("secrets").toString())
                                .as("the running app's callback secret was kept").contains("ara-java-callback");
                    }
                    finally {
                        http.disposeNow();
                    }
                });
    }

    @Test
    void aFailedRunExitsWithOneAndPrintsItsError() {
        String slug = slug();
        served(slug, callback -> {
            ok(cli(slug, this.workingDir, callback, "deploy"));
            Result run = cli(slug, "run", "--agent", "triage_agent", "--input-json",
                    "{\"tool_calls\": [{\"name\": \"no_such_tool\", \"args\": {}}]}");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.json().get("status").asString()).as("the response is printed as before").isEqualTo("failed");
            String runId = run.json().get("run_id").asString();
            assertThat(run.err().strip()).startsWith("Run " + runId + " failed: ").contains("no_such_tool");
            assertThat(run.err().strip().lines()).hasSize(1);
        });
    }

    @Test
    void deployStoresItsRuntimeKeyAndRuntimeCommandsReuseIt() throws Exception {
        String slug = slug();
        served(slug, callback -> {
            String key = ok(cli(slug, this.workingDir, callback, "deploy")).json().get("runtime_key").asString();
            Path cache = this.workingDir.resolve(".runtime-keys.local");
            assertThat(AraJson.mapper().readTree(Files.readString(cache)).get(slug).asString()).isEqualTo(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
            for (int i = 0; i < 4; i++) {
                ok(cli(slug, "run", "--agent", "triage_agent", "--message", "hello " + i));
            }
            String runId = ok(cli(slug, "run-async", "--agent", "triage_agent")).json().get("run_id").asString();
            ok(cli(slug, "run-status", "--run-id", runId));
            ok(cli(slug, "events", "--message", "new ticket"));
            assertThat(runtimeKeysOf(slug)).as("only the key deploy minted").isEqualTo(1);
        });
    }

    @Test
    void fourRunsWithoutACachedKeyMintOneKeyAndCacheIt(@TempDir Path elsewhere) throws Exception {
        String slug = slug();
        served(slug, callback -> {
            ok(cli(slug, this.workingDir, callback, "deploy"));
            assertThat(runtimeKeysOf(slug)).isEqualTo(1);
            for (int i = 0; i < 4; i++) {
                ok(cli(slug, elsewhere, Map.of(), "run", "--agent", "triage_agent", "--message", "hi " + i));
            }
            assertThat(runtimeKeysOf(slug)).as("deploy's key and one minted by the first run").isEqualTo(2);
            JsonNode cached = AraJson.mapper().readTree(Files.readString(elsewhere.resolve(".runtime-keys.local")));
            assertThat(cached.propertyNames()).containsExactly(slug);
            assertThat(cached.get(slug).asString()).isNotBlank();
        });
    }

    @Test
    void anExplicitRuntimeKeyWinsOverTheCacheAndIsNotStored(@TempDir Path elsewhere) {
        String slug = slug();
        served(slug, callback -> {
            String key = ok(cli(slug, this.workingDir, callback, "deploy")).json().get("runtime_key").asString();
            ok(cli(slug, elsewhere, Map.of(), "run", "--agent", "triage_agent", "--runtime-key", key));
            assertThat(elsewhere.resolve(".runtime-keys.local")).doesNotExist();
            Result wrong = cli(slug, "run", "--agent", "triage_agent", "--runtime-key", "ak_app_wrong");
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains("401");
            assertThat(runtimeKeysOf(slug)).isEqualTo(1);
        });
    }
}
