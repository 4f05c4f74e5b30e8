package so.ara.autoconfigure.endpoint;

import org.springframework.http.HttpStatusCode;

/**
 * Thrown (or emitted) by an {@link EndpointRunForwarder} to choose the problem status and the caller-visible detail
 * of a failed run, e.g. {@code 502} with "The agent run failed". The detail is sent to the caller as is: never put
 * secrets or upstream bodies in it.
 */
public class EndpointForwardingException extends RuntimeException {

    private final HttpStatusCode status;

    private final String publicDetail;

    public EndpointForwardingException(HttpStatusCode status, String publicDetail) {
        this(status, publicDetail, null);
    }

    public EndpointForwardingException(HttpStatusCode status, String publicDetail, Throwable cause) {
        super(publicDetail, cause);
        this.status = status;
        this.publicDetail = publicDetail;
    }

    public HttpStatusCode getStatus() {
        return this.status;
    }

    public String getPublicDetail() {
        return this.publicDetail;
    }
}
