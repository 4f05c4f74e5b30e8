package so.ara.client;

/** A network failure talking to Ara: {@code <METHOD> <path> failed (network): <reason>}. */
public class AraConnectionException extends AraException {

    private final String method;
    private final String path;

    public AraConnectionException(String method, String path, String reason, Throwable cause) {
        super(method + " " + path + " failed (network): " + reason, cause);
        this.method = method;
        this.path = path;
    }

    public String getMethod() {
        return this.method;
    }

    public String getPath() {
        return this.path;
    }
}
