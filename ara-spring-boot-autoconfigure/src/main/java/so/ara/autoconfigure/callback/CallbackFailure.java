package so.ara.autoconfigure.callback;

import org.springframework.http.HttpStatus;

/** A callback request that ends in a problem response; the detail is safe to send to the caller. */
final class CallbackFailure extends RuntimeException {

    private final HttpStatus status;

    private final String title;

    CallbackFailure(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static CallbackFailure badRequest(String detail) {
        return new CallbackFailure(HttpStatus.BAD_REQUEST, "Invalid arguments", detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
