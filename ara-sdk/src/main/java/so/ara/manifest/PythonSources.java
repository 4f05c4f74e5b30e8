package so.ara.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the Python that Ara's runtime executes for a Java tool or prompt method: a stdlib-only function with the
 * method's name and signature that POSTs its arguments, signed with Ara's HMAC scheme, to the app's callback route,
 * and returns the JSON {@code result}. Without a callback base URL the function raises a clear error instead.
 * The output depends only on the declarations and the URL, so redeploys do not churn.
 */
public final class PythonSources {

    /** Environment variable (synced by deploy as a secret) holding the callback signing key. */
    public static final String CALLBACK_SECRET_ENV = "JAVA_CALLBACK_SECRET";
    /** Name of the app secret that carries {@link #CALLBACK_SECRET_ENV}. */
    public static final String CALLBACK_SECRET_NAME = "ara-java-callback";
    public static final String TOOL_PATH = "/ara/callbacks/tools/";
    public static final String AGENT_PATH = "/ara/callbacks/agents/";

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, String> PYTHON_TYPES = Map.of("string", "str", "boolean", "bool", "integer",
            "int", "number", "float", "object", "dict", "array", "list");

    private final String appSlug;
    private final String callbackBaseUrl;

    private PythonSources(String appSlug, String callbackBaseUrl) {
        this.appSlug = appSlug;
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public static PythonSources withoutCallback(String appSlug) {
        return new PythonSources(appSlug, null);
    }

    public static PythonSources withCallback(String appSlug, String callbackBaseUrl) {
        String base = callbackBaseUrl == null || callbackBaseUrl.isBlank() ? null
                : callbackBaseUrl.trim().replaceAll("/+$", "");
        return new PythonSources(appSlug, base);
    }

    public boolean hasCallback() {
        return callbackBaseUrl != null;
    }

    public String toolSource(String toolId, String functionName, String description, ObjectNode parameters) {
        Signature signature = Signature.of(parameters);
        String call = "{" + String.join(", ", signature.names().stream().map(n -> quote(n) + ": " + n).toList()) + "}";
        if (signature.usesKwargs()) {
            call = "dict(kwargs)";
        }
        String header = "def " + functionName + "(" + signature.text() + "):\n" + docstring(description);
        return header + body("Tool '" + toolId + "'", TOOL_PATH + toolId, call, "payload.get(\"result\")");
    }

    public String promptSource(String agentId, String functionName, ObjectNode parameters, String instructions) {
        Signature signature = Signature.of(parameters);
        String input = signature.names().isEmpty() ? "{}" : signature.names().get(0);
        String header = "def " + functionName + "(" + signature.text() + ") -> str:\n" + docstring(instructions);
        return header + body("Prompt of agent '" + agentId + "'", AGENT_PATH + agentId + "/prompt",
                "{\"input\": " + input + "}", "str(payload.get(\"result\", \"\"))");
    }

    private String body(String what, String path, String arguments, String result) {
        if (callbackBaseUrl == null) {
            return "    raise RuntimeError(" + quote(what + " is implemented in Java by the Spring app '" + appSlug
                    + "', which is not reachable from Ara: set ara.callback.base-url to the app's public URL and deploy"
                    + " again.") + ")\n";
        }
        String label = quote(what);
        return String.join("\n",
                "    import hashlib, hmac, json, os, time, uuid, urllib.error, urllib.request",
                "    ARA_CALLBACK_URL = " + quote(callbackBaseUrl + path),
                "    secret = os.environ.get(" + quote(CALLBACK_SECRET_ENV) + ", \"\")",
                "    if not secret:",
                "        raise RuntimeError(" + label + " + \": " + CALLBACK_SECRET_ENV
                        + " is not set; deploy the Spring app again to sync it\")",
                "    body = json.dumps(" + arguments + ", separators=(\",\", \":\")).encode(\"utf-8\")",
                "    timestamp = str(int(time.time()))",
                "    delivery_id = uuid.uuid4().hex",
                "    signed = (timestamp + \".\" + delivery_id + \".\").encode(\"utf-8\") + body",
                "    signature = hmac.new(secret.encode(\"utf-8\"), signed, hashlib.sha256).hexdigest()",
                "    request = urllib.request.Request(ARA_CALLBACK_URL, data=body, method=\"POST\", headers={",
                "        \"Content-Type\": \"application/json\", \"Accept\": \"application/json\",",
                "        \"X-Ara-Timestamp\": timestamp, \"X-Ara-Delivery-Id\": delivery_id,",
                "        \"X-Ara-Signature\": \"sha256=\" + signature})",
                "    try:",
                "        with urllib.request.urlopen(request, timeout=30) as response:",
                "            payload = json.loads(response.read().decode(\"utf-8\"))",
                "    except urllib.error.HTTPError as error:",
                "        detail = error.read(2048).decode(\"utf-8\", \"replace\")",
                "        raise RuntimeError(" + label + " + \" failed in Java (HTTP %d): %s\" % (error.code, detail))",
                "    except (urllib.error.URLError, TimeoutError, OSError) as error:",
                "        raise RuntimeError(" + label + " + \": the Spring app is unreachable: %s\" % error)",
                "    except ValueError:",
                "        raise RuntimeError(" + label + " + \": the Spring app answered invalid JSON\")",
                "    return " + result,
                "");
    }

    private static String docstring(String text) {
        String clean = text == null ? "" : text.trim();
        if (clean.isEmpty()) {
            return "";
        }
        return "    \"\"\"" + clean.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"") + "\"\"\"\n";
    }

