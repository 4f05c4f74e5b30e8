package so.ara.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Exceptions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The default problems: an {@link EndpointForwardingException} chooses its status, detail and properties (a failed
 * run: 502 with the run id and error; a rate-limited runtime: 429 with {@code retry_after}); a runtime that cannot be
 * reached or answer in time is a 503; anything else a 502 with a generic detail. Every failure is logged without
 * secrets: WARN, except a rate-limited runtime (DEBUG: back-pressure, not a fault).
 */
public class DefaultEndpointProblemMapper implements EndpointProblemMapper {

    private static final Log logger = LogFactory.getLog(DefaultEndpointProblemMapper.class);

    @Override
    public ProblemDetail problem(Throwable failure, String instance, String requestId) {
        Throwable ex = Exceptions.unwrap(failure);
        ProblemDetail problem;
        if (ex instanceof EndpointForwardingException forwarding) {
            problem = EndpointProblems.problem(forwarding, instance, requestId);
        }
        else if (isUnreachable(ex)) {
            problem = EndpointProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                    "The Ara runtime could not be reached or did not answer in time; try again later.", instance,
                    requestId);
        }
        else {
            problem = EndpointProblems.problem(HttpStatus.BAD_GATEWAY, HttpStatus.BAD_GATEWAY.getReasonPhrase(),
                    "The Ara runtime could not run this endpoint's agent.", instance, requestId);
        }
        String line = "Ara endpoint " + instance + " (request " + requestId + "): forwarding failed with "
                + ex.getClass().getName() + ": " + ex.getMessage() + " -> " + problem.getStatus();
        if (problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            // back-pressure the caller sees as 429 + Retry-After, not a fault: a burst must not flood the log
            logger.debug(line);
        }
        else {
            logger.warn(line);
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Forwarding failure of Ara endpoint " + instance, ex);
        }
        return problem;
    }

    static boolean isUnreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof TimeoutException
                    || t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
