package so.ara.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the Python that Ara's runtime executes for a Java tool or prompt method: a stdlib-only function with the
 * method's name and signature that POSTs its arguments, signed with Ara's HMAC scheme, to the app's callback route,
 * and returns the JSON {@code result}. Without a callback base URL the function raises a clear error instead.
 * The output depends only on the declarations and the URL, so redeploys do not churn.
 * <p>
 * The Python signature follows the parameters schema in its property order: required parameters without a default,
 * optional ones defaulting to the schema's {@code default} (or {@code None}); when a required parameter follows an
 * optional one, everything from the first optional parameter on is keyword-only. When a name cannot be a Python
 * parameter (a keyword such as {@code from}, or not an identifier), the function takes {@code **kwargs} and forwards
 * them as they are. The arguments are captured before anything else runs, so a parameter named like a local of the
 * function body ({@code json}, {@code time}, {@code secret}) is still sent as given.
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
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
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

    /** The callback path of a tool, relative to the callback base URL (the id percent-encoded as one segment). */
    public static String toolPath(String toolId) {
        return TOOL_PATH + pathSegment(toolId);
    }

    /** The callback path of an agent's prompt method, relative to the callback base URL. */
    public static String promptPath(String agentId) {
        return AGENT_PATH + pathSegment(agentId) + "/prompt";
    }

    public String toolSource(String toolId, String functionName, String description, ObjectNode parameters) {
        checkFunctionName(functionName);
        Signature signature = Signature.of(parameters);
        String arguments = signature.usesKwargs() ? "dict(kwargs)" : "{" + String.join(", ",
                signature.names().stream().map(n -> quote(n) + ": " + n).toList()) + "}";
        String header = "def " + functionName + "(" + signature.text() + "):\n" + docstring(description);
        return header + body("Tool '" + toolId + "'", toolPath(toolId), arguments, "payload.get(\"result\")");
    }

    public String promptSource(String agentId, String functionName, ObjectNode parameters, String instructions) {
        checkFunctionName(functionName);
        Signature signature = Signature.of(parameters);
        String input;
        if (signature.usesKwargs()) {
            input = signature.names().isEmpty() ? "{}" : "kwargs.get(" + quote(signature.names().get(0)) + ")";
        }
        else {
            input = signature.names().isEmpty() ? "{}" : signature.names().get(0);
        }
        String header = "def " + functionName + "(" + signature.text() + ") -> str:\n" + docstring(instructions);
        return header + body("Prompt of agent '" + agentId + "'", promptPath(agentId), "{\"input\": " + input + "}",
                "str(payload.get(\"result\") or \"\")");
    }

    private String body(String what, String path, String arguments, String result) {
        if (callbackBaseUrl == null) {
            return "    raise RuntimeError(" + quote(what + " is implemented in Java by the Spring app '" + appSlug
                    + "', which is not reachable from Ara: set ara.callback.base-url to the app's public URL and deploy"
                    + " again.") + ")\n";
        }
        String label = quote(what);
        return String.join("\n",
                "    arguments = " + arguments,
                "    import hashlib, hmac, json, os, time, uuid, urllib.error, urllib.request",
                "    ARA_CALLBACK_URL = " + quote(callbackBaseUrl + path),
                "    secret = os.environ.get(" + quote(CALLBACK_SECRET_ENV) + ", \"\")",
                "    if not secret:",
                "        raise RuntimeError(" + label + " + \": " + CALLBACK_SECRET_ENV
                        + " is not set; deploy the Spring app again to sync it\")",
                "    body = json.dumps(arguments, separators=(\",\", \":\")).encode(\"utf-8\")",
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
                "        detail = error.read(4096).decode(\"utf-8\", \"replace\")",
                "        try:",
                "            problem = json.loads(detail)",
                "        except ValueError:",
                "            problem = None",
                "        if isinstance(problem, dict) and (problem.get(\"detail\") or problem.get(\"title\")):",
                "            detail = str(problem.get(\"detail\") or problem.get(\"title\"))",
                "        raise RuntimeError(" + label + " + \" failed in Java (HTTP %d): %s\" % (error.code, detail))"
                        + " from None",
                "    except (urllib.error.URLError, TimeoutError, OSError) as error:",
                "        raise RuntimeError(" + label + " + \": the Spring app is unreachable: %s\" % error) from None",
                "    except ValueError:",
                "        payload = None",
                "    if not isinstance(payload, dict):",
                "        raise RuntimeError(" + label + " + \": the Spring app answered invalid JSON\")",
                "    return " + result,
                "");
    }

    /** Java allows method names Python does not ({@code pass}, {@code None}, names with {@code $}). */
    private static void checkFunctionName(String functionName) {
        if (functionName == null || PYTHON_KEYWORDS.contains(functionName)
                || !FUNCTION_NAME.matcher(functionName).matches()) {
            throw new IllegalArgumentException("the method name '" + functionName + "' cannot be a Python function"
                    + " name (a Python keyword or not an identifier): rename the method");
        }
    }

    /**
     * A docstring that is a single valid string literal for any text: backslashes and every double quote are
     * escaped (so no {@code """} or trailing quote can end it early), and control characters other than newline and
     * tab are written as escapes. Indentation inside a string literal does not matter to Python.
     */
    static String docstring(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("    \"\"\"");
        clean.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n', '\t' -> out.appendCodePoint(c);
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    }
                    else if (c == 0x85 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    }
                    else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append("\"\"\"\n").toString();
    }

    /**
     * A JSON string literal is a valid Python string literal for any text. Escaped by jackson-core alone, as a
     * serialized string would be: the manifest is built at startup, before anything needs databind's serializers.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"').toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so the id stays one path segment. */
    private static String pathSegment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            }
            else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
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
            boolean keywordOnly = false;
            boolean optionalSeen = false;
            for (String name : names) {
                if (!required.contains(name)) {
                    optionalSeen = true;
                }
                else if (optionalSeen) {
                    keywordOnly = true;
                }
            }
            List<String> parts = new ArrayList<>();
            boolean starPlaced = false;
            for (String name : names) {
                JsonNode property = properties.get(name);
                String type = PYTHON_TYPES.get(property.path("type").asString(""));
                String annotated = type == null ? name : name + ": " + type;
                boolean isRequired = required.contains(name);
                if (keywordOnly && !starPlaced && !isRequired) {
                    parts.add("*");
                    starPlaced = true;
                }
                if (isRequired) {
                    parts.add(annotated);
                }
                else {
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
            if (value.isString()) {
                return quote(value.asString());
            }
            return value.toString();
        }
    }
}
