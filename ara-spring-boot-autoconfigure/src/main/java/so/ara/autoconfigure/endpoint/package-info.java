/**
 * Ara endpoints as WebFlux routes.
 * <p>
 * {@link so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration} turns the endpoints of an
 * {@link so.ara.autoconfigure.endpoint.AraEndpointCatalog} into one {@code RouterFunction}
 * ({@link so.ara.autoconfigure.endpoint.AraEndpointRoutes}), each endpoint served at its declared path and at
 * {@code /v1/apps/{slug}/endpoints/{label}} for exactly its declared method, and forwards each authenticated call
 * through an {@link so.ara.gateway.EndpointRunForwarder}.
 * <p>
 * The per-request contract (body, auth, JSON, run input, problems) is the shared gateway of {@code so.ara.gateway},
 * the one ara-local's gateway serves too; this package adds what is Spring Boot's: properties, the route table with
 * the declared and gateway paths, CORS, OpenAPI, availability before the first deploy, the replay store, and secrets
 * from the {@code Environment} (missing → startup fails naming the variable and endpoint, or with
 * {@code ara.endpoints.missing-secret=reject} the endpoint answers 503).
 */
package so.ara.autoconfigure.endpoint;
