package so.ara.gateway;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.server.ServerRequest;

/** What the endpoint filters hand on to each other through request attributes: the request id and the raw body. */
public final class EndpointExchange {

    /** Response header carrying the run id. */
    public static final String RUN_ID_HEADER = "X-Ara-Run-Id";

    /** Request/response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    static final String REQUEST_ID = EndpointExchange.class.getName() + ".requestId";

    static final String BODY = EndpointExchange.class.getName() + ".body";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private EndpointExchange() {
    }

    /** The id {@link EndpointRequestIdFilter} gave this request. */
    public static String requestId(ServerRequest request) {
        return request.attribute(REQUEST_ID).map(String.class::cast)
            .orElseGet(() -> requestId(request.headers().firstHeader(EndpointExchange.REQUEST_ID_HEADER)));
    }

    /** The body read by {@link EndpointBodyLimitFilter}; empty when none was read. */
    static byte[] body(ServerRequest request) {
        return request.attribute(BODY).map(byte[].class::cast).orElse(new byte[0]);
    }

    /** The caller's request id when it is safe to echo, else a new {@code req_<32 hex>}. */
    public static String requestId(@Nullable String given) {
        if (given != null && SAFE_REQUEST_ID.matcher(given).matches()) {
            return given;
        }
        // not a secret, only unique: avoid SecureRandom (UUID.randomUUID) contention on the event loop
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
