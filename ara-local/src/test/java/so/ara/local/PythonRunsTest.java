package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import so.ara.local.python.PythonSettings;

/**
 * Runs over real HTTP whose tools and prompts execute in real python3 processes: an app deployed as the Python SDK
 * deploys it (each tool's source is the decorated function's own Python), a {@code pythonSource}-style tool of a
 * Java app, a Java tool through the generated shim, exceptions, timeouts, skills and untrusted endpoint input.
 */
class PythonRunsTest {

    static AraLocalServer server;
    static LocalTestSupport.CallbackServer javaApp;
    static String base;
    static String cp;

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withPython(PythonSettings.defaults().withPoolSize(2).withCallTimeout(Duration.ofSeconds(2))));
        base = server.baseUrl();
        cp = server.apiKey();
        javaApp = new LocalTestSupport.CallbackServer("java-secret", req -> Json.obj("employee",
                Json.map(req.get("body")).get("employee_id"), "grade", 7));
    }

    @AfterAll
    static void stop() {
        server.close();
        javaApp.close();
    }

    /** Deploys (create + activate + secrets) and returns {appId, runtime key}. */
    static String[] deploy(Map<String, Object> manifest, Map<String, String> secrets) {
        String id = call(base, HttpMethod.POST, "/apps", bearer(cp), manifest).at("app", "id");
        call(base, HttpMethod.PATCH, "/apps/" + id, bearer(cp), Json.obj("status", "active"));
        if (!secrets.isEmpty()) {
            call(base, HttpMethod.POST, "/apps/" + id + "/secrets", bearer(cp), Json.obj("name", "app-secrets",
                    "values", secrets));
        }
        String key = call(base, HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp),
                Json.obj("requests_per_minute", 2000)).at("key");
        return new String[] {id, key};
    }

    static LocalTestSupport.Resp run(String[] app, Object input) {
        return call(base, HttpMethod.POST, "/v1/apps/" + app[0] + "/run", bearer(app[1]), Json.obj("input", input));
    }

    static Map<String, Object> tool(String name, String source, Map<String, Object> parameters) {
        return Json.obj("type", "function", "function", Json.obj("name", name, "description", "", "parameters",
                parameters), "function_name", name, "source", source);
    }

    static Map<String, Object> agent(String id, String promptSource, List<String> skills) {
        Map<String, Object> row = Json.obj("id", id, "task", "Help.", "instructions", "Help.", "persona", "Help.",
                "schedules", List.of(), "handoff_to", List.of(), "always_on", true, "entrypoint", true);
        if (promptSource != null) {
            row.put("prompt_factory", Json.obj("function_name", id, "source", promptSource, "parameters",
                    Json.obj("type", "object", "properties", Json.obj("input", Json.obj("type", "object")),
                            "required", List.of("input"))));
        }
        if (skills != null) {
            row.put("skills", skills);
        }
        return row;
    }

    static Map<String, Object> manifest(String slug, List<Object> agents, List<Object> tools,
            Map<String, Object> runtimeProfile) {
        return Json.obj("name", slug, "slug", slug, "description", "", "agent", Json.obj("agents", agents,
                "default_agent_id", Json.map(agents.get(0)).get("id"), "tools", tools), "workflows", List.of(),
                "interfaces", Json.obj(), "runtime_profile", runtimeProfile);
    }

    static List<Map<String, Object>> rows(String appId, String runId) {
        return server.logs().rows(appId, 0).stream().filter(r -> runId.equals(r.json().get("run_id")))
                .map(LogHub.Row::json).toList();
    }

    static Map<String, Object> row(String appId, String runId, String type) {
        return rows(appId, runId).stream().filter(r -> type.equals(r.get("event_type"))).findFirst().orElseThrow();
    }

    /** The Python SDK deploys the decorated functions' own source; ara-local runs it, files, env and secrets. */
    @Test
    void pythonSdkAppComputesWhatOnlyPythonComputes() throws Exception {
        String fingerprint = """
                @app.tool()
                def fingerprint(text: str, places: int = 30) -> dict:
                    \"\"\"SHA3-256 and a decimal third, as Python computes them.\"\"\"
                    import decimal, hashlib
                    context = decimal.Context(prec=places)
                    print("hashing", len(text), "characters")
                    return {"sha3": hashlib.sha3_256(text.encode("utf-8")).hexdigest(),
                            "third": str(context.divide(decimal.Decimal(1), decimal.Decimal(3)))}
                """.substring("@app.tool()\n".length());
        String rates = """
                def convert(amount: float, currency: str) -> dict:
                    import json, os
                    with open("config/rates.json") as handle:
                        table = json.load(handle)
                    return {"amount": round(amount * table[currency], 2), "mode": os.environ["APP_MODE"],
                            "token_suffix": secret("HELPDESK_TOKEN")[-4:]}
                """;
        String prompt = """
                def helpdesk(input: dict) -> str:
                    \"\"\"Answer helpdesk questions.\"\"\"
                    print("building prompt")
                    return "Answer: " + str(input.get("message", "")).upper()
                """;
        Map<String, Object> profile = Json.obj("files", List.of(Json.obj("path", "config/rates.json", "content",
                "{\"EUR\": 0.9}", "executable", false)), "env", Json.obj("APP_MODE", "production"), "secret_refs",
                List.of(Json.obj("name", "app-secrets")));
        String[] app = deploy(manifest("py-sdk-app", List.of(agent("helpdesk", prompt, null)), List.of(
                tool("fingerprint", fingerprint, Json.obj("type", "object", "properties", Json.obj("text",
                        Json.obj("type", "string"), "places", Json.obj("type", "integer", "default", 30)), "required",
                        List.of("text"))),
                tool("convert", rates, Json.obj("type", "object"))), profile),
                Map.of("HELPDESK_TOKEN", "tok-secret-9876"));

        var resp = run(app, Json.obj("message", "hi", "tool_calls", List.of(
                Json.obj("name", "fingerprint", "args", Json.obj("text", "ara")),
                Json.obj("name", "convert", "args", Json.obj("amount", 10, "currency", "EUR")))));

        assertThat(resp.<String>at("status")).as(resp.raw()).isEqualTo("completed");
        String sha3 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA3-256")
                .digest("ara".getBytes(StandardCharsets.UTF_8)));
        String third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(30)).toPlainString();
        assertThat(resp.<Object>at("output", "tool_calls", "0", "result")).isEqualTo(Json.obj("sha3", sha3, "third",
                third));
        assertThat(resp.<Object>at("output", "tool_calls", "1", "result")).isEqualTo(Json.obj("amount", 9.0, "mode",
                "production", "token_suffix", "9876"));
        String runId = resp.at("run_id");
        assertThat(row(app[0], runId, "run.prompt.built").get("data"))
                .isEqualTo(Json.obj("agent_id", "helpdesk", "prompt", "Answer: HI", "prompt_chars", "Answer: HI".length()));
        assertThat(row(app[0], runId, "run.prompt.output").get("data")).isEqualTo(Json.obj("agent_id", "helpdesk",
                "stdout", "building prompt\n", "stderr", ""));
        assertThat(row(app[0], runId, "run.tool.output").get("data")).isEqualTo(Json.obj("tool", "fingerprint",
                "stdout", "hashing 3 characters\n", "stderr", ""));
        assertThat(rows(app[0], runId).toString()).doesNotContain("tok-secret-9876");
    }

    /** {@code @AraTool(pythonSource = ...)}: a Java app's tool whose source is Python the user wrote. */
    @Test
    void pythonSourceToolRuns() {
        String source = "def slugify_title(title: str) -> str:\n"
                + "    import re, unicodedata\n"
                + "    text = unicodedata.normalize('NFKD', title).encode('ascii', 'ignore').decode()\n"
                + "    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')\n";
        String[] app = deploy(manifest("py-source-app", List.of(agent("writer", null, List.of("slugify_title"))),
                List.of(tool("slugify_title", source, Json.obj("type", "object"))), Json.obj()), Map.of());
        var resp = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "slugify_title", "args",
                Json.obj("title", "Crème Brûlée: Über Rezepte!")))));
        assertThat(resp.<Object>at("output", "tool_calls", "0", "result")).isEqualTo("creme-brulee-uber-rezepte");
    }

    /** A Java tool is reached only through its generated shim, run by python3, signed as the cloud would sign. */
    @Test
    void javaToolIsReachedThroughTheShim() {
        String shim = so.ara.manifest.PythonSources.withCallback("java-app", javaApp.url("")).toolSource("grade",
                "grade", "Grade of an employee.", LocalTestSupport.node(Json.obj("type", "object", "properties",
                        Json.obj("employee_id", Json.obj("type", "string")), "required", List.of("employee_id"))));
        String[] app = deploy(manifest("java-app", List.of(agent("hr", null, null)),
                List.of(tool("grade", shim, Json.obj("type", "object"))), Json.obj()),
                Map.of("JAVA_CALLBACK_SECRET", "java-secret"));
        int before = javaApp.received.size();
        var resp = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "grade", "args",
                Json.obj("employee_id", "E-1")))));
        assertThat(resp.<Object>at("output", "tool_calls", "0", "result")).isEqualTo(Json.obj("employee", "E-1",
                "grade", 7));
        Map<String, Object> received = javaApp.received.stream().skip(before).findFirst().orElseThrow();
        assertThat(received.get("verified")).isEqualTo(true);
        assertThat(received.get("path")).isEqualTo("ara/callbacks/tools/grade");
        assertThat((String) received.get("user_agent")).startsWith("Python-urllib/3.");
    }

    @Test
    void pythonExceptionFailsTheToolWithItsMessage() {
        String source = "def check_ticket(ticket_id: str) -> dict:\n"
                + "    print('checking', ticket_id)\n"
                + "    raise ValueError('bad ticket')\n";
        String[] app = deploy(manifest("py-raise-app", List.of(agent("triage", null, null)),
                List.of(tool("check_ticket", source, Json.obj("type", "object"))), Json.obj()), Map.of());
        var resp = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "check_ticket", "args",
                Json.obj("ticket_id", "T-1")))));
        assertThat(resp.<String>at("status")).isEqualTo("failed");
        assertThat(resp.<String>at("run", "error", "message")).isEqualTo("tool 'check_ticket' failed: ValueError: bad"
                + " ticket");
        Map<String, Object> failed = row(app[0], resp.at("run_id"), "run.tool.failed");
        Map<String, Object> data = Json.map(failed.get("data"));
        assertThat(failed.get("level")).isEqualTo("error");
        assertThat(data.get("error")).isEqualTo("ValueError: bad ticket");
        assertThat(data.get("exception")).isEqualTo("ValueError");
        assertThat((String) data.get("traceback")).contains("raise ValueError('bad ticket')");
        assertThat(Json.map(row(app[0], resp.at("run_id"), "run.tool.output").get("data")).get("stdout"))
                .isEqualTo("checking T-1\n");
    }

    @Test
    void hungToolTimesOutAndTheNextCallRuns() {
        String source = "def wait(seconds: float) -> str:\n    import time\n    time.sleep(seconds)\n    return 'done'\n";
        String[] app = deploy(manifest("py-hang-app", List.of(agent("waiter", null, null)),
                List.of(tool("wait", source, Json.obj("type", "object"))), Json.obj()), Map.of());
        var hung = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "wait", "args",
                Json.obj("seconds", 30)))));
        assertThat(hung.<String>at("run", "error", "message"))
                .isEqualTo("tool 'wait' timed out after 2000 ms (its interpreter was stopped)");
        var quick = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "wait", "args",
                Json.obj("seconds", 0)))));
        assertThat(quick.<Object>at("output", "tool_calls", "0", "result")).isEqualTo("done");
        assertThat(server.python().liveWorkers(app[0])).isBetween(1, 2);
    }

    @Test
    void agentCallsOnlyItsSkills() {
        String[] app = deploy(manifest("skills-app", List.of(agent("expenses", null, List.of("file_expense"))),
                List.of(tool("file_expense", "def file_expense():\n    return 'filed'\n", Json.obj("type", "object")),
                        tool("lookup_employee", "def lookup_employee():\n    return 'secret'\n",
                                Json.obj("type", "object"))), Json.obj()), Map.of());
        var allowed = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "file_expense"))));
        assertThat(allowed.<Object>at("output", "tool_calls", "0", "result")).isEqualTo("filed");
        var refused = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "lookup_employee"))));
        assertThat(refused.<String>at("status")).isEqualTo("failed");
        assertThat(refused.<String>at("run", "error", "message"))
                .isEqualTo("tool 'lookup_employee' is not among the skills of agent 'expenses'");
        assertThat(row(app[0], refused.at("run_id"), "run.tool.failed").get("message"))
                .isEqualTo("tool 'lookup_employee' is not among the skills of agent 'expenses'");
        assertThat(rows(app[0], refused.at("run_id"))).noneMatch(r -> "run.tool.completed".equals(r.get("event_type")));
    }

    /** A call naming another agent is a handoff, allowed only to the agents in handoff_to. */
    @Test
    void agentHandsOffOnlyToItsHandoffTargets() {
        Map<String, Object> triage = agent("triage", null, null);
        triage.put("handoff_to", List.of("billing"));
        Map<String, Object> billing = agent("billing", null, List.of("refund"));
        billing.put("entrypoint", false);
        Map<String, Object> hr = agent("hr", null, null);
        hr.put("entrypoint", false);
        String[] app = deploy(manifest("handoff-app", List.of(triage, billing, hr), List.of(tool("refund",
                "def refund(amount: int) -> dict:\n    return {'refunded': amount}\n", Json.obj("type", "object"))),
                Json.obj()), Map.of());
        var handedOff = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "billing", "args", Json.obj(
                "message", "refund please", "tool_calls", List.of(Json.obj("name", "refund", "args",
                        Json.obj("amount", 5))))))));
        assertThat(handedOff.<String>at("status")).as(handedOff.raw()).isEqualTo("completed");
        assertThat(handedOff.<Object>at("output", "tool_calls", "0", "result")).isEqualTo(Json.obj("agent_id",
                "billing", "text", "[billing] refund please\nrefund: {\"refunded\":5}", "tool_calls", List.of(
                        Json.obj("name", "refund", "args", Json.obj("amount", 5), "result",
                                Json.obj("refunded", 5)))));
        assertThat(row(app[0], handedOff.at("run_id"), "run.handoff").get("data"))
                .isEqualTo(Json.obj("from", "triage", "to", "billing"));
        var refused = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "hr"))));
        assertThat(refused.<String>at("status")).isEqualTo("failed");
        assertThat(refused.<String>at("run", "error", "message"))
                .isEqualTo("agent 'triage' cannot hand off to 'hr': it is not in its handoff_to [billing]");
        // the target's own skills still bind it
        var outsideSkills = run(app, Json.obj("tool_calls", List.of(Json.obj("name", "billing", "args", Json.obj(
                "tool_calls", List.of(Json.obj("name", "triage")))))));
        assertThat(outsideSkills.<String>at("run", "error", "message"))
                .isEqualTo("agent 'billing' cannot hand off to 'triage': it is not in its handoff_to []");
    }

    /** An anonymous endpoint body never chooses tools; nor does a body the starter forwards under input.input. */
    @Test
    void endpointBodiesNeverChooseTools() {
        String source = "def escalate_ticket():\n    return 'escalated'\n";
        Map<String, Object> manifest = manifest("gw-trust-app", List.of(agent("faq", null, null)),
                List.of(tool("escalate_ticket", source, Json.obj("type", "object"))), Json.obj());
        manifest.put("interfaces", Json.obj("fastapi_endpoints", List.of(Json.obj("type", "fastapi_endpoint",
                "method", "POST", "path", "/faq", "label", "faq", "docs", false, "auth", Json.obj("mode", "none",
                        "header_name", "", "secret_env", ""), "agent_id", "faq", "workflow_id", "faq"))));
        String[] app = deploy(manifest, Map.of());
        List<Object> calls = List.of(Json.obj("name", "escalate_ticket"));
        var anonymous = call(base, HttpMethod.POST, "/v1/apps/gw-trust-app/endpoints/faq", Map.of(),
                Json.obj("message", "hi", "tool_calls", calls));
        assertThat(anonymous.<String>at("status")).as(anonymous.raw()).isEqualTo("completed");
        assertThat(anonymous.<Object>at("output", "tool_calls")).isEqualTo(List.of());
        assertThat(anonymous.<String>at("output", "text")).isEqualTo("[faq] hi");
        assertThat(rows(app[0], anonymous.at("run_id")))
                .noneMatch(r -> "run.tool.started".equals(r.get("event_type")));
        // the starter's endpoint routes forward the body with the runtime key under input.input
        var forwarded = run(app, Json.obj("input", Json.obj("message", "hi", "tool_calls", calls), "gateway",
                Json.obj("label", "faq")));
        assertThat(forwarded.<Object>at("output", "tool_calls")).isEqualTo(List.of());
        // a trusted caller's top-level tool_calls still run
        var trusted = run(app, Json.obj("tool_calls", calls));
        assertThat(trusted.<Object>at("output", "tool_calls", "0", "result")).isEqualTo("escalated");
    }

    /** The shared gateway's answer to a run that fails: 502 with the run's id and error, as the starter answers. */
    @Test
    void aFailedEndpointRunIs502WithItsRunId() {
        String prompt = "def broken(input: dict) -> str:\n    raise ValueError('no prompt today')\n";
        Map<String, Object> manifest = manifest("gw-fail-app", List.of(agent("broken", prompt, null)), List.of(),
                Json.obj());
        manifest.put("interfaces", Json.obj("fastapi_endpoints", List.of(Json.obj("type", "fastapi_endpoint",
                "method", "POST", "path", "/broken", "label", "broken", "docs", false, "auth", Json.obj("mode",
                        "none", "header_name", "", "secret_env", ""), "agent_id", "broken", "workflow_id",
                "broken"))));
        deploy(manifest, Map.of());
        var failed = call(base, HttpMethod.POST, "/v1/apps/gw-fail-app/endpoints/broken", Map.of(),
                Json.obj("message", "hi"));
        RoutesTest.assertProblem(failed, 502, "failed");
        assertThat(failed.<String>at("run_id")).startsWith("run");
        assertThat(failed.headers().getFirst("X-Ara-Run-Id")).isEqualTo(failed.<String>at("run_id"));
        assertThat(failed.<String>at("error")).contains("ValueError: no prompt today");
    }

    @Test
    void redeployWithNewEnvRebuildsTheInterpreters() {
        String source = "def mode() -> str:\n    import os\n    return os.environ.get('APP_MODE', '')\n";
        Map<String, Object> manifest = manifest("redeploy-app", List.of(agent("m", null, null)),
                List.of(tool("mode", source, Json.obj("type", "object"))), Json.obj("env", Json.obj("APP_MODE", "a")));
        String[] app = deploy(manifest, Map.of());
        Map<String, Object> calls = Json.obj("tool_calls", List.of(Json.obj("name", "mode")));
        assertThat(run(app, calls).<Object>at("output", "tool_calls", "0", "result")).isEqualTo("a");
        call(base, HttpMethod.PATCH, "/apps/" + app[0], bearer(cp), Json.obj("runtime_profile",
                Json.obj("env", Json.obj("APP_MODE", "b"))));
        assertThat(run(app, calls).<Object>at("output", "tool_calls", "0", "result")).isEqualTo("b");
    }

    @Test
    void withoutPythonRunsFailSayingHowToFixIt() {
        try (AraLocalServer noPython = AraLocalServer.start(LocalTestSupport.testSettings()
                .withPython(PythonSettings.defaults().withExecutable("/nonexistent/python3")))) {
            String k = noPython.apiKey();
            String id = call(noPython.baseUrl(), HttpMethod.POST, "/apps", bearer(k),
                    LocalTestSupport.manifest("no-python", null, null)).at("app", "id");
            String rk = call(noPython.baseUrl(), HttpMethod.POST, "/apps/" + id + "/keys", bearer(k), Json.obj())
                    .at("key");
            var resp = call(noPython.baseUrl(), HttpMethod.POST, "/v1/apps/" + id + "/run", bearer(rk),
                    Json.obj("input", Json.obj("message", "hi")));
            assertThat(resp.<String>at("status")).isEqualTo("failed");
            assertThat(resp.<String>at("run", "error", "message")).isEqualTo("prompt_factory of agent 'triage_agent'"
                    + " cannot run: Python is not available to ara-local (ara.local.python '/nonexistent/python3' not"
                    + " found): install Python 3 (python3 on PATH) or set ara.local.python to an interpreter's path");
        }
    }

    @Test
    void concurrentRunsShareABoundedPool() {
        String source = "def pid() -> int:\n    import os, time\n    time.sleep(0.02)\n    return os.getpid()\n";
        String[] app = deploy(manifest("pool-app", List.of(agent("p", null, null)),
                List.of(tool("pid", source, Json.obj("type", "object"))), Json.obj()), Map.of());
        List<Object> pids = reactor.core.publisher.Flux.range(0, 16).flatMap(i -> reactor.core.publisher.Mono
                .fromCallable(() -> run(app, Json.obj("tool_calls", List.of(Json.obj("name", "pid")))))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(r -> (Object) r.at("output", "tool_calls", "0", "result")), 16)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(pids).hasSize(16).doesNotContainNull();
        assertThat(pids.stream().distinct().count()).isLessThanOrEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.python().liveWorkers(app[0]) <= 2);
    }
}
