package so.ara.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Auth modes {@code header} (a named header equals the secret) and {@code bearer}
 * ({@code Authorization: Bearer <secret>}). Both sides are hashed with SHA-256 before a constant-time comparison,
 * so neither the content nor the length of the secret leaks through timing.
 */
final class SharedSecretAuthenticator implements EndpointAuthenticator {

    private static final String BEARER = "bearer ";

    private final boolean bearer;

    private final String headerName;

    private final byte[] secretDigest;

    private final AuthOutcome.Accepted accepted;

    SharedSecretAuthenticator(boolean bearer, String headerName, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("endpoint secret must not be empty");
        }
        this.bearer = bearer;
        this.headerName = headerName;
        this.secretDigest = sha256(secret);
        this.accepted = AuthOutcome.accept(mode(), null);
    }

    @Override
    public String mode() {
        return this.bearer ? "bearer" : "header";
    }

    /** The header carrying the credential. */
    String headerName() {
        return this.headerName;
    }

    @Override
    public AuthOutcome authenticate(RequestHeaders headers, byte[] body) {
        String value = headers.first(this.headerName);
        if (value == null) {
            return AuthOutcome.reject(RejectReason.MISSING_CREDENTIALS);
        }
        String credential = value.trim();
        if (this.bearer) {
            if (credential.length() < BEARER.length()
                    || !credential.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return AuthOutcome.reject(credential.isEmpty() ? RejectReason.MISSING_CREDENTIALS
                        : RejectReason.INVALID_CREDENTIALS);
            }
            credential = credential.substring(BEARER.length()).trim();
        }
        if (credential.isEmpty()) {
            return AuthOutcome.reject(RejectReason.MISSING_CREDENTIALS);
        }
        return MessageDigest.isEqual(this.secretDigest, sha256(credential)) ? this.accepted
                : AuthOutcome.reject(RejectReason.INVALID_CREDENTIALS);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }

    @Override
    public String toString() {
        return "EndpointAuthenticator[" + mode() + ", header=" + this.headerName + ", secret hidden]";
    }
}