    /** A JSON string literal is a valid Python string literal for any text. */
    static String quote(String text) {
        return AraJson.mapper().writeValueAsString(text);
    }

    /** The Python parameter list derived from a JSON schema, in declaration order. */
    private record Signature(List<String> names, String text, boolean usesKwargs) {

        static Signature of(ObjectNode schema) {
            JsonNode properties = schema == null ? null : schema.get("properties");
            Set<String> required = new LinkedHashSet<>();
            if (schema != null && schema.get("required") != null) {
                schema.get("required").forEach(name -> required.add(name.asString()));
            }
            List<String> names = new ArrayList<>();
            if (properties != null) {
                names.addAll(properties.propertyNames());
            }
            if (names.stream().anyMatch(n -> PYTHON_KEYWORDS.contains(n) || !IDENTIFIER.matcher(n).matches())) {
                return new Signature(names, "**kwargs", true);
            }
            List<String> parts = new ArrayList<>();
            boolean optionalSeen = false;
            boolean keywordOnly = false;
            for (String name : names) {
                JsonNode property = properties.get(name);
                String type = PYTHON_TYPES.get(property.path("type").asString(""));
                String annotated = type == null ? name : name + ": " + type;
                boolean isRequired = required.contains(name);
                if (isRequired && optionalSeen && !keywordOnly) {
                    parts.add(0, "*");
                    keywordOnly = true;
                }
                if (isRequired) {
                    parts.add(annotated);
                }
                else {
                    optionalSeen = true;
                    JsonNode defaultValue = property.get("default");
                    parts.add(annotated + " = " + (defaultValue == null ? "None" : pythonLiteral(defaultValue)));
                }
            }
            return new Signature(names, String.join(", ", parts), false);
        }

        private static String pythonLiteral(JsonNode value) {
            if (value.isBoolean()) {
                return value.asBoolean() ? "True" : "False";
            }
            if (value.isNull()) {
                return "None";
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(pythonLiteral(item)));
                return "[" + String.join(", ", items) + "]";
            }
            if (value.isObject()) {
                List<String> entries = new ArrayList<>();
                value.properties().forEach(e -> entries.add(quote(e.getKey()) + ": " + pythonLiteral(e.getValue())));
                return "{" + String.join(", ", entries) + "}";
            }
            return value.toString();
        }
    }
}
