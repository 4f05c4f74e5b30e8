package so.ara.autoconfigure.endpoint;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointProblems;
import so.ara.json.AraJson;
import so.ara.manifest.EndpointSpec;

/**
 * The per-endpoint rate limit ({@code ara.endpoints.limits.<label>.requests-per-minute}): a fixed one-minute window per
 * endpoint label, counted in this instance, before auth and before any run starts, so one busy endpoint cannot use up
 * the app's runtime key for all others. Over the limit: 429 problem+json with {@code Retry-After} (seconds to the end
 * of the window). Replace this bean to limit otherwise (per caller, shared through Redis).
 */
public class EndpointRateLimitWebFilter implements WebFilter, Ordered {

    private final Map<String, Window> byRoute = new HashMap<>();

    private final Clock clock;

    public EndpointRateLimitWebFilter(String appSlug, List<EndpointSpec> endpoints,
            Map<String, AraEndpointsProperties.Limit> limits, boolean gatewayPaths, Clock clock) {
        this.clock = clock;
        for (EndpointSpec spec : endpoints) {
            AraEndpointsProperties.Limit limit = limits.get(spec.label());
            if (limit == null || limit.requestsPerMinute() <= 0) {
                continue;
            }
            Window window = new Window(spec.label(), limit.requestsPerMinute());
            String method = StringUtils.hasText(spec.method()) ? spec.method().trim().toUpperCase(Locale.ROOT) : "POST";
            String path = StringUtils.hasText(spec.path()) ? spec.path().trim() : "/" + spec.label();
            path = (path.startsWith("/") ? path : "/" + path).replaceAll("/{2,}", "/");
            this.byRoute.put(method + " " + path, window);
            if (gatewayPaths) {
                this.byRoute.put(method + " " + AraEndpointRoutes.gatewayPath(appSlug, spec.label()), window);
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (this.byRoute.isEmpty()) {
            return chain.filter(exchange);
        }
        Window window = this.byRoute.get(exchange.getRequest().getMethod().name() + " "
                + exchange.getRequest().getPath().pathWithinApplication().value());
        if (window == null) {
            return chain.filter(exchange);
        }
        long retryAfter = window.acquire(this.clock.millis());
        return retryAfter == 0 ? chain.filter(exchange) : tooMany(exchange, window, retryAfter);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Window window, long retryAfter) {
        ProblemDetail problem = EndpointProblems.problem(HttpStatus.TOO_MANY_REQUESTS,
                HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), "Endpoint '" + window.label + "' accepts "
                        + window.requestsPerMinute + " requests per minute; retry after " + retryAfter + " s.",
                exchange.getRequest().getPath().value(), exchange.getRequest().getHeaders().getFirst("X-Request-Id"));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        DataBuffer body = response.bufferFactory()
            .wrap(AraJson.mapper().writeValueAsBytes(EndpointProblems.toMap(problem)));
        return response.writeWith(Mono.just(body));
    }

    /** Before the endpoint routes and their CORS filter, after Spring Security's filter chain (-100). */
    @Override
    public int getOrder() {
        return -50;
    }

    private static final class Window {

        private final String label;

        private final int requestsPerMinute;

        private long minute = -1;

        private int count;

        Window(String label, int requestsPerMinute) {
            this.label = label;
            this.requestsPerMinute = requestsPerMinute;
        }

        /** 0 when allowed, else the seconds until the window ends. */
        synchronized long acquire(long nowMillis) {
            long current = nowMillis / 60_000L;
            if (current != this.minute) {
                this.minute = current;
                this.count = 0;
            }
            if (this.count >= this.requestsPerMinute) {
                long remaining = (current + 1) * 60_000L - nowMillis;
                return Math.max(1, (remaining + 999) / 1000);
            }
            this.count++;
            return 0;
        }
    }
}
