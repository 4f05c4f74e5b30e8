package so.ara.local;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** Turns every failure of a route into an RFC 9457 problem+json answer; unexpected ones become a logged 500. */
final class ProblemFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(ProblemFilter.class);

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> next.handle(request)).onErrorResume(e -> problemFor(request, e));
    }

    private Mono<ServerResponse> problemFor(ServerRequest request, Throwable e) {
        ApiException api;
        if (e instanceof ApiException a) {
            api = a;
        } else if (e instanceof EndpointBodyReader.BodyException refused) {
            HttpStatus status = HttpStatus.valueOf(refused.status());
            api = new ApiException(status.value(), status.getReasonPhrase(), refused.getMessage());
        } else {
            log.warn("ara-local failed on {} {}", request.method(), request.path(), e);
            api = new ApiException(500, "Internal Server Error", "ara-local failed to handle the request");
        }
        Map<String, Object> body = Json.obj("type", "about:blank", "title", api.title, "status", api.status,
                "detail", api.getMessage(), "instance", request.path());
        body.putAll(api.extra);
        ServerResponse.BodyBuilder builder = ServerResponse.status(api.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.headers.forEach(builder::header);
        return builder.bodyValue(Json.write(body));
    }
}
