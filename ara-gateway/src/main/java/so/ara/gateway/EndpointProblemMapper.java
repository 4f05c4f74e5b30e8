package so.ara.gateway;

import org.springframework.http.ProblemDetail;

/**
 * Turns a failed forward (the run could not start, failed, or the runtime refused it) into the problem the caller
 * gets. The problem's {@code run_id} property is also sent as {@code X-Ara-Run-Id}, its {@code retry_after} (seconds)
 * as {@code Retry-After}. Declare a bean to replace {@link DefaultEndpointProblemMapper}; never put secrets or
 * upstream bodies in a detail.
 */
@FunctionalInterface
public interface EndpointProblemMapper {

    ProblemDetail problem(Throwable failure, String instance, String requestId);
}
