package so.ara.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.context.ConfigurableApplicationContext;

import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code ara <args>} the way {@code java -jar app.jar ara ...} does, through {@link SpringApplication#run}, with
 * the CLI's output captured and its exit step observed instead of ending the JVM.
 */
final class CliHarness {

    private CliHarness() {
    }

    /**
     * @param code    the exit code handed to {@link AraCliExit}
     * @param context the application context, or null when the command ran without one
     */
    record Result(int code, String out, String err, @Nullable ConfigurableApplicationContext context) {

        JsonNode json() {
            return AraJson.mapper().readTree(this.out);
        }
    }

    /**
     * Runs {@code ara <args>} for the test app as project {@code slug} against {@code server}, with the CLI's home
     * and working directory in the test's temp dirs; {@code extra} properties win.
     */
    static Result runAgainst(AraLocalServer server, String slug, Path home, Path workingDir,
            Map<String, Object> extra, String... args) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ara.project-name", slug);
        properties.put("ara.api-base-url", server.baseUrl());
        properties.put("ara.api-key", server.apiKey());
        properties.put("ara.cli.home", home.toString());
        properties.put("ara.cli.working-dir", workingDir.toString());
        properties.putAll(extra);
        return run(AraCliIntegrationTests.TestApp.class, properties, args);
    }

    static Result run(Class<?> source, Map<String, Object> properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AraCliIo io = AraCliIo.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        AtomicInteger code = new AtomicInteger(-1);
        SpringApplication app = new SpringApplication(source);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.main.register-shutdown-hook", "false");
        defaults.putAll(properties);
        app.setDefaultProperties(defaults);
        app.addBootstrapRegistryInitializer(registry -> {
            registry.register(AraCliIo.class, InstanceSupplier.of(io));
            registry.register(AraCliExit.class, InstanceSupplier.of(code::set));
        });
        List<String> argv = new ArrayList<>();
        argv.add("ara");
        argv.addAll(List.of(args));
        ConfigurableApplicationContext context;
        try {
            context = app.run(argv.toArray(String[]::new));
        }
        catch (SpringApplication.AbandonedRunException ex) {
            // the command ran without an application context
            context = null;
        }
        return new Result(code.get(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                context);
    }
}
