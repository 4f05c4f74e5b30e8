package so.ara.autoconfigure.endpoint;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AuthOutcome;
import so.ara.auth.EndpointAuthenticator;
import so.ara.auth.RejectReason;
import so.ara.autoconfigure.replay.ReplayProtection;
import so.ara.autoconfigure.replay.ReplayStoreUnavailableException;

/**
 * Verifies one endpoint's auth mode over the raw body bytes: 401 when refused (with {@code WWW-Authenticate} in
 * bearer mode), 503 when the endpoint's secret is missing. An accepted message id is then claimed in the replay store
 * (shared by replicas when it is Redis): a replay is refused with 401, a store that cannot answer gives 503. The
 * accepted outcome is handed on for the gateway input.
 */
final class EndpointAuthFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    static final String ACCEPTED = EndpointAuthFilter.class.getName() + ".accepted";

    private static final Log logger = LogFactory.getLog(EndpointAuthFilter.class);

    private final String label;

    private final String mode;

    private final @Nullable EndpointAuthenticator authenticator;

    private final @Nullable ReplayProtection replay;

    private final Duration replayTtl;

    /**
     * {@code authenticator} null: the secret is missing and every request is refused with 503; {@code replay} null:
     * replay protection is off.
     */
    EndpointAuthFilter(String label, String mode, @Nullable EndpointAuthenticator authenticator,
            @Nullable ReplayProtection replay, Duration replayTtl) {
        this.label = label;
        this.mode = mode;
        this.authenticator = authenticator;
        this.replay = replay;
        this.replayTtl = replayTtl;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String requestId = EndpointExchange.requestId(request);
        if (this.authenticator == null) {
            return EndpointProblems.respond(HttpStatus.SERVICE_UNAVAILABLE,
                    "This endpoint is not configured on the server: its secret is missing.", request.path(), requestId);
        }
        HttpHeaders headers = request.headers().asHttpHeaders();
        AuthOutcome verified = this.authenticator.authenticate(headers::getFirst, EndpointExchange.body(request));
        if (this.replay == null) {
            return afterAuth(request, next, requestId, verified);
        }
        return this.replay.check("endpoint:" + this.label, verified, this.replayTtl)
            .flatMap(outcome -> afterAuth(request, next, requestId, outcome))
            .onErrorResume(ReplayStoreUnavailableException.class,
                    ex -> EndpointProblems.respond(EndpointProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                            HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                            ReplayStoreUnavailableException.PUBLIC_DETAIL, request.path(), requestId),
                            h -> h.set(HttpHeaders.RETRY_AFTER, "1")));
    }

    private Mono<ServerResponse> afterAuth(ServerRequest request, HandlerFunction<ServerResponse> next,
            String requestId, AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            if (logger.isDebugEnabled()) {
                logger.debug("Ara endpoint '" + this.label + "' refused request " + requestId + ": "
                        + rejected.reason().publicMessage());
            }
            return EndpointProblems.respond(EndpointProblems.problem(HttpStatus.UNAUTHORIZED,
                    HttpStatus.UNAUTHORIZED.getReasonPhrase(), rejected.reason().publicMessage(), request.path(),
                    requestId), h -> {
                        if ("bearer".equals(this.mode)) {
                            h.set(HttpHeaders.WWW_AUTHENTICATE,
                                    (rejected.reason() == RejectReason.MISSING_CREDENTIALS) ? "Bearer realm=\"ara\""
                                            : "Bearer realm=\"ara\", error=\"invalid_token\"");
                        }
                    });
        }
        request.attributes().put(ACCEPTED, outcome);
        return next.handle(request);
    }
}
