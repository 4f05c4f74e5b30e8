package so.ara.auth;

/** Auth mode {@code none}: every request is accepted. */
final class NoneAuthenticator implements EndpointAuthenticator {

    static final NoneAuthenticator INSTANCE = new NoneAuthenticator();

    private static final AuthOutcome.Accepted ACCEPTED = AuthOutcome.accept("none", null);

    @Override
    public String mode() {
        return "none";
    }

    @Override
    public AuthOutcome authenticate(RequestHeaders headers, byte[] body) {
        return ACCEPTED;
    }

    @Override
    public String toString() {
        return "EndpointAuthenticator[none]";
    }
}
