package so.ara.gateway;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * First filter of every endpoint route: gives the request its id (the caller's {@code X-Request-Id} when safe to
 * echo), returns it in the response, and adds the security headers when enabled.
 */
public final class EndpointRequestIdFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final boolean securityHeaders;

    public EndpointRequestIdFilter(boolean securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String requestId = EndpointExchange.requestId(request.headers().firstHeader(EndpointExchange.REQUEST_ID_HEADER));
        request.attributes().put(EndpointExchange.REQUEST_ID, requestId);
        HttpHeaders headers = request.exchange().getResponse().getHeaders();
        headers.set(EndpointExchange.REQUEST_ID_HEADER, requestId);
        if (this.securityHeaders) {
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        return next.handle(request);
    }
}
