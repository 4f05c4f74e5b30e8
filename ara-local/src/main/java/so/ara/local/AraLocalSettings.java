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
 * @param dataDir directory of the durable store ({@code ara-local.mv.db}): apps, keys, secrets, runs, events and log
 *                rows survive restarts and crashes; {@code null} (the default) keeps everything in memory only
 * @param keyFile the AES key that encrypts secrets and keys at rest, kept apart from the data (mode 0600);
 *                {@code null} means {@code <dataDir>/ara-local.key}
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
        Path dataDir,
        Path keyFile,
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
     * @param maxRuns most runs kept; the oldest finished runs are evicted first
     * @param maxLogRowsPerApp ring-buffer size of log rows per app (default 10,000)
     * @param maxBodyBytes largest accepted request body (default 1 MiB); larger answers 413
     * @param subscriberBuffer rows buffered per SSE subscriber before a slow subscriber is dropped
     * @param maxRunBytes most bytes of runs kept (inputs, outputs, errors as JSON; default 64 MiB); the oldest
     *                    finished runs are evicted first, and a new run that does not fit beside the unfinished ones
     *                    answers 503 with {@code Retry-After}
     * @param maxLogBytes most bytes of log rows kept over all apps (default 32 MiB); the oldest rows go first
     */
    public record Limits(int maxApps, int maxRuns, int maxLogRowsPerApp, int maxBodyBytes, int subscriberBuffer,
            long maxRunBytes, long maxLogBytes) {

        public Limits {
            if (maxApps < 1 || maxRuns < 1 || maxLogRowsPerApp < 1 || maxBodyBytes < 1 || subscriberBuffer < 1
                    || maxRunBytes < 1 || maxLogBytes < 1) {
                throw new IllegalArgumentException("every ara-local limit must be at least 1");
            }
        }

        public Limits(int maxApps, int maxRuns, int maxLogRowsPerApp, int maxBodyBytes, int subscriberBuffer) {
            this(maxApps, maxRuns, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer, 64L << 20, 32L << 20);
        }

        public static Limits defaults() {
            return new Limits(200, 5_000, 10_000, 1024 * 1024, 4096, 64L << 20, 32L << 20);
        }

        public Limits withMaxRunBytes(long value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer, value, maxLogBytes);
        }

        public Limits withMaxLogBytes(long value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer, maxRunBytes, value);
        }

        public Limits withMaxRuns(int value) {
            return new Limits(maxApps, value, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer, maxRunBytes,
                    maxLogBytes);
        }

        public Limits withMaxApps(int value) {
            return new Limits(value, maxRuns, maxLogRowsPerApp, maxBodyBytes, subscriberBuffer, maxRunBytes,
                    maxLogBytes);
        }

        public Limits withMaxLogRowsPerApp(int value) {
            return new Limits(maxApps, maxRuns, value, maxBodyBytes, subscriberBuffer, maxRunBytes, maxLogBytes);
        }

        public Limits withMaxBodyBytes(int value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, value, subscriberBuffer, maxRunBytes, maxLogBytes);
        }

        public Limits withSubscriberBuffer(int value) {
            return new Limits(maxApps, maxRuns, maxLogRowsPerApp, maxBodyBytes, value, maxRunBytes, maxLogBytes);
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
        return new AraLocalSettings("127.0.0.1", 0, null, null, null, Limits.defaults(), ModelSettings.builtin(),
                Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Clock.systemUTC(), PythonSettings.defaults());
    }

    public AraLocalSettings withHost(String value) {
        return new AraLocalSettings(value, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withPort(int value) {
        return new AraLocalSettings(host, value, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withApiKey(String value) {
        return new AraLocalSettings(host, port, value, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    /** Makes the server durable: its store lives in {@code value} ({@code null}: memory only). */
    public AraLocalSettings withDataDir(Path value) {
        return new AraLocalSettings(host, port, apiKey, value, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    /** Where the key that encrypts secrets at rest lives (default {@code <dataDir>/ara-local.key}). */
    public AraLocalSettings withKeyFile(Path value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, value, limits, model, callbackTimeout,
                heartbeatInterval, webhookBackoff, scheduleTick, clock, python);
    }

    /**
     * The JSON state file of earlier versions is gone: state lives in an embedded database in a directory.
     *
     * @deprecated use {@link #withDataDir(Path)}; this treats {@code value} as that directory
     */
    @Deprecated
    public AraLocalSettings withStateFile(Path value) {
        return withDataDir(value);
    }

    public AraLocalSettings withLimits(Limits value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, value, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withModel(ModelSettings value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, value, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withCallbackTimeout(Duration value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, value, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withHeartbeatInterval(Duration value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, value,
                webhookBackoff, scheduleTick, clock, python);
    }

    public AraLocalSettings withWebhookBackoff(Duration value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                value, scheduleTick, clock, python);
    }

    public AraLocalSettings withScheduleTick(Duration value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, value, clock, python);
    }

    public AraLocalSettings withClock(Clock value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, value, python);
    }

    public AraLocalSettings withPython(PythonSettings value) {
        return new AraLocalSettings(host, port, apiKey, dataDir, keyFile, limits, model, callbackTimeout, heartbeatInterval,
                webhookBackoff, scheduleTick, clock, value);
    }
}
