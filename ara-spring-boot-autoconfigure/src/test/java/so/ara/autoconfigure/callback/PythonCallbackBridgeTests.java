package so.ara.autoconfigure.callback;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.manifest.ParameterSchemas;
import so.ara.manifest.PythonSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated Python, run by a real {@code python3} against the callback routes served on a real port: what Ara's
 * runtime does with a Java tool or prompt method.
 */
class PythonCallbackBridgeTests {

    private static final String RUNNER = """
            import json, sys
            namespace = {}
            exec(open(sys.argv[1], encoding="utf-8").read(), namespace)
            try:
                result = namespace[sys.argv[2]](**json.loads(sys.argv[3]))
                print(json.dumps(result))
            except RuntimeError as error:
                print("RuntimeError: %s" % error)
            """;

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                AraCallbackAutoConfiguration.class, WebFluxAutoConfiguration.class,
                HttpHandlerAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class))
        .withPropertyValues("ara.project-name=support-desk", "ara.callback.secret=" + AraCallbackAutoConfigurationTests.SECRET)
        .withBean(SupportDeskTools.class);

    @TempDir
    Path directory;

    @BeforeAll
    static void python3IsInstalled() {
        Assumptions.assumeTrue(python3Present(), "python3 is not on the PATH (/usr/bin/env python3 --version"
                + " failed): the generated Python bridge cannot be run end to end on this machine");
    }

    @Test
    void generatedToolCallsTheJavaMethodAndReturnsItsResult() {
        runner.run(context -> withServer(context, baseUrl -> {
            String source = PythonSources.withCallback("support-desk", baseUrl).toolSource("lookupTicket",
                    "lookupTicket", "Look up a ticket.", ParameterSchemas.forMethod(method("lookupTicket")));
            String output = runPython(source, "lookupTicket", """
                    {"ticketId": "T-42", "priority": "HIGH", "query": {"subject": "Printer on fire", \
                    "contact": {"customer_email": "ann@example.com", "name": "Ann"}, "tags": ["hw"]}}""",
                    AraCallbackAutoConfigurationTests.SECRET);
            assertThat(output).isEqualTo("{\"id\": \"T-42\", \"subject\": \"Printer on fire\", \"customerEmail\":"
                    + " \"Ann <ann@example.com>\", \"priority\": \"HIGH\", \"note\": \"(none)\", \"limit\": 3,"
                    + " \"team\": \"(unassigned)\", \"tags\": [\"hw\"]}");
        }));
    }

    @Test
    void generatedPromptFunctionReturnsThePromptText() {
        runner.run(context -> withServer(context, baseUrl -> {
            String source = PythonSources.withCallback("support-desk", baseUrl).promptSource("triage", "triage",
                    ParameterSchemas.forMethod(method("triage")), "Triage support tickets.");
            String output = runPython(source, "triage", "{\"input\": {\"ticketId\": \"T-9\", \"channel\": \"email\"}}",
                    AraCallbackAutoConfigurationTests.SECRET);
            assertThat(output).isEqualTo("\"Triage ticket T-9 from email.\"");
        }));
    }

    @Test
    void javaExceptionBecomesAClearPythonRuntimeError() {
        runner.run(context -> withServer(context, baseUrl -> {
            String source = PythonSources.withCallback("support-desk", baseUrl).toolSource("closeTicket",
                    "closeTicket", "", ParameterSchemas.forMethod(method("closeTicket")));
            String output = runPython(source, "closeTicket", "{\"ticketId\": \"T-5\"}",
                    AraCallbackAutoConfigurationTests.SECRET);
            assertThat(output).isEqualTo("RuntimeError: Tool 'closeTicket' failed in Java (HTTP 500):"
                    + " IllegalStateException: Ticket T-5 is locked");
        }));
    }

    @Test
    void wrongSecretIsRefused() {
        runner.run(context -> withServer(context, baseUrl -> {
            String source = PythonSources.withCallback("support-desk", baseUrl).toolSource("countOpen", "countOpen",
                    "", ParameterSchemas.forMethod(method("countOpen")));
            assertThat(runPython(source, "countOpen", "{\"team\": \"ops\"}", "not-the-secret")).isEqualTo(
                    "RuntimeError: Tool 'countOpen' failed in Java (HTTP 401): The callback signature is missing,"
                            + " invalid or expired.");
            assertThat(runPython(source, "countOpen", "{\"team\": \"ops\"}", AraCallbackAutoConfigurationTests.SECRET))
                .isEqualTo("30");
        }));
    }

    @Test
    void routesHonourTheWebFluxBasePath() {
        runner.withPropertyValues("spring.webflux.base-path=/desk").run(context -> withServer(context, baseUrl -> {
            String source = PythonSources.withCallback("support-desk", baseUrl + "/desk").toolSource("countOpen",
                    "countOpen", "", ParameterSchemas.forMethod(method("countOpen")));
            assertThat(source).contains("ARA_CALLBACK_URL = \"" + baseUrl + "/desk/ara/callbacks/tools/countOpen\"");
            assertThat(runPython(source, "countOpen", "{\"team\": \"desk\"}", AraCallbackAutoConfigurationTests.SECRET))
                .isEqualTo("40");
            String withoutBasePath = PythonSources.withCallback("support-desk", baseUrl).toolSource("countOpen",
                    "countOpen", "", ParameterSchemas.forMethod(method("countOpen")));
            assertThat(runPython(withoutBasePath, "countOpen", "{\"team\": \"desk\"}",
                    AraCallbackAutoConfigurationTests.SECRET)).startsWith(
                            "RuntimeError: Tool 'countOpen' failed in Java (HTTP 404)");
        }));
    }

    private interface ServerBody {

        void run(String baseUrl) throws Exception;
    }

    private static void withServer(ApplicationContext context, ServerBody body) throws Exception {
        HttpHandler handler = context.getBean(HttpHandler.class);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
            .handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
        try {
            body.run("http://127.0.0.1:" + server.port());
        }
        finally {
            server.disposeNow();
        }
    }

    private String runPython(String source, String function, String kwargsJson, String secret) throws Exception {
        Path sourceFile = Files.writeString(directory.resolve(function + ".py"), source, StandardCharsets.UTF_8);
        Path runnerFile = Files.writeString(directory.resolve("run_" + function + ".py"), RUNNER,
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/env", "python3", runnerFile.toString(),
                sourceFile.toString(), function, kwargsJson).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        for (String proxy : new String[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY" }) {
            environment.remove(proxy);
        }
        environment.put("NO_PROXY", "*");
        environment.put(PythonSources.CALLBACK_SECRET_ENV, secret);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean python3Present() {
        try {
            Process process = new ProcessBuilder("/usr/bin/env", "python3", "--version").redirectErrorStream(true)
                .start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Method method(String name) {
        for (Method method : SupportDeskTools.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
