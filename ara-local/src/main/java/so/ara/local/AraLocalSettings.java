package so.ara.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import so.ara.local.python.PythonSettings;

/**
 * Settings of an {@link AraLocalServer}. Start from {@link #defaults()} and use the withers.
 *
 * @param host interface to bind (default {@code 127.0.0.1})
 * @param port port to bind, {@code 0} picks a free port
 * @param apiKey control-plane bearer key accepted by management routes; {@code null} mints {@code ak_local_<random>}
 * @param stateFile JSON file keeping apps, keys and secrets across restarts; {@code null} keeps state in memory only
 * @param limits memory and request bounds
 * @param model the model that answers runs
 * @param callbackTimeout timeout of one outgoing HTTP call (webhook delivery; the OpenAI-compatible model gets 4x)
 * @param heartbeatInterval interval of {@code : keep-alive} comments on SSE streams
 * @param webhookBackoff first back-off of webhook retries (doubled on each of the 3 retries: 1 s, 2 s, 4 s by default)
 * @param scheduleTick how often schedules are checked; {@code null} disables the automatic ticker (tests call tick)
 * @param clock the clock used for timestamps, rate-limit windows, signatures and schedules
 * @param python how the Python of deployed apps runs (interpreter, warm pool, per-call timeout)
 */
public record AraLocalSettings(
        String host,
        int port,
        String apiKey,
        Path stateFile,
        Limits limits,
        ModelSettings model,
        Duration callbackTimeout,
        Duration heartbeatInterval,
        Duration webhookBackoff,
        Duration scheduleTick,
        Clock clock,
        PythonSettings python) {

    /**
     * Memory and request bounds.
     *
     * @param maxApps most apps kept; creating one more answers 422
     * @param maxRuns most runs kept in memory; the oldest finished runs are evicted first
     * @param maxLogRowsPerApp ring-buffer size of log rows per app (default 10,000)
     * @param maxBodyBytes largest accepted request body (default 1 MiB); larger answers 413
     * @param subscriberBuffer rows buffered per SSE subscriber before a slow subscriber is dropped
     */
    public record Limits(int maxApps, int maxRuns, int maxLogRowsPerApp, int maxBodyBytes, int subscriberBuffer) {

        public static Limits defaults() {
            return new Limits(200, 5_000, 10_000, 1024 * 1024, 4096);
        }

        public Limits withMaxRuns(int value) {
            return new Limits(maxApps, value, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer);
        }

        public Limits withMaxApps(int value) {
            return new Limits(value, maxRuns, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer);
        }

        public Limits withMaxLogRowsPerApp(int value) {
            return new Limits(maxApps, maxRuns, value, maxBodyBytes, subscriberBuffer);
        }

        public Limits withMaxBodyBytes(int value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, value, subscriberBuffer);
        }

        public Limits withSubscriberBuffer(int value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, maxBodyBytes, value);
        }
    }

    /**
     * Which model answers runs: {@code builtin} (deterministic, the default) or {@code openai-compatible}
     * (a chat-completions endpoint at {@code baseUrl}, e.g. {@code https://api.openai.com/v1}).
     */
    public record ModelSettings(String kind, String baseUrl, String model, String apiKey) {

        public static ModelSettings builtin() {
            return new ModelSettings("builtin", null, null, null);
        }

        public static ModelSettings openAiCompatible(String baseUrl, String model, String apiKey) {
            return new ModelSettings("openai-compatible", baseUrl, model, apiKey);
        }

        public boolean isOpenAiCompatible() {
            return "openai-compatible".equalsIgnoreCase(kind) || "openai".equalsIgnoreCase(kind);
        }
    }

    public AraLocalSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        limits = limits == null ? Limits.defaults() : limits;
        model = model == null ? ModelSettings.builtin() : model;
        callbackTimeout = callbackTimeout == null ? Duration.ofSeconds(30) : callbackTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(15) : heartbeatInterval;
        webhookBackoff = webhookBackoff == null ? Duration.ofSeconds(1) : webhookBackoff;
        clock = clock == null ? Clock.systemUTC() : clock;
        python = python == null ? PythonSettings.defaults() : python;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }

    public static AraLocalSettings defaults() {
        return new AraLocalSettings("127.0.0.1", 0, null, null, Limits.defaults(), ModelSettings.builtin(),
                Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Clock.systemUTC(), PythonSettings.defaults());
    }

    public AraLocalSettings withHost(String value) {
        return new AraLocalSettings(value, port, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withPort(int value) {
        return new AraLocalSettings(host, value, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withApiKey(String value) {
        return new AraLocalSettings(host, port, value, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withStateFile(Path value) {
        return new AraLocalSettings(host, port, apiKey, value, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withLimits(Limits value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, value, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withModel(ModelSettings value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, value, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withCallbackTimeout(Duration value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, value, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withHeartbeatInterval(Duration value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, callbackTimeout, value,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withWebhookBackoff(Duration value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                value, scheduleTick, clock, python);
    }

    public AraLocalSettings withScheduleTick(Duration value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, value, clock, python);
    }

    public AraLocalSettings withClock(Clock value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, value, python);
    }

    public AraLocalSettings withPython(PythonSettings value) {
        return new AraLocalSettings(host, port, apiKey, stateFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, value);
    }
}
