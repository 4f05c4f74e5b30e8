package so.ara.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import so.ara.auth.AraSignature;
import reactor.core.publisher.Mono;

/**
 * The callback bridge of docs/local-wire.md: when a tool's {@code source} (or an agent's
 * {@code prompt_factory.source}) assigns a string literal to {@code ARA_CALLBACK_URL}, ara-local POSTs the JSON body
 * there, signed with {@link AraSignature} keyed by the env value {@code JAVA_CALLBACK_SECRET} found in the app's
 * uploaded secrets, and reads {@code {"result": ...}}.
 *
 * <p>Without a callback URL the prompt is the agent's {@code instructions} (else {@code task}) followed by a blank
 * line and the run input rendered as JSON; a tool without one fails with
 * {@code tool '<name>' has no callback URL; it can only run in the Ara runtime}.
 */
final class CallbackBridge implements PromptBuilder, ToolInvoker {

    static final String SECRET_ENV = "JAVA_CALLBACK_SECRET";
    private static final Pattern URL = Pattern.compile(
            "(?m)^\\s*ARA_CALLBACK_URL\\s*(?::\\s*[A-Za-z_][A-Za-z0-9_.\\[\\]]*\\s*)?=\\s*(['\"])([^'\"\\r\\n]+)\\1");

    private final LocalHttpClient http;
    private final Duration timeout;
    private final Clock clock;

    CallbackBridge(LocalHttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The string literal assigned to {@code ARA_CALLBACK_URL} in Python source, or null. */
    static String callbackUrl(Object source) {
        if (!(source instanceof String s)) {
            return null;
        }
        Matcher m = URL.matcher(s);
        return m.find() ? m.group(2).trim() : null;
    }

    @Override
    public Mono<String> build(LocalApp app, String agentId, Map<String, Object> agentRow, Object input) {
        String url = callbackUrl(Json.map(agentRow, "prompt_factory") == null ? null
                : Json.map(agentRow, "prompt_factory").get("source"));
        if (url == null) {
            String instructions = Json.str(agentRow, "instructions");
            if (instructions == null) {
                instructions = Json.str(agentRow, "task");
            }
            String rendered = Json.writeString(input);
            return Mono.just(instructions == null ? rendered : instructions + "\n\n" + rendered);
        }
        String what = "prompt callback of agent '" + agentId + "'";
        return call(app, url, Json.obj("input", input), what).map(result -> {
            if (result instanceof String s) {
                return s;
            }
            throw new AgentModel.ToolFailure(what + " answered a non-string result");
        });
    }

    @Override
    public Mono<Object> invoke(LocalApp app, String toolName, Map<String, Object> toolRow, Map<String, Object> args) {
        String url = callbackUrl(toolRow == null ? null : toolRow.get("source"));
        if (url == null) {
            return Mono.error(new AgentModel.ToolFailure(
                    "tool '" + toolName + "' has no callback URL; it can only run in the Ara runtime"));
        }
        return call(app, url, args, "tool '" + toolName + "'");
    }

    /** The problem detail the app answered (for example the exception a Java tool threw), as {@code ": <detail>"}. */
    private static String problemDetail(byte[] body) {
        try {
            Map<String, Object> problem = Json.map(Json.parse(body));
            Object detail = problem == null ? null : problem.get("detail");
            return detail instanceof String text && !text.isBlank() ? ": " + text : "";
        }
        catch (RuntimeException notAProblem) {
            return "";
        }
    }

    private Mono<Object> call(LocalApp app, String url, Object body, String what) {
        return Mono.defer(() -> {
            String secret = app.secretValue(SECRET_ENV);
            if (secret == null || secret.isEmpty()) {
                return Mono.error(new AgentModel.ToolFailure(what + " cannot be called: no app secret holds "
                        + SECRET_ENV));
            }
            byte[] bytes = Json.write(body);
            long ts = clock.instant().getEpochSecond();
            String delivery = "dlv_" + LocalStore.random(20);
            Map<String, String> headers = Map.of(AraSignature.TIMESTAMP_HEADER, Long.toString(ts),
                    AraSignature.DELIVERY_ID_HEADER, delivery,
                    AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, ts, delivery, bytes));
            return http.postJson(url, headers, bytes, timeout)
                    .onErrorMap(TimeoutException.class, e -> new AgentModel.ToolFailure(
                            what + " callback timed out after " + timeout.toMillis() + " ms"))
                    .onErrorMap(e -> !(e instanceof AgentModel.ToolFailure), e -> new AgentModel.ToolFailure(
                            what + " callback failed: " + e.getClass().getSimpleName()))
                    .map(resp -> {
                        if (!resp.ok()) {
                            throw new AgentModel.ToolFailure(what + " callback answered HTTP " + resp.status()
                                    + problemDetail(resp.body()));
                        }
                        Object parsed;
                        try {
                            parsed = Json.parse(resp.body());
                        } catch (ApiException e) {
                            throw new AgentModel.ToolFailure(what + " callback answered invalid JSON");
                        }
                        Map<String, Object> m = Json.map(parsed);
                        if (m == null || !m.containsKey("result")) {
                            throw new AgentModel.ToolFailure(what
                                    + " callback answered JSON without a \"result\" field");
                        }
                        Object result = m.get("result");
                        return result == null ? (Object) Json.obj() : result;
                    });
        });
    }
}
