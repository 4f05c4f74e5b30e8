package so.ara.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import so.ara.annotation.AraParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Schemas of Java signatures: what the reference maps, and the Java-only extras. */
class ParameterSchemasTest {

    enum Channel {
        EMAIL, CHAT
    }

    record Contact(@JsonProperty("customer_email") String customerEmail, @Nullable String phone) {
    }

    record Node(String name, List<Node> children) {
    }

    @SuppressWarnings("unused")
    static class Tools {

        void everything(String text, boolean flag, int count, long big, double ratio, Map<String, Object> data,
                List<String> tags, Set<Integer> ids, String[] lines, Channel channel, Optional<Contact> contact,
                @AraParam(description = "How many", defaultValue = "5") int limit, @Nullable String note) {
        }

        void recursive(Node root) {
        }

        void defaultNotJson(@AraParam(defaultValue = "five") int limit) {
        }
    }

    @Test
    void javaTypesMapToJsonSchema() throws Exception {
        String schema = ParameterSchemas.forMethod(method("everything")).toString();
        assertThat(schema).isEqualTo("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},"
                + "\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},"
                + "\"ratio\":{\"type\":\"number\"},\"data\":{\"type\":\"object\"},\"tags\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"string\"}},\"ids\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
                + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"channel\":{\"type\":\"string\","
                + "\"enum\":[\"EMAIL\",\"CHAT\"]},\"contact\":{\"type\":\"object\",\"properties\":{\"customer_email\":"
                + "{\"type\":\"string\"},\"phone\":{\"type\":\"string\"}},\"required\":[\"customer_email\"]},"
                + "\"limit\":{\"type\":\"integer\",\"description\":\"How many\",\"default\":5},\"note\":{\"type\":"
                + "\"string\"}},\"required\":[\"text\",\"flag\",\"count\",\"big\",\"ratio\",\"data\",\"tags\",\"ids\","
                + "\"lines\",\"channel\"]}");
    }

    @Test
    void selfReferencingRecordsStopAtTheCycle() throws Exception {
        assertThat(ParameterSchemas.forMethod(method("recursive")).toString()).isEqualTo("{\"type\":\"object\","
                + "\"properties\":{\"root\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"children\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}},\"required\":[\"name\","
                + "\"children\"]}},\"required\":[\"root\"]}");
    }

    @Test
    void defaultsMustBeJsonLiterals() {
        assertThatIllegalArgumentException().isThrownBy(() -> ParameterSchemas.forMethod(method("defaultNotJson")))
                .withMessageContaining("@AraParam(defaultValue = \"five\") is not a JSON literal");
    }

    private static java.lang.reflect.Method method(String name) {
        for (java.lang.reflect.Method method : Tools.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
