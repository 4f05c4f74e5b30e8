package so.ara.spec;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every helper vector the Python SDK produced ({@code fixtures/reference-vectors.json}, copied from shared/), replayed
 * through the Java form of the same helper: the JSON must be equal, or the error message the same.
 */
class HelperVectorsTest {

    static Stream<JsonNode> vectors() throws Exception {
        try (InputStream in = HelperVectorsTest.class.getResourceAsStream("/fixtures/reference-vectors.json")) {
            List<JsonNode> list = new ArrayList<>();
            AraJson.mapper().readTree(in).get("helpers").forEach(list::add);
            assertThat(list).hasSize(41);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void javaHelperReproducesPythonResult(JsonNode vector) {
        Call call = new Call(vector.get("args"), vector.get("kwargs"));
        Function<Call, Object> helper = HelperCalls.forName(vector.get("helper").asString());
        JsonNode result = vector.get("result");
        if (result.has("ok")) {
            JsonNode actual = AraJson.mapper().valueToTree(helper.apply(call));
            assertThat(actual).isEqualTo(result.get("ok"));
        }
        else {
            String expected = result.get("error").asString().replaceFirst("^ValueError: ", "");
            assertThatThrownBy(() -> helper.apply(call)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected);
        }
    }

    /** A helper call's positional and keyword arguments, read as Java values. */
    record Call(JsonNode args, JsonNode kwargs) {

        String arg(int index) {
            return args.size() > index ? args.get(index).asString() : null;
        }

        boolean has(String name) {
            return kwargs.has(name);
        }

        String text(String name) {
            return has(name) ? kwargs.get(name).asString() : null;
        }

        Integer integer(String name) {
            return has(name) ? kwargs.get(name).asInt() : null;
        }

        Boolean bool(String name) {
            return has(name) ? kwargs.get(name).asBoolean() : null;
        }

        List<String> strings(String name) {
            return has(name) ? AraJson.mapper().convertValue(kwargs.get(name), stringList()) : null;
        }

        Map<String, Object> map(String name) {
            return has(name) ? AraJson.mapper().convertValue(kwargs.get(name), objectMap()) : null;
        }

        <T> T value(String name, Class<T> type) {
            return has(name) ? AraJson.mapper().convertValue(kwargs.get(name), type) : null;
        }

        private static tools.jackson.core.type.TypeReference<List<String>> stringList() {
            return new tools.jackson.core.type.TypeReference<>() {
            };
        }

        private static tools.jackson.core.type.TypeReference<Map<String, Object>> objectMap() {
            return new tools.jackson.core.type.TypeReference<>() {
            };
        }
    }
}
