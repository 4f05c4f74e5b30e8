package so.ara.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request failure that becomes an RFC 9457 problem+json answer with the given status. */
final class ApiException extends RuntimeException {

    final int status;
    final String title;
    final Map<String, Object> extra = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiException(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    static ApiException unprocessable(String detail) {
        return new ApiException(422, "Unprocessable Content", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ApiException with(String key, Object value) {
        extra.put(key, value);
        return this;
    }
}
