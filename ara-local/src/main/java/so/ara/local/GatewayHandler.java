package so.ara.local;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointGateway;
import so.ara.gateway.EndpointProblems;
import so.ara.gateway.GatewayEndpoint;
import so.ara.json.AraJson;
import so.ara.manifest.EndpointSpec;

/**
 * The endpoint gateway {@code /v1/apps/{id}/endpoints/{label}}: finds the app's declared endpoint (404) and hands the
 * request to the shared {@link EndpointGateway}, the same contract the starter's endpoint routes serve, with the
 * app's local run engine as the forwarder.
 */
final class GatewayHandler {

    private final LocalStore store;
    private final RunEngine engine;
    private final EndpointGateway gateway;
    private final EndpointAuthVerifier endpointAuth;

    GatewayHandler(LocalStore store, RunEngine engine, EndpointGateway gateway, EndpointAuthVerifier endpointAuth) {
        this.store = store;
        this.engine = engine;
        this.gateway = gateway;
        this.endpointAuth = endpointAuth;
    }

    Mono<ServerResponse> handle(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        String label = r.pathVariable("label");
        EndpointSpec spec = app.endpoints().stream()
                .filter(e -> label.equals(e.get("label")))
                .findFirst()
                .map(e -> AraJson.mapper().convertValue(e, EndpointSpec.class))
                .orElseThrow(() -> ApiException.notFound("endpoint '" + label + "' not found in app '" + app.slug
                        + "'"));
        GatewayEndpoint endpoint = GatewayEndpoint.of(app.slug, spec, endpointAuth.authenticator(spec, app));
        if (!endpoint.method().equals(r.method())) {
            return EndpointProblems.methodNotAllowed(r, endpoint.method().name());
        }
        return gateway.handler(endpoint, new LocalEndpointRuns(engine, app), null).handle(r);
    }
}
