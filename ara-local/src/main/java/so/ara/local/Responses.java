package so.ara.local;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Response helpers shared by the handlers: JSON bodies, SSE frames, and 501 for hosted-only features. */
final class Responses {

    private Responses() {
    }

    static Mono<ServerResponse> json(int status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body));
    }

    /** Writes pre-formatted {@code text/event-stream} frames without per-event flushes. */
    static Mono<ServerResponse> eventStream(Flux<String> frames) {
        Flux<DataBuffer> buffers = frames.map(s -> DefaultDataBufferFactory.sharedInstance
                .wrap(s.getBytes(StandardCharsets.UTF_8)));
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(BodyInserters.fromDataBuffers(buffers));
    }

    static Mono<ServerResponse> notLocal(String what, String hint) {
        return Mono.error(new ApiException(501, "Not Implemented", what + " is not available in ara-local; " + hint));
    }
}
