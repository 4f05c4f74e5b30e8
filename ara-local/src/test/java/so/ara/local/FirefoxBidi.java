package so.ara.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

/**
 * Debian's system Firefox ESR driven over WebDriver BiDi, which Firefox speaks itself (no geckodriver): a headless
 * browser with a throwaway profile that never touches the network, and a minimal client over
 * {@code java.net.http}'s WebSocket. Commands block until Firefox answers; a BiDi error becomes an exception.
 */
final class FirefoxBidi implements AutoCloseable {

    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /** No updates, telemetry, safe-browsing lists or other background requests: the tests stay on loopback. */
    private static final List<String> PREFS = List.of(
            "app.update.enabled\", false", "app.update.auto\", false", "app.normandy.enabled\", false",
            "datareporting.healthreport.uploadEnabled\", false", "datareporting.policy.dataSubmissionEnabled\", false",
            "toolkit.telemetry.enabled\", false", "toolkit.telemetry.unified\", false",
            "browser.shell.checkDefaultBrowser\", false", "browser.startup.homepage_override.mstone\", \"ignore\"",
            "browser.safebrowsing.malware.enabled\", false", "browser.safebrowsing.phishing.enabled\", false",
            "browser.safebrowsing.downloads.enabled\", false", "browser.safebrowsing.update.enabled\", false",
            "network.captive-portal-service.enabled\", false", "network.connectivity-service.enabled\", false",
            "network.dns.disablePrefetch\", true", "network.prefetch-next\", false",
            "extensions.update.enabled\", false", "extensions.getAddons.cache.enabled\", false",
            "browser.newtabpage.enabled\", false", "browser.aboutwelcome.enabled\", false",
            "services.settings.server\", \"http://127.0.0.1:9/\"", "remote.prefs.recommended\", true");

    private final Process process;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final String context;

    /** Why the Firefox tests cannot run here, or null when they can. */
    static String unavailableReason() {
        if (!Files.isExecutable(FIREFOX)) {
            return "Firefox ESR is not installed (apt-get install firefox-esr; .ci/run does it): " + FIREFOX
                    + " is needed";
        }
        return null;
    }

