package so.ara.autoconfigure.endpoint;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import so.ara.json.AraJson;
import so.ara.gateway.EndpointProblems;
import so.ara.gateway.EndpointExchange;

/**
 * CORS for the Ara endpoint routes that have {@code ara.endpoints.cors.<label>} settings, the way Spring handles CORS
 * for functional routes (a {@code CorsWebFilter}), but restricted to those paths: any other request, preflight or
 * not, passes through untouched so the application's own CORS handling keeps working. Answers preflights itself
 * (before any security filter) and rejects requests from disallowed origins with a 403 problem.
 */
public final class EndpointCorsWebFilter implements WebFilter, Ordered {

    /** Runs just after the highest precedence, before security filters. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();

    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    private final boolean empty;

    EndpointCorsWebFilter(Map<String, CorsConfiguration> byPath) {
        byPath.forEach(this.source::registerCorsConfiguration);
        this.empty = byPath.isEmpty();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (this.empty || !CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = this.source.getCorsConfiguration(exchange);
        if (config == null) {
            return chain.filter(exchange);
        }
        boolean valid = this.processor.process(config, exchange);
        if (!valid) {
            return reject(exchange);
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> reject(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        String requestId = EndpointExchange.requestId(exchange.getRequest().getHeaders().getFirst(AraEndpointRoutes.REQUEST_ID_HEADER));
        ProblemDetail problem = EndpointProblems.problem(HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN.getReasonPhrase(),
                "Invalid CORS request.", exchange.getRequest().getPath().pathWithinApplication().value(), requestId);
        byte[] json = AraJson.mapper().writeValueAsBytes(EndpointProblems.toMap(problem));
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(AraEndpointRoutes.REQUEST_ID_HEADER, requestId);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
