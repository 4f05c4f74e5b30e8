package so.ara.gateway;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AuthOutcome;
import so.ara.json.AraJson;

/**
 * Runs one endpoint's agent with the verified body: decodes it as JSON, builds the run input
 * ({@link EndpointGatewayInput}) and answers the run result as JSON with {@code X-Ara-Run-Id}, or the run's events as
 * server-sent events when the caller accepts {@code text/event-stream} (a failure before the first event is a problem
 * response, a later one ends the stream with an {@code error} event carrying the problem).
 */
final class EndpointRunHandler implements HandlerFunction<ServerResponse> {

    private final GatewayEndpoint endpoint;

    private final EndpointRunForwarder forwarder;

    private final EndpointBodyReader bodyReader;

    private final EndpointProblemMapper problems;

    private final List<String> forwardedHeaders;

    EndpointRunHandler(GatewayEndpoint endpoint, EndpointRunForwarder forwarder, EndpointBodyReader bodyReader,
            EndpointProblemMapper problems, List<String> forwardedHeaders) {
        this.endpoint = endpoint;
        this.forwarder = forwarder;
        this.bodyReader = bodyReader;
        this.problems = problems;
        this.forwardedHeaders = forwardedHeaders;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        String requestId = EndpointExchange.requestId(request);
        HttpHeaders headers = request.headers().asHttpHeaders();
        Object decoded;
        try {
            decoded = this.bodyReader.decode(EndpointExchange.body(request), headers);
        }
        catch (EndpointBodyReader.BodyException ex) {
            return EndpointProblems.respond(ex, request);
        }
        AuthOutcome.Accepted accepted = request.attribute(EndpointAuthFilter.ACCEPTED)
            .map(AuthOutcome.Accepted.class::cast)
            .orElse(null);
        Map<String, Object> input = EndpointGatewayInput.build(decoded,
                EndpointGatewayInput.gateway(request, this.endpoint, accepted, requestId, this.forwardedHeaders));
        return wantsEventStream(headers) ? stream(input, request.path(), requestId) : run(input, request.path(), requestId);
    }

    private Mono<ServerResponse> run(Map<String, Object> input, String instance, String requestId) {
        return Mono.defer(() -> this.forwarder.run(this.endpoint.agentId(), input))
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("the forwarder returned no run")))
            .flatMap(run -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(EndpointExchange.RUN_ID_HEADER, run.runId())
                .bodyValue(AraJson.mapper().writeValueAsBytes(run.result())))
            .onErrorResume(ex -> EndpointProblems.respond(this.problems.problem(ex, instance, requestId), h -> {
            }));
    }

    /**
     * Waits for the stream's first signal: a failure before any event (runtime unreachable, run refused) is a problem
     * response with its proper status; after that the status is sent, so a failure ends the stream with an
     * {@code error} event carrying the problem.
     */
    private Mono<ServerResponse> stream(Map<String, Object> input, String instance, String requestId) {
        Flux<ServerSentEvent<?>> source = Flux.defer(() -> this.forwarder.stream(this.endpoint.agentId(), input));
        return source.switchOnFirst((first, all) -> {
            if (first.isOnError()) {
                return EndpointProblems.respond(this.problems.problem(first.getThrowable(), instance, requestId), h -> {
                });
            }
            Flux<ServerSentEvent<?>> events = all.onErrorResume(ex -> Flux.just(ServerSentEvent
                .builder((Object) EndpointProblems.toMap(this.problems.problem(ex, instance, requestId)))
                .event("error")
                .build()));
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events, ServerSentEvent.class);
        }, false).single();
    }

    private static boolean wantsEventStream(HttpHeaders headers) {
        try {
            for (MediaType accepted : headers.getAccept()) {
                if (!accepted.isWildcardType() && !accepted.isWildcardSubtype()
                        && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(accepted)) {
                    return true;
                }
            }
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
        return false;
    }
}
