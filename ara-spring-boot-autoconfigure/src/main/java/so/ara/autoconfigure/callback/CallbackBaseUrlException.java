package so.ara.autoconfigure.callback;

/**
 * Startup stops: the app deploys Java tools or prompt methods to a remote Ara control plane, but its callback base URL
 * is not a shared URL Ara's runtime can reach. Explained by {@link CallbackBaseUrlFailureAnalyzer}.
 */
public final class CallbackBaseUrlException extends RuntimeException {

    private final String action;

    CallbackBaseUrlException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
