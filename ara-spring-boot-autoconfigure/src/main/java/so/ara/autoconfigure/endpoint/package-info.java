/**
 * Ara endpoints as WebFlux routes.
 * <p>
 * {@link so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration} turns the endpoints of an
 * {@link so.ara.autoconfigure.endpoint.AraEndpointCatalog} into one {@code RouterFunction}
 * ({@link so.ara.autoconfigure.endpoint.AraEndpointRoutes}), each endpoint served at its declared path and at
 * {@code /v1/apps/{slug}/endpoints/{label}} for exactly its declared method, and forwards each authenticated call
 * through an {@link so.ara.autoconfigure.endpoint.EndpointRunForwarder}.
 * <p>
 * Decisions where the Ara reference leaves the gateway unspecified:
 * <ul>
 * <li>body: read once, at most {@code ara.endpoints.max-body-size} (413); auth runs over the raw bytes before any
 * JSON decoding (401); a non-empty body must be JSON ({@code application/json} or {@code +json}; an absent
 * content type is read as JSON; another type is 415; malformed is 400); an empty or blank body is the input
 * {@code {}} (an empty JSON object, so agents can always treat {@code input["input"]} as an object);</li>
 * <li>run input: {@code {"input": body, "gateway": {...}}}, see
 * {@link so.ara.autoconfigure.endpoint.EndpointGatewayInput} for the metadata keys;</li>
 * <li>response: the run result as JSON with {@code X-Ara-Run-Id}; with {@code Accept: text/event-stream} the run
 * events as SSE (a failure before the first event is a problem response; a later one ends the stream with an
 * {@code error} event carrying the problem);</li>
 * <li>failures: RFC 9457 problems ({@code application/problem+json}) with {@code request_id}; 401 reasons are only
 * "missing credentials", "invalid credentials", "missing signature headers", "timestamp outside tolerance",
 * "invalid signature", "replayed message"; bearer 401s carry {@code WWW-Authenticate}; a runtime that cannot be
 * reached is 503, any other forwarding failure 502, never a stack trace;</li>
 * <li>secrets: from the {@code Environment} property named by {@code auth.secret_env} (default
 * {@code ARA_ENDPOINT_<LABEL>_SECRET}); missing → startup fails naming the variable and endpoint, or with
 * {@code ara.endpoints.missing-secret=reject} the endpoint answers 503;</li>
 * <li>a HEAD request to a GET endpoint is 405 (exactly the declared method is served).</li>
 * </ul>
 */
package so.ara.autoconfigure.endpoint;
