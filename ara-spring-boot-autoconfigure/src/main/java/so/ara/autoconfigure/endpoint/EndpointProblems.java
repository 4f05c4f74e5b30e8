package so.ara.autoconfigure.endpoint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.json.AraJson;

/**
 * RFC 9457 problem responses ({@code application/problem+json}) of the endpoint routes. Serialized here with the Ara
 * mapper rather than through the application's codecs, so the wire shape does not depend on user settings.
 */
final class EndpointProblems {

    private EndpointProblems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String title, String detail, String instance,
            String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(instance));
        problem.setProperty("request_id", requestId);
        return problem;
    }

    static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    static Mono<ServerResponse> respond(ProblemDetail problem, Consumer<HttpHeaders> headers) {
        byte[] json = AraJson.mapper().writeValueAsBytes(toMap(problem));
        return ServerResponse.status(HttpStatusCode.valueOf(problem.getStatus()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .headers(headers)
            .bodyValue(json);
    }

    static Mono<ServerResponse> respond(HttpStatus status, String detail, String instance, String requestId) {
        return respond(problem(status, status.getReasonPhrase(), detail, instance, requestId), h -> {
        });
    }
}
