package so.ara.client;

import java.time.Duration;

/** No (complete) answer within the call's timeout; message {@code <METHOD> <path> failed (network): timed out after <n> ms}. */
public class AraTimeoutException extends AraConnectionException {

    private final Duration timeout;

    public AraTimeoutException(String method, String path, Duration timeout, Throwable cause) {
        super(method, path, "timed out after " + timeout.toMillis() + " ms", cause);
        this.timeout = timeout;
    }

    public Duration getTimeout() {
        return this.timeout;
    }
}
