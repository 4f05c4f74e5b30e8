package so.ara.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Thrown (or emitted) by an {@link EndpointRunForwarder} to choose the problem status, the caller-visible detail and
 * extra problem properties of a failed forward, e.g. {@code 502} with "The agent run failed". The detail and
 * properties are sent to the caller as they are: never put secrets or upstream bodies in them.
 */
public class EndpointForwardingException extends RuntimeException {

    private final HttpStatusCode status;

    private final String publicDetail;

    private final Map<String, Object> properties;

    public EndpointForwardingException(HttpStatusCode status, String publicDetail) {
        this(status, publicDetail, null);
    }

    public EndpointForwardingException(HttpStatusCode status, String publicDetail, @Nullable Throwable cause) {
        this(status, publicDetail, Map.of(), cause);
    }

    public EndpointForwardingException(HttpStatusCode status, String publicDetail, Map<String, Object> properties,
            @Nullable Throwable cause) {
        super(publicDetail, cause);
        this.status = status;
        this.publicDetail = publicDetail;
        this.properties = Map.copyOf(properties);
    }

    /** A run that ran and failed: 502 carrying the run id and the run's error. */
    public static EndpointForwardingException failedRun(String runId, @Nullable String error) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("run_id", runId);
        properties.put("error", (error != null) ? error : "the run failed without an error message");
        return new EndpointForwardingException(HttpStatus.BAD_GATEWAY, "The agent run " + runId + " failed.",
                properties, null);
    }

    /** The runtime refused the run for now (429 or 503 upstream): the same status, with {@code Retry-After}. */
    public static EndpointForwardingException retryLater(HttpStatusCode status, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        long seconds = (retryAfter != null) ? Math.max(1, retryAfter.toSeconds()) : 1;
        String detail = (status.value() == 429) ? "The Ara runtime is rate limiting this app; retry later."
                : "The Ara runtime is unavailable for now; retry later.";
        return new EndpointForwardingException(status, detail, Map.of("retry_after", seconds), cause);
    }

    public HttpStatusCode getStatus() {
        return this.status;
    }

    public String getPublicDetail() {
        return this.publicDetail;
    }

    /** Extra problem properties ({@code run_id}, {@code error}, {@code retry_after}, ...). */
    public Map<String, Object> getProperties() {
        return this.properties;
    }
}
