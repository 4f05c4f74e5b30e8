package so.ara.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import so.ara.json.AraJson;

import static org.assertj.core.api.Assertions.assertThat;

/** CLI-mode detection and its property source. */
class AraCliModeTests {

    /** Logs a warning while the context starts and records the {@code System.out} it sees (a listener: never lazy). */
    static class NoisyBean implements ApplicationListener<ContextRefreshedEvent> {

        static volatile PrintStream seenOut;

        NoisyBean() {
            seenOut = System.out;
            org.apache.commons.logging.LogFactory.getLog(NoisyBean.class).warn("a library warning");
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
        }
    }

    @Test
    void onlyAFirstArgumentAraSelectsCliMode() {
        assertThat(AraCliMode.isCli(new String[] { "ara", "deploy" })).isTrue();
        assertThat(AraCliMode.isCli(new String[] { "ara" })).isTrue();
        assertThat(AraCliMode.isCli(new String[] { "--server.port=0", "ara" })).isFalse();
        assertThat(AraCliMode.isCli(new String[0])).isFalse();
        assertThat(AraCliMode.isCli(null)).isFalse();
    }

    @Test
    void cliPropertiesWinAndCommandFlagsDoNotBecomeSpringProperties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--debug", "--email=x@y.z"));
        environment.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("application",
                java.util.Map.of("ara.mode", "local")));
        AraCliMode.configure(environment, false);
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(environment.getProperty("ara.deploy.on-startup")).isEqualTo("false");
        assertThat(environment.getProperty("ara.mode")).isEqualTo("manifest-only");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(environment.getProperty(AraCliMode.ACTIVE_PROPERTY)).isEqualTo("true");
        assertThat(environment.getProperty("logging.config")).isEqualTo("classpath:so/ara/cli/logback-cli.xml");
        assertThat(environment.getProperty("debug")).isNull();
        assertThat(environment.getProperty("email")).isNull();
    }

    @Test
    void withoutAraTheApplicationRunsNormallyAndNoRunnerIsRegistered() {
        SpringApplication app = new SpringApplication(AraCliIntegrationTests.TestApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("ara.project-name", "not-cli", "spring.main.banner-mode", "off"));
        try (ConfigurableApplicationContext context = app.run("deploy")) {
            assertThat(context.isActive()).isTrue();
            assertThat(context.getBeansOfType(AraCliRunner.class)).isEmpty();
            assertThat(context.getEnvironment().getProperty(AraCliMode.ACTIVE_PROPERTY)).isNull();
        }
    }

    @Test
    void logLinesGoToStderrAndSystemOutIsNeverReplaced() {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        PrintStream stdout = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(stdout);
            SpringApplication app = new SpringApplication(AraCliIntegrationTests.TestApp.class, NoisyBean.class);
            app.setDefaultProperties(Map.of("ara.project-name", "quiet-app", "spring.main.register-shutdown-hook",
                    "false"));
            app.addBootstrapRegistryInitializer(registry -> registry.register(AraCliExit.class,
                    InstanceSupplier.of(code::set)));
            app.run("ara", "manifest", "--debug");
        }
        finally {
            assertThat(System.out).as("never replaced").isSameAs(stdout);
            System.setOut(original);
            System.setErr(originalErr);
        }
        assertThat(code.get()).isZero();
        assertThat(NoisyBean.seenOut).as("System.out while the context starts").isSameAs(stdout);
        assertThat(capturedErr.toString(StandardCharsets.UTF_8)).contains("WARN").contains("a library warning");
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(AraJson.mapper().readTree(out).get("slug").asString()).isEqualTo("quiet-app");
        assertThat(out.strip()).startsWith("{").endsWith("}");
    }

    /** Would fail the startup if the application context were started (a listener: never lazy). */
    static class ExplodingBean implements ApplicationListener<ContextRefreshedEvent> {

        ExplodingBean() {
            throw new IllegalStateException("the application context was started");
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
        }
    }

    @Test
    void commandsThatNeedNoBeansRunWithoutTheApplicationContext(@TempDir Path home) {
        Map<String, Object> properties = Map.of("ara.project-name", "lean-app", "ara.cli.home", home.toString(),
                "ara.cli.working-dir", home.toString());
        CliHarness.Result logout = CliHarness.run(ExplodingApp.class, properties, "auth", "logout");
        assertThat(logout.code()).as(logout.err()).isZero();
        assertThat(logout.context()).isNull();
        assertThat(logout.out()).isEqualTo("{\n  \"ok\": true,\n  \"status\": \"logged_out\"\n}"
                + System.lineSeparator());
        assertThat(logout.err()).isEmpty();

        CliHarness.Result help = CliHarness.run(ExplodingApp.class, properties, "deploy", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.context()).isNull();
        assertThat(help.out()).startsWith("Usage: ara deploy");

        CliHarness.Result usage = CliHarness.run(ExplodingApp.class, properties, "run-status");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.context()).isNull();
    }

    @Test
    void onlyDeployAndManifestNeedTheApplicationContext() {
        assertThat(new AraCliInvocation(List.of("deploy", "--warm", "true")).needsApplicationContext()).isTrue();
        assertThat(new AraCliInvocation(List.of("--debug", "up")).needsApplicationContext()).isTrue();
        assertThat(new AraCliInvocation(List.of("manifest")).needsApplicationContext()).isTrue();
        assertThat(new AraCliInvocation(List.of("deploy", "--help")).needsApplicationContext()).isFalse();
        assertThat(new AraCliInvocation(List.of("run", "--message", "deploy")).needsApplicationContext()).isFalse();
        assertThat(new AraCliInvocation(List.of("help", "deploy")).needsApplicationContext()).isFalse();
        assertThat(new AraCliInvocation(List.of()).needsApplicationContext()).isFalse();
    }

    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.context.annotation.Import({ AraCliIntegrationTests.TestApp.class, ExplodingBean.class })
    static class ExplodingApp {
    }
}
