package so.ara.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class LogEventParserTest {

    static final String FULL = "{\"id\":\"42\",\"timestamp\":\"2026-11-24T00:00:21Z\",\"level\":\"error\","
            + "\"app_id\":\"app_1\",\"run_id\":\"run-9\",\"event_type\":\"run.failed\",\"message\":\"Tool failed\","
            + "\"data\":{\"agent_id\":\"triage_agent\",\"error\":{\"status\":503,\"detail\":[1,2.5,true,null]}}}";

    @Test
    void readsEveryField() {
        LogEvent event = LogEventParser.parse(null, FULL);
        assertThat(event.id()).isEqualTo("42");
        assertThat(event.timestamp()).isEqualTo("2026-11-24T00:00:21Z");
        assertThat(event.level()).isEqualTo("error");
        assertThat(event.runId()).isEqualTo("run-9");
        assertThat(event.eventType()).isEqualTo("run.failed");
        assertThat(event.message()).isEqualTo("Tool failed");
        assertThat(event.isTerminal()).isTrue();
        assertThat(event.format()).isEqualTo("2026-11-24T00:00:21Z ERROR run=run-9 event=run.failed Tool failed");
        assertThat(event.data().path("error").path("detail").get(1).asDouble()).isEqualTo(2.5);
        assertThat(event.data().path("agent_id").asString()).isEqualTo("triage_agent");
        assertThat(event.raw().path("app_id").asString()).isEqualTo("app_1");
        assertThat(event.raw()).isEqualTo(AraJson.mapper().readTree(FULL));
    }

    @Test
    void sseIdWinsOverTheRowIdUnlessBlank() {
        assertThat(LogEventParser.parse("43", FULL).id()).isEqualTo("43");
        assertThat(LogEventParser.parse(" ", FULL).id()).isEqualTo("42");
        assertThat(LogEventParser.parse(null, "{}").id()).isNull();
    }

    @Test
    void missingFieldsTakeThePythonDefaults() {
        LogEvent event = LogEventParser.parse(null, "{}");
        assertThat(List.of(event.timestamp(), event.level(), event.runId(), event.eventType(), event.message()))
                .containsExactly("", "info", "-", "runtime.event", "");
        assertThat(event.data()).isNull();
        assertThat(event.raw().isObject()).isTrue();
        assertThat(event.format()).isEqualTo("INFO run=- event=runtime.event");
    }

    @Test
    void decodesEscapesAndUnicode() {
        LogEvent event = LogEventParser.parse(null,
                "{\"message\":\"quote \\\" slash \\\\ \\/ tab\\t nl\\n \\u00e9\\u2713 \\ud83d\\ude00 Größe ✓ 😀\"}");
        assertThat(event.message()).isEqualTo("quote \" slash \\ / tab\t nl\n é✓ 😀 Größe ✓ 😀");
    }

    @Test
    void skipsUnknownFieldsOfAnyShape() {
        LogEvent event = LogEventParser.parse(null, "{\"extra\":{\"message\":\"inner\",\"list\":[{\"run_id\":\"x\"}]},"
                + "\"more\":[1,[2,[3]]],\"n\":1e3,\"message\":\"outer\",\"flag\":false}");
        assertThat(event.message()).isEqualTo("outer");
        assertThat(event.runId()).isEqualTo("-");
    }

    @Test
    void keepsNonObjectData() {
        assertThat(LogEventParser.parse(null, "{\"data\":\"text\"}").data().asString()).isEqualTo("text");
        assertThat(LogEventParser.parse(null, "{\"data\":[1,2]}").data().size()).isEqualTo(2);
        assertThat(LogEventParser.parse(null, "{\"data\":null}").data()).isNull();
    }

    @Test
    void readsTheTextOnlyOnceDataIsAskedFor() {
        LogEvent event = LogEventParser.parse("1", FULL);
        LogEvent same = LogEventParser.parse("1", FULL);
        assertThat(event).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(event.toString()).contains("runId=run-9", "\"agent_id\":\"triage_agent\"");
        assertThat(event).isNotEqualTo(LogEventParser.parse("2", FULL));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "", "[1,2]", "\"text\"", "42", "null", "{\"message\":\"x\"", "{} {}",
            "{\"a\":1} x", "{\"message\":\"bad \\q escape\"}", "{\"message\":\"raw\u0001control\"}", "{'a':1}",
            "{\"n\":NaN}", "{\"a\":[1,}", "{\"a\" 1}" })
    void rejectsWhatIsNotOneJsonObject(String text) {
        assertThat(LogEventParser.parse(null, text)).isNull();
        assertThat(tree(text)).as("the tree reader agrees").isNull();
    }

    /** The streaming reader gives exactly what reading the row as a tree gave (the previous implementation). */
    @ParameterizedTest
    @ValueSource(strings = { FULL, "{}", " {\"message\":\"padded\"} ",
            "{\"timestamp\":\"\",\"created_at\":\"2026-04-10T01:02:04Z\"}",
            "{\"created_at\":\"2026-04-10T01:02:04Z\",\"level\":\"\",\"run_id\":\"\",\"event_type\":\"\"}",
            "{\"timestamp\":null,\"created_at\":\"c\"}", "{\"timestamp\":{\"x\":1},\"created_at\":\"c\"}",
            "{\"id\":7,\"level\":true,\"run_id\":1.50,\"message\":-0,\"event_type\":12345678901234567890123}",
            "{\"message\":1e3,\"timestamp\":2.5E-7,\"level\":false}", "{\"message\":\"a\",\"message\":\"b\"}",
            "{\"message\":1,\"message\":\"text\"}", "{\"message\":\"text\",\"message\":null}",
            "{\"run_id\":[\"r\"],\"event_type\":{},\"data\":{\"deep\":{\"deeper\":[{\"x\":\"\\u00e9\"}]}}}" })
    void matchesTheTreeReader(String text) {
        LogEvent streamed = LogEventParser.parse("", text);
        LogEvent expected = tree(text);
        assertThat(streamed).isNotNull();
        assertThat(streamed.id()).isEqualTo(expected.id());
        assertThat(streamed.timestamp()).isEqualTo(expected.timestamp());
        assertThat(streamed.level()).isEqualTo(expected.level());
        assertThat(streamed.runId()).isEqualTo(expected.runId());
        assertThat(streamed.eventType()).isEqualTo(expected.eventType());
        assertThat(streamed.message()).isEqualTo(expected.message());
        assertThat(streamed.data()).isEqualTo(expected.data());
        assertThat(streamed.raw()).isEqualTo(expected.raw());
        assertThat(streamed).isEqualTo(expected);
    }

    @Test
    void handBuiltEventsKeepTheirTrees() {
        JsonNode raw = AraJson.mapper().readTree("{\"data\":{\"k\":1}}");
        LogEvent event = new LogEvent("1", "t", "info", "r", "run.started", "m", raw.get("data"), raw);
        assertThat(event.data()).isSameAs(raw.get("data"));
        assertThat(event.raw()).isSameAs(raw);
        assertThat(new LogEvent(null, "", "info", "-", "x", "", null, null).raw()).isNull();
    }

    /** The previous implementation: the whole row read as a tree, fields taken with {@link Json#text}. */
    static @Nullable LogEvent tree(String text) {
        JsonNode row;
        try {
            row = AraJson.mapper().readTree(text.strip());
        }
        catch (JacksonException ex) {
            return null;
        }
        if (row == null || !row.isObject()) {
            return null;
        }
        String timestamp = Json.text(row, "timestamp") != null ? Json.text(row, "timestamp")
                : Json.text(row, "created_at");
        return new LogEvent(Json.text(row, "id"), timestamp != null ? timestamp : "",
                orDefault(Json.text(row, "level"), "info"), orDefault(Json.text(row, "run_id"), "-"), orDefault(Json.text(row, "event_type"), "runtime.event"),
                orDefault(Json.text(row, "message"), ""), Json.node(row, "data"), row);
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
