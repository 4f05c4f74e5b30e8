package so.ara.autoconfigure.endpoint;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.gateway.EndpointProblems;
import so.ara.gateway.EndpointExchange;

/** Answers 503 with {@code Retry-After} while the app cannot take endpoint traffic (before its first deploy). */
final class EndpointAvailabilityFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final EndpointAvailability availability;

    private final long retryAfterSeconds;

    EndpointAvailabilityFilter(EndpointAvailability availability, Duration retryAfter) {
        this.availability = availability;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (this.availability.acceptsTraffic()) {
            return next.handle(request);
        }
        String seconds = Long.toString(this.retryAfterSeconds);
        return EndpointProblems.respond(EndpointProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                "The app is not deployed to Ara yet; try again shortly.", request.path(),
                EndpointExchange.requestId(request)), headers -> headers.set(HttpHeaders.RETRY_AFTER, seconds));
    }
}
