package so.ara.gateway;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The endpoint contract, once for ara-local and the starter. The handler of one endpoint reads the body once within
 * the byte limit (413), verifies the endpoint's auth mode over exactly those bytes (401 with the
 * {@link so.ara.auth.RejectReason} message; 503 when the secret is missing), decodes it as JSON with the depth capped
 * (415, 400), builds the run input ({@link EndpointGatewayInput}) and answers the run result with
 * {@code X-Ara-Run-Id} (or its events as SSE). The caller routes by path and method (405 with {@code Allow} through
 * {@link EndpointProblems#methodNotAllowed}) and puts an {@link EndpointRequestIdFilter} in front.
 */
public final class EndpointGateway {

    private final EndpointBodyReader bodyReader;

    private final EndpointProblemMapper problems;

    private final List<String> forwardedHeaders;

    private final EndpointBodyLimitFilter bodyFilter;

    /** {@code forwardedHeaders}: copied into {@code gateway.headers} (auth headers never are). */
    public EndpointGateway(EndpointBodyReader bodyReader, EndpointProblemMapper problems,
            List<String> forwardedHeaders) {
        this.bodyReader = bodyReader;
        this.problems = problems;
        this.forwardedHeaders = List.copyOf(forwardedHeaders);
        this.bodyFilter = new EndpointBodyLimitFilter(bodyReader);
    }

    /** The handler of {@code endpoint}; {@code replay} null: the authenticator alone decides (no shared store). */
    public HandlerFunction<ServerResponse> handler(GatewayEndpoint endpoint, EndpointRunForwarder forwarder,
            @Nullable ReplayGuard replay) {
        HandlerFunction<ServerResponse> run = new EndpointRunHandler(endpoint, forwarder, this.bodyReader,
                this.problems, this.forwardedHeaders);
        return this.bodyFilter.apply(new EndpointAuthFilter(endpoint, replay).apply(run));
    }
}
