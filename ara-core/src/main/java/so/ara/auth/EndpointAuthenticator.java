package so.ara.auth;

/**
 * Verifies one request to an Ara endpoint against the endpoint's auth mode. Implementations are thread-safe, never
 * log or return the secret, and compare credentials in constant time. Create them with
 * {@link EndpointAuthenticators}.
 */
public interface EndpointAuthenticator {

    /** The manifest auth mode this authenticator implements: {@code none}, {@code header}, {@code bearer}, {@code hmac}. */
    String mode();

    /**
     * @param headers case-insensitive header lookup
     * @param body the raw request body bytes, exactly as received (empty array when there is no body)
     */
    AuthOutcome authenticate(RequestHeaders headers, byte[] body);
}
