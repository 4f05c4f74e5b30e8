package so.ara.client;

import java.time.Duration;

/**
 * Transport settings of {@link AraClient} and {@link AraRuntimeClient}. Credentials and base URL come from
 * {@link so.ara.credentials.AraCredentials}. In a Spring Boot app they are the {@code ara.client.*} properties.
 *
 * @param timeout                 timeout of a single (non-streaming) call, reference default 30 s
 * @param runTimeout              timeout of {@code POST /v1/apps/{id}/run}; reference default 120 s (minimum 30 s
 *                                is applied only when read from {@code ARA_RUN_TIMEOUT_SECONDS})
 * @param connectTimeout          TCP connect timeout of the streaming connector
 * @param maxRetries              retries of idempotent calls (GET, PUT, DELETE) after connection errors or 502/503/504
 * @param retryBackoff            fixed delay between those retries
 * @param reconnect               whether log streams reconnect (with {@code Last-Event-ID}) when the connection drops
 * @param reconnectInitialBackoff first reconnect delay when the server sent no {@code retry:}
 * @param reconnectMaxBackoff     cap of the exponential reconnect delay
 * @param maxReconnectAttempts    consecutive failed reconnects before the stream errors ({@code Long.MAX_VALUE} = forever)
 * @param streamIdleTimeout       a stream that delivers nothing (not even a heartbeat comment) for this long is
 *                                treated as dropped and reconnected; heartbeats come every 15 s
 * @param chatTimeout             overall limit of one {@code /chat} stream (reference default 120 s)
 * @param maxInMemorySize         largest response body buffered by the JSON codecs, in bytes (default 16 MiB;
 *                                Spring's own default of 256 KiB is too small for run outputs)
 */
public record AraClientSettings(Duration timeout, Duration runTimeout, Duration connectTimeout, int maxRetries,
        Duration retryBackoff, boolean reconnect, Duration reconnectInitialBackoff, Duration reconnectMaxBackoff,
        long maxReconnectAttempts, Duration streamIdleTimeout, Duration chatTimeout, int maxInMemorySize) {

    public static final int DEFAULT_MAX_IN_MEMORY_SIZE = 16 * 1024 * 1024;

    /** The settings without {@code maxInMemorySize} (16 MiB), as before it existed. */
    public AraClientSettings(Duration timeout, Duration runTimeout, Duration connectTimeout, int maxRetries,
            Duration retryBackoff, boolean reconnect, Duration reconnectInitialBackoff, Duration reconnectMaxBackoff,
            long maxReconnectAttempts, Duration streamIdleTimeout, Duration chatTimeout) {
        this(timeout, runTimeout, connectTimeout, maxRetries, retryBackoff, reconnect, reconnectInitialBackoff,
                reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout, DEFAULT_MAX_IN_MEMORY_SIZE);
    }

    public static AraClientSettings defaults() {
        return new AraClientSettings(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(10), 2,
                Duration.ofSeconds(5), true, Duration.ofSeconds(1), Duration.ofSeconds(30), Long.MAX_VALUE,
                Duration.ofSeconds(60), Duration.ofSeconds(120), DEFAULT_MAX_IN_MEMORY_SIZE);
    }

    /**
     * Defaults with {@code ARA_RUN_TIMEOUT_SECONDS} applied as the Python SDK does (invalid → 120 s, minimum 30 s).
     */
    public static AraClientSettings fromEnvironment(so.ara.credentials.AraEnvironment environment) {
        String raw = environment.getTrimmed("ARA_RUN_TIMEOUT_SECONDS");
        long seconds = 120;
        if (raw != null) {
            try {
                seconds = Math.max(30, (long) Double.parseDouble(raw));
            }
            catch (NumberFormatException ex) {
                seconds = 120;
            }
        }
        return defaults().withRunTimeout(Duration.ofSeconds(seconds));
    }

    public AraClientSettings withTimeout(Duration value) {
        return new AraClientSettings(value, runTimeout, connectTimeout, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout,
                maxInMemorySize);
    }

    public AraClientSettings withRunTimeout(Duration value) {
        return new AraClientSettings(timeout, value, connectTimeout, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout,
                maxInMemorySize);
    }

    public AraClientSettings withConnectTimeout(Duration value) {
        return new AraClientSettings(timeout, runTimeout, value, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout,
                maxInMemorySize);
    }

    public AraClientSettings withRetries(int retries, Duration backoff) {
        return new AraClientSettings(timeout, runTimeout, connectTimeout, retries, backoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout,
                maxInMemorySize);
    }

    public AraClientSettings withReconnect(boolean enabled, Duration initialBackoff, Duration maxBackoff,
            long maxAttempts) {
        return new AraClientSettings(timeout, runTimeout, connectTimeout, maxRetries, retryBackoff, enabled,
                initialBackoff, maxBackoff, maxAttempts, streamIdleTimeout, chatTimeout, maxInMemorySize);
    }

    public AraClientSettings withStreamIdleTimeout(Duration value) {
        return new AraClientSettings(timeout, runTimeout, connectTimeout, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, value, chatTimeout,
                maxInMemorySize);
    }

    public AraClientSettings withChatTimeout(Duration value) {
        return new AraClientSettings(timeout, runTimeout, connectTimeout, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, value,
                maxInMemorySize);
    }

    public AraClientSettings withMaxInMemorySize(int bytes) {
        return new AraClientSettings(timeout, runTimeout, connectTimeout, maxRetries, retryBackoff, reconnect,
                reconnectInitialBackoff, reconnectMaxBackoff, maxReconnectAttempts, streamIdleTimeout, chatTimeout,
                bytes);
    }
}
