package so.ara.client;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP error answer (status 400 or more) from Ara. The message follows the reference:
 * {@code <METHOD> <path> failed (<status>). Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.}
 * or, with debug on, {@code <METHOD> <path> failed (<status>): <body>}. {@link #getResponseBody()} always holds the body.
 */
public class AraApiException extends AraException {

    static final String HIDDEN_SUFFIX =
            ". Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it.";

    private final int status;
    private final String method;
    private final String path;
    private final String responseBody;
    private final @Nullable Long retryAfterSeconds;

    public AraApiException(int status, String method, String path, String responseBody, boolean debug,
            @Nullable Long retryAfterSeconds) {
        this(message(status, method, path, responseBody, debug), status, method, path, responseBody, retryAfterSeconds);
    }

    protected AraApiException(String message, int status, String method, String path, String responseBody,
            @Nullable Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.method = method;
        this.path = path;
        this.responseBody = responseBody == null ? "" : responseBody;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static String message(int status, String method, String path, String body, boolean debug) {
        if (debug) {
            return method + " " + path + " failed (" + status + "): " + (body == null ? "" : body);
        }
        return method + " " + path + " failed (" + status + ")" + HIDDEN_SUFFIX;
    }

    /** HTTP status code. */
    public int getStatus() {
        return this.status;
    }

    /** HTTP method, upper case. */
    public String getMethod() {
        return this.method;
    }

    /** Request path including any query string (no host). */
    public String getPath() {
        return this.path;
    }

    /** The raw response body (not part of the message unless debug is on). */
    public String getResponseBody() {
        return this.responseBody;
    }

    /** {@code Retry-After} in seconds when the server sent one (429/503), else null. */
    public @Nullable Long getRetryAfterSeconds() {
        return this.retryAfterSeconds;
    }
}
