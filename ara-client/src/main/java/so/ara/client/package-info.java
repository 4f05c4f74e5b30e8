/**
 * Reactive clients of the Ara platform.
 * <p>
 * Wiring (all plain constructors, nothing static or global):
 * <pre>{@code
 * AraCredentials credentials = AraCredentials.builder()
 *         .apiKey(properties.getApiKey())              // explicit wins; null/blank = not set
 *         .apiBaseUrl(properties.getApiBaseUrl())
 *         .build();                                    // env, .env/.env.local, ~/.ara/credentials.json
 * AraClientSettings settings = AraClientSettings.fromEnvironment(credentials.environment());
 * JsonNode manifest = AraJson.mapper().valueToTree(appManifest);
 * AraClient client = new AraClient(manifest, webClientBuilder, credentials, settings, observationRegistry);
 * AraRuntimeClient runtime = new AraRuntimeClient(webClientBuilder, credentials, settings, observationRegistry);
 * client.deploy(DeployOptions.defaults().withSecrets(secrets)).subscribe(...);
 * }</pre>
 * Deploy takes the app's {@code so.ara.spec.Secret} definitions as they are.
 * <p>
 * Errors: {@link so.ara.client.AraApiException} (HTTP status, method, path; body hidden unless debug),
 * {@link so.ara.client.AraConnectionException} and its {@link so.ara.client.AraTimeoutException}, and
 * {@link so.ara.client.AraException} for everything else (messages as the Python SDK). Every call is observed as
 * {@code ara.client.requests} with low-cardinality keys {@code method}, {@code uri} (template), {@code status},
 * {@code outcome}, {@code exception}.
 */
@NullMarked
package so.ara.client;

import org.jspecify.annotations.NullMarked;
