package so.ara.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import so.ara.annotation.AraParam;
import so.ara.json.AraJson;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generated Python bridge, compared byte for byte with golden files under {@code golden/python}. Run with
 * {@code -Dara.golden.update=true} to rewrite the golden files after an intended change (then review the diff).
 */
class PythonSourcesTest {

    private static final String BASE_URL = "https://desk.example.com/api/";

    @Test
    void toolWithCallbackUrl() throws Exception {
        String source = PythonSources.withCallback("support-desk", BASE_URL).toolSource("lookupTicket",
                "lookupTicket", "Look up a ticket by id.", ParameterSchemas.forMethod(method("lookupTicket")));
        assertGolden("tool-with-callback.py", source);
    }

    @Test
    void toolWithoutCallbackUrl() throws Exception {
        String source = PythonSources.withoutCallback("support-desk").toolSource("lookupTicket", "lookupTicket",
                "Look up a ticket by id.", ParameterSchemas.forMethod(method("lookupTicket")));
        assertGolden("tool-without-callback.py", source);
    }

    @Test
    void promptFunctionWithCallbackUrl() throws Exception {
        String source = PythonSources.withCallback("support-desk", BASE_URL).promptSource("triage", "triage",
                ParameterSchemas.forMethod(method("triage")), "Triage incoming support tickets.");
        assertGolden("prompt-with-callback.py", source);
    }

    @Test
    void sameDeclarationsGiveByteIdenticalSource() throws Exception {
        String first = PythonSources.withCallback("support-desk", BASE_URL).toolSource("lookupTicket", "lookupTicket",
                "Look up a ticket by id.", ParameterSchemas.forMethod(method("lookupTicket")));
        String second = PythonSources.withCallback("support-desk", BASE_URL.replace("/api/", "/api"))
            .toolSource("lookupTicket", "lookupTicket", "Look up a ticket by id.",
                    ParameterSchemas.forMethod(method("lookupTicket")));
        assertThat(second.getBytes(StandardCharsets.UTF_8)).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
        ObjectNode viaManifest = (ObjectNode) AraJson.mapper().readTree(
                AraJson.mapper().writeValueAsString(ParameterSchemas.forMethod(method("lookupTicket"))));
        String third = PythonSources.withCallback("support-desk", BASE_URL).toolSource("lookupTicket",
                "lookupTicket", "Look up a ticket by id.", viaManifest);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void requiredAfterOptionalMakesTheRestKeywordOnly() throws Exception {
        String source = PythonSources.withoutCallback("app").toolSource("assign", "assign", "",
                ParameterSchemas.forMethod(method("assign")));
        assertThat(source.lines().findFirst()).contains(
                "def assign(team: str, *, note: str = None, priority: int = 3, assignee: str, urgent: bool = False):");
    }

    @Test
    void pythonKeywordNamesAreTakenAsKwargsAndForwardedVerbatim() throws Exception {
        String source = PythonSources.withCallback("app", "http://127.0.0.1:8080").toolSource("route", "route", "",
                ParameterSchemas.forMethod(method("route")));
        assertThat(source.lines().limit(2).toList())
            .containsExactly("def route(**kwargs):", "    arguments = dict(kwargs)");
    }

    @Test
    void argumentsAreCapturedBeforeLocalsCanShadowThem() throws Exception {
        String source = PythonSources.withCallback("app", "http://127.0.0.1:8080").toolSource("clock", "clock", "",
                ParameterSchemas.forMethod(method("clock")));
        assertThat(source.lines().limit(3).toList()).containsExactly(
                "def clock(time: str, secret: str, json: bool):",
                "    arguments = {\"time\": time, \"secret\": secret, \"json\": json}",
                "    import hashlib, hmac, json, os, time, uuid, urllib.error, urllib.request");
    }

    @Test
    void docstringsCannotEndEarly() {
        assertThat(PythonSources.docstring("Say \"\"\"hi\"\"\" to \"Bob\"")).isEqualTo(
                "    \"\"\"Say \\\"\\\"\\\"hi\\\"\\\"\\\" to \\\"Bob\\\"\"\"\"\n");
        assertThat(PythonSources.docstring("C:\\temp\\ and a bell\u0007\r\nnext\u2028line"))
            .isEqualTo("    \"\"\"C:\\\\temp\\\\ and a bell\\x07\\r\nnext\\u2028line\"\"\"\n");
        assertThat(PythonSources.docstring("  ")).isEmpty();
    }

    @Test
    void idsArePercentEncodedAsOnePathSegment() {
        assertThat(PythonSources.toolPath("lookup_ticket-v2.1~x")).isEqualTo("/ara/callbacks/tools/lookup_ticket-v2.1~x");
        assertThat(PythonSources.toolPath("a b/é")).isEqualTo("/ara/callbacks/tools/a%20b%2F%C3%A9");
        assertThat(PythonSources.promptPath("triage agent")).isEqualTo("/ara/callbacks/agents/triage%20agent/prompt");
    }

    @Test
    void methodNamesPythonCannotDefineAreRejected() {
        ObjectNode schema = AraJson.mapper().createObjectNode().put("type", "object");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> PythonSources.withoutCallback("app").toolSource("t", "pass", "", schema))
            .withMessage("the method name 'pass' cannot be a Python function name (a Python keyword or not an"
                    + " identifier): rename the method");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> PythonSources.withoutCallback("app").promptSource("a", "build$prompt", schema, ""))
            .withMessageStartingWith("the method name 'build$prompt' cannot be");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("ara.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/python", name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = PythonSourcesTest.class.getResourceAsStream("/golden/python/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Method method(String name) {
        for (Method method : Declarations.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    enum Priority {
        LOW, NORMAL, HIGH
    }

    record Filter(String status, List<String> tags) {
    }

    @SuppressWarnings("unused")
    static class Declarations {

        Map<String, Object> lookupTicket(@AraParam(description = "Ticket id, e.g. T-1") String ticketId,
                @AraParam(defaultValue = "false") boolean includeHistory, Optional<Priority> priority,
                @AraParam(defaultValue = "[\"open\"]") List<String> statuses, Filter filter) {
            return Map.of();
        }

        String triage(Map<String, Object> input) {
            return "";
        }

        void assign(String team, Optional<String> note, @AraParam(defaultValue = "3") int priority, String assignee,
                @AraParam(defaultValue = "false") boolean urgent) {
        }

        void route(@AraParam(name = "from") String from, String to) {
        }

        void clock(String time, String secret, boolean json) {
        }
    }

    @Test
    void quotesTextExactlyAsASerializedJsonString() {
        for (String text : List.of("", "plain", "quote \" and backslash \\", "line\nbreak\ttab\r",
                "\u0000\u001f\u007f", "caf\u00e9 \u2028 \ud83d\ude00", "</script>")) {
            assertThat(PythonSources.quote(text)).isEqualTo(AraJson.mapper().writeValueAsString(text));
        }
    }
}