    /** Starts a headless Firefox on a fresh profile in {@code profile} and opens a BiDi session to it. */
    static FirefoxBidi start(Path profile, int width, int height) throws IOException {
        Files.createDirectories(profile);
        StringBuilder prefs = new StringBuilder();
        PREFS.forEach(p -> prefs.append("user_pref(\"").append(p).append(");\n"));
        Files.writeString(profile.resolve("user.js"), prefs);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote",
                "--remote-debugging-port=" + port, "--remote-allow-hosts=127.0.0.1", "--profile",
                profile.toAbsolutePath().toString(), "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("firefox.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            AtomicReference<FirefoxBidi> self = new AtomicReference<>();
            Listener listener = new Listener(self);
            AtomicReference<WebSocket> socket = new AtomicReference<>();
            // Firefox opens its BiDi port a few seconds after it starts
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("firefox exited: " + Files.readString(
                                    profile.resolve("firefox.log")));
                        }
                        socket.set(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/session"), listener)
                                .get(10, TimeUnit.SECONDS));
                        return true;
                    });
            return new FirefoxBidi(process, socket.get(), self);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private FirefoxBidi(Process process, WebSocket socket, AtomicReference<FirefoxBidi> self) {
        this.process = process;
        this.socket = socket;
        self.set(this);
        send("session.new", Json.obj("capabilities", Json.obj()));
        List<Map<String, Object>> contexts = Json.maps(send("browsingContext.getTree", Json.obj()).get("contexts"));
        this.context = contexts.isEmpty()
                ? Json.str(send("browsingContext.create", Json.obj("type", "tab")), "context")
                : Json.str(contexts.get(0), "context");
    }

    /** Sends one BiDi command and waits for its result. */
    Map<String, Object> send(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.writeString(Json.obj("id", id, "method", method, "params", params)), true).join();
        try {
            return answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + ": no answer within " + COMMAND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + ": interrupted");
        } finally {
            pending.remove(id);
        }
    }

    private void answer(Map<String, Object> message) {
        if (!(message.get("id") instanceof Number id)) {
            return; // an event: none subscribed
        }
        CompletableFuture<Map<String, Object>> waiting = pending.get(id.longValue());
        if (waiting == null) {
            return;
        }
        if ("error".equals(message.get("type"))) {
            waiting.completeExceptionally(new IllegalStateException(message.get("error") + ": "
                    + message.get("message")));
        } else {
            Map<String, Object> result = Json.map(message, "result");
            waiting.complete(result == null ? Json.obj() : result);
        }
    }

    /** Loads {@code url} and waits until its document has loaded. */
    void navigate(String url) {
        send("browsingContext.navigate", Json.obj("context", context, "url", url, "wait", "complete"));
    }

    /** Evaluates a JavaScript expression in the page (promises awaited); answers it as plain JSON values. */
    Object eval(String expression) {
        Map<String, Object> answer = send("script.evaluate", Json.obj("expression", expression, "target",
                Json.obj("context", context), "awaitPromise", true, "resultOwnership", "none"));
        if ("exception".equals(answer.get("type"))) {
            throw new IllegalStateException("script failed: " + Json.map(answer, "exceptionDetails").get("text"));
        }
        return value(Json.map(answer, "result"));
    }

    String text(String expression) {
        Object value = eval(expression);
        return value == null ? null : value.toString();
    }

    /** A BiDi RemoteValue as plain Java: strings, numbers, booleans, null, lists and maps of those. */
    private static Object value(Map<String, Object> remote) {
        Object v = remote.get("value");
        return switch (String.valueOf(remote.get("type"))) {
            case "string", "boolean" -> v;
            case "number" -> v; // NaN and the infinities come as strings
            case "array", "nodelist", "htmlcollection" -> {
                List<Object> out = new ArrayList<>();
                Json.maps(v).forEach(item -> out.add(value(item)));
                yield out;
            }
            case "object" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Object pair : Json.list(v)) {
                    List<Object> kv = Json.list(pair);
                    out.put(String.valueOf(kv.get(0)), value(Json.map(kv.get(1))));
                }
                yield out;
            }
            default -> null; // undefined, null, nodes
        };
    }

    /** Waits until a JavaScript expression is true, polling it. */
    void await(String condition) {
        // a page being replaced answers with an error for a moment: keep polling
        Awaitility.await(condition).atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> Boolean.TRUE.equals(eval("Boolean(" + condition + ")")));
    }

    /** Presses keys as a user does (WebDriver key values, e.g. {@code \uE004} for Tab). */
    void press(String... keys) {
        List<Object> actions = new ArrayList<>();
        for (String key : keys) {
            actions.add(Json.obj("type", "keyDown", "value", key));
            actions.add(Json.obj("type", "keyUp", "value", key));
        }
        send("input.performActions", Json.obj("context", context, "actions", List.of(Json.obj("type", "key", "id",
                "keyboard", "actions", actions))));
    }

    /** Sets the viewport in CSS pixels; a device pixel ratio of 2 is how 200% zoom renders. */
    void viewport(int width, int height, double devicePixelRatio) {
        send("browsingContext.setViewport", Json.obj("context", context, "viewport", Json.obj("width", width,
                "height", height), "devicePixelRatio", devicePixelRatio));
    }

    /** Saves the whole document as {@code target/console-screenshots/firefox-<name>.png}. */
    void screenshot(String name) {
        eval("document.getElementById('toast') && document.getElementById('toast').classList.remove('show')");
        Map<String, Object> shot = send("browsingContext.captureScreenshot", Json.obj("context", context, "origin",
                "document"));
        try {
            Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
            Files.write(ConsoleBrowser.SCREENSHOTS.resolve("firefox-" + name + ".png"),
                    Base64.getDecoder().decode(Json.str(shot, "data")));
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            send("browser.close", Json.obj());
        } catch (RuntimeException e) {
            // already gone
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Joins a message's fragments and hands whole messages to the client. */
    private static final class Listener implements WebSocket.Listener {
        private final AtomicReference<FirefoxBidi> client;
        private final StringBuilder partial = new StringBuilder();

        Listener(AtomicReference<FirefoxBidi> client) {
            this.client = client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = Json.map(Json.parse(partial.toString().getBytes(StandardCharsets.UTF_8)));
                partial.setLength(0);
                FirefoxBidi bidi = client.get();
                if (bidi != null && message != null) {
                    bidi.answer(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
