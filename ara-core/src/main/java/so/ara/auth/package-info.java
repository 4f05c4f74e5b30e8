/**
 * Request authentication for Ara endpoints, free of any web framework type: an
 * {@link so.ara.auth.EndpointAuthenticator} per manifest auth mode ({@code none}, {@code header}, {@code bearer},
 * {@code hmac}), created by {@link so.ara.auth.EndpointAuthenticators}, reading headers through
 * {@link so.ara.auth.RequestHeaders} and the raw body bytes, and answering a sealed
 * {@link so.ara.auth.AuthOutcome}.
 * <p>
 * The {@code hmac} mode accepts Standard Webhooks ({@code webhook-id}/{@code webhook-timestamp}/{@code webhook-signature})
 * and Ara's own signature ({@code X-Ara-Timestamp}/{@code X-Ara-Delivery-Id}/{@code X-Ara-Signature}); both are
 * HMAC-SHA256 over the raw body, checked in constant time, within a tolerance in both directions, with replayed
 * message ids refused by a bounded, time-expiring {@link so.ara.auth.ReplayCache} (per process; the Spring Boot
 * starter claims ids in a shared {@code ReplayStore} after the signature check instead). Secrets never appear in
 * {@code toString()}, messages or logs.
 */
package so.ara.auth;
