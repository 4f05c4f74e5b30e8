package so.ara.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.json.AraJson;

/**
 * RFC 9457 problem responses ({@code application/problem+json}) of the endpoint gateway (ara-local and the starter). Serialized here with the Ara
 * mapper rather than through the application's codecs, so the wire shape does not depend on user settings.
 */
public final class EndpointProblems {

    private EndpointProblems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail, String instance,
            String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(instance));
        problem.setProperty("request_id", requestId);
        return problem;
    }

    public static Map<String, Object> toMap(ProblemDetail problem) {
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

    /**
     * The problem as a response; its {@code run_id} property is also sent as {@code X-Ara-Run-Id}, its
     * {@code retry_after} (seconds) as {@code Retry-After}.
     */
    public static Mono<ServerResponse> respond(ProblemDetail problem, Consumer<HttpHeaders> headers) {
        byte[] json = AraJson.mapper().writeValueAsBytes(toMap(problem));
        Map<String, Object> properties = (problem.getProperties() != null) ? problem.getProperties() : Map.of();
        return ServerResponse.status(HttpStatusCode.valueOf(problem.getStatus()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .headers(h -> {
                if (properties.get("run_id") instanceof String runId) {
                    h.set(EndpointExchange.RUN_ID_HEADER, runId);
                }
                if (properties.get("retry_after") instanceof Number seconds) {
                    h.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
                }
            })
            .headers(headers)
            .bodyValue(json);
    }

    /** A body refused by the {@link EndpointBodyReader} (413, 415 with {@code Accept-Post}, 400). */
    public static Mono<ServerResponse> respond(EndpointBodyReader.BodyException refused,
            ServerRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(refused.status());
        HttpStatus known = HttpStatus.resolve(refused.status());
        return respond(problem(status, (known != null) ? known.getReasonPhrase() : "Error", refused.getMessage(),
                request.path(), EndpointExchange.requestId(request)), h -> {
                    if (refused.status() == 415) {
                        h.set("Accept-Post", "application/json");
                    }
                });
    }

    public static Mono<ServerResponse> respond(HttpStatus status, String detail, String instance, String requestId) {
        return respond(problem(status, status.getReasonPhrase(), detail, instance, requestId), h -> {
        });
    }

    /** The problem an {@link EndpointForwardingException} chooses: its status, public detail and properties. */
    public static ProblemDetail problem(EndpointForwardingException refused, String instance, String requestId) {
        HttpStatus known = HttpStatus.resolve(refused.getStatus().value());
        ProblemDetail problem = problem(refused.getStatus(), (known != null) ? known.getReasonPhrase() : "Error",
                refused.getPublicDetail(), instance, requestId);
        refused.getProperties().forEach(problem::setProperty);
        return problem;
    }

    /** 405 with {@code Allow}: the endpoint at this path serves only {@code allow} (comma-separated methods). */
    public static Mono<ServerResponse> methodNotAllowed(ServerRequest request, String allow) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED.getReasonPhrase(),
                "Method " + request.method().name() + " is not supported here; use " + allow + ".", request.path(),
                EndpointExchange.requestId(request)), headers -> headers.set(HttpHeaders.ALLOW, allow));
    }
}
