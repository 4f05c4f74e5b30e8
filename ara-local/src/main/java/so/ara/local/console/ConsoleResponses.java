package so.ara.local.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.gateway.EndpointBodyReader;
import so.ara.json.AraJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/** JSON answers, RFC 9457 problems and size-limited JSON bodies for the console's routes. */
final class ConsoleResponses {

    /** The one body reader of ara-local (the endpoint gateway's), per byte limit. */
    private static final Map<Integer, EndpointBodyReader> READERS = new ConcurrentHashMap<>();

    private ConsoleResponses() {
    }

    static Mono<ServerResponse> json(int status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AraJson.mapper().writeValueAsBytes(body));
    }

    static Mono<ServerResponse> problem(ServerRequest request, int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.path());
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(AraJson.mapper().writeValueAsBytes(body));
    }

    /** Maps any failure of a console route to a problem; unexpected ones are logged and answered without details. */
    static Mono<ServerResponse> problemFor(ServerRequest request, Throwable e, org.slf4j.Logger log) {
        if (e instanceof ConsoleProblem p) {
            return problem(request, p.status(), p.getMessage());
        }
        if (e instanceof DataBufferLimitException) {
            return problem(request, 413, "request body is too large");
        }
        log.warn("ara-local console failed on {} {}", request.method(), request.path(), e);
        return problem(request, 500, "the console failed to handle the request");
    }

    /** Reads a JSON object body of at most {@code limit} bytes; anything else is a 400/413/415 problem. */
    static Mono<Map<String, Object>> jsonObject(ServerRequest request, int limit) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return Mono.error(new ConsoleProblem(415, "Content-Type must be application/json, not " + type));
        }
        return READERS.computeIfAbsent(limit, max -> new EndpointBodyReader(max, Integer.MAX_VALUE)).read(request)
                .onErrorMap(EndpointBodyReader.BodyException.class, e -> new DataBufferLimitException("too large"))
                .map(ConsoleResponses::parseObject);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(byte[] bytes) {
        if (bytes.length == 0) {
            throw ConsoleProblem.badRequest("request body must be a JSON object");
        }
        Object value;
        try {
            value = AraJson.mapper().readValue(bytes, Object.class);
        } catch (JacksonException e) {
            throw ConsoleProblem.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(value instanceof Map)) {
            throw ConsoleProblem.badRequest("request body must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
