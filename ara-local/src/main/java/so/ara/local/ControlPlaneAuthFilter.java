package so.ara.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Management routes: {@code Authorization: Bearer <control-plane key>}, compared in constant time. */
final class ControlPlaneAuthFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final Supplier<String> apiKey;

    ControlPlaneAuthFilter(Supplier<String> apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String token = bearer(request);
        if (token == null) {
            throw ApiException.unauthorized("missing Authorization: Bearer <control-plane key>");
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("invalid control-plane key");
        }
        return next.handle(request);
    }

    /** The bearer token of a request, or null when absent or blank. */
    static String bearer(ServerRequest request) {
        String value = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
