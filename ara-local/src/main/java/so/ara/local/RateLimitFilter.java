package so.ara.local;

import java.time.Clock;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Per-key requests per minute on runtime routes (after {@link RuntimeAuthFilter}): 429 with {@code Retry-After}. */
final class RateLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final Clock clock;

    RateLimitFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        KeyRecord key = RuntimeAuthFilter.key(request);
        long retryAfter = key.acquire(clock.millis());
        if (retryAfter > 0) {
            throw new ApiException(429, "Too Many Requests", "key '" + key.name + "' exceeded "
                    + key.requestsPerMinute + " requests per minute")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return next.handle(request);
    }
}
