package so.ara.gateway;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The result of a synchronous run.
 * @param runId the run id, returned to the caller in the {@code X-Ara-Run-Id} header
 * @param result the run result, written as the JSON response body (a {@code Map}, {@code List}, scalar or Jackson
 * tree; {@code null} is written as JSON {@code null})
 */
public record ForwardedRun(String runId, @Nullable Object result) {

    public ForwardedRun {
        Objects.requireNonNull(runId, "runId");
    }
}
