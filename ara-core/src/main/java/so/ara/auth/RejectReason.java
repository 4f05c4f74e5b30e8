package so.ara.auth;

/**
 * Why a request was refused. The public message is deliberately coarse: it never says which header, byte or
 * signature entry was wrong, and never contains a secret.
 */
public enum RejectReason {

    /** header/bearer mode: the credential header is absent or empty. */
    MISSING_CREDENTIALS("missing credentials"),
    /** header/bearer mode: the credential does not match. */
    INVALID_CREDENTIALS("invalid credentials"),
    /** hmac mode: neither a complete Standard Webhooks nor a complete Ara signature header set is present. */
    MISSING_SIGNATURE_HEADERS("missing signature headers"),
    /** hmac mode: the signed timestamp is too old or too far in the future. */
    TIMESTAMP_OUTSIDE_TOLERANCE("timestamp outside tolerance"),
    /** hmac mode: no signature entry matches (also used for malformed signature headers). */
    INVALID_SIGNATURE("invalid signature"),
    /** hmac mode: a correctly signed message whose id was already accepted inside the tolerance window. */
    REPLAYED("replayed message");

    private final String publicMessage;

    RejectReason(String publicMessage) {
        this.publicMessage = publicMessage;
    }

    /** A short, caller-safe description, e.g. {@code "invalid signature"}. */
    public String publicMessage() {
        return this.publicMessage;
    }
}
