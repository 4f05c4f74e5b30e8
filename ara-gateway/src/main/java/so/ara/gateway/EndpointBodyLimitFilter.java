package so.ara.gateway;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Reads the request body once, within the size limit (413 beyond), and hands the bytes on to auth and the handler. */
final class EndpointBodyLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final EndpointBodyReader reader;

    EndpointBodyLimitFilter(EndpointBodyReader reader) {
        this.reader = reader;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return this.reader.read(request).flatMap(body -> {
            request.attributes().put(EndpointExchange.BODY, body);
            return next.handle(request);
        }).onErrorResume(EndpointBodyReader.BodyException.class, ex -> EndpointProblems.respond(ex, request));
    }
}
