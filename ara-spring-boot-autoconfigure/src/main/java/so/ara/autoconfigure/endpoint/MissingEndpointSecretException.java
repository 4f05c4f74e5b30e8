package so.ara.autoconfigure.endpoint;

/** An endpoint with auth has no secret, and {@code ara.endpoints.missing-secret=fail}: the app does not start. */
public class MissingEndpointSecretException extends IllegalStateException {

    private final String variable;

    public MissingEndpointSecretException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable that holds no secret. */
    public String variable() {
        return variable;
    }
}
