package so.ara.gateway;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

/**
 * Verifies one endpoint's auth mode over the raw body bytes: 401 when refused (with {@code WWW-Authenticate} in
 * bearer mode), 503 when the endpoint's secret is missing: a server that lacks its own configuration, not a caller
 * with wrong credentials (a 401 would invite the caller to retry other credentials), and it can pass once the secret
 * is set. An accepted outcome then goes through the {@link ReplayGuard} when there is one, and is handed on for the
 * gateway input.
 */
final class EndpointAuthFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    static final String ACCEPTED = EndpointAuthFilter.class.getName() + ".accepted";

    /** The detail of the 503 of an endpoint whose secret is missing. */
    static final String MISSING_SECRET = "This endpoint is not configured on the server: its secret is missing.";

    private static final Log logger = LogFactory.getLog(EndpointAuthFilter.class);

    private final GatewayEndpoint endpoint;

    private final @Nullable ReplayGuard replay;

    EndpointAuthFilter(GatewayEndpoint endpoint, @Nullable ReplayGuard replay) {
        this.endpoint = endpoint;
        this.replay = replay;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String requestId = EndpointExchange.requestId(request);
        EndpointAuthenticator authenticator = this.endpoint.authenticator();
        if (authenticator == null) {
            return EndpointProblems.respond(HttpStatus.SERVICE_UNAVAILABLE, MISSING_SECRET, request.path(), requestId);
        }
        HttpHeaders headers = request.headers().asHttpHeaders();
        AuthOutcome verified = authenticator.authenticate(headers::getFirst, EndpointExchange.body(request));
        if (this.replay == null || verified instanceof AuthOutcome.Rejected) {
            return afterAuth(request, next, requestId, verified);
        }
        return this.replay.check(this.endpoint.label(), verified)
            .flatMap(outcome -> afterAuth(request, next, requestId, outcome))
            .onErrorResume(EndpointForwardingException.class, ex -> EndpointProblems
                .respond(EndpointProblems.problem(ex, request.path(), requestId), h -> {
                }));
    }

    private Mono<ServerResponse> afterAuth(ServerRequest request, HandlerFunction<ServerResponse> next,
            String requestId, AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            if (logger.isDebugEnabled()) {
                logger.debug("Ara endpoint '" + this.endpoint.label() + "' refused request " + requestId + ": "
                        + rejected.reason().publicMessage());
            }
            return EndpointProblems.respond(EndpointProblems.problem(HttpStatus.UNAUTHORIZED,
                    HttpStatus.UNAUTHORIZED.getReasonPhrase(), rejected.reason().publicMessage(), request.path(),
                    requestId), h -> {
                        if ("bearer".equals(this.endpoint.mode())) {
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
