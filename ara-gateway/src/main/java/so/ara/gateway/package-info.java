/**
 * The one endpoint gateway of ara-local ({@code /v1/apps/{id}/endpoints/{label}}) and of the starter's endpoint
 * routes: {@link so.ara.gateway.EndpointGateway} builds the handler of one {@link so.ara.gateway.GatewayEndpoint};
 * the caller routes (404, 405 through {@link so.ara.gateway.EndpointProblems#methodNotAllowed}), puts an
 * {@link so.ara.gateway.EndpointRequestIdFilter} in front and supplies the {@link so.ara.gateway.EndpointRunForwarder}
 * (ara-local: its run engine; the starter: the Ara client). ara-local's control plane reads its JSON bodies with the
 * same {@link so.ara.gateway.EndpointBodyReader}.
 * <p>
 * Decisions where the Ara reference leaves the gateway unspecified:
 * <ul>
 * <li>body: read once, at most {@code ara.endpoints.max-body-size} (ara-local: its body limit) (413);
 * auth runs over the raw bytes before any JSON decoding (401); a non-empty body must be JSON ({@code application/json} or {@code +json}; an absent
 * content type is read as JSON; another type is 415; malformed is 400); an empty or blank body is the input
 * {@code {}} (an empty JSON object, so agents can always treat {@code input["input"]} as an object);</li>
 * <li>run input: {@code {"input": body, "gateway": {...}}}, see
 * {@link so.ara.gateway.EndpointGatewayInput} for the metadata keys;</li>
 * <li>response: the run result as JSON with {@code X-Ara-Run-Id}; with {@code Accept: text/event-stream} the run
 * events as SSE (a failure before the first event is a problem response; a later one ends the stream with an
 * {@code error} event carrying the problem);</li>
 * <li>failures: RFC 9457 problems ({@code application/problem+json}) with {@code request_id}; 401 reasons are only
 * "missing credentials", "invalid credentials", "missing signature headers", "timestamp outside tolerance",
 * "invalid signature", "replayed message"; bearer 401s carry {@code WWW-Authenticate}; a runtime that cannot be
 * reached is 503, any other forwarding failure 502, never a stack trace;</li>
 * <li>a HEAD request to a GET endpoint is 405 (exactly the declared method is served);</li>
 * <li>secrets: an endpoint with auth whose secret is not set answers 503 on both sides: the server lacks its own
 * configuration, so a 401 (which tells the caller its credentials are wrong) would be misleading, and the endpoint is
 * never served unauthenticated; it passes once the secret is set.</li>
 * </ul>
 */
package so.ara.gateway;
