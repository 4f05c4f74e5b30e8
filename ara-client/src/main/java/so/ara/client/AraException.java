package so.ara.client;

/** Base of every error raised by the Ara clients. Messages never contain keys or secret values. */
public class AraException extends RuntimeException {

    public AraException(String message) {
        super(message);
    }

    public AraException(String message, Throwable cause) {
        super(message, cause);
    }
}
