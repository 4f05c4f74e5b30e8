package so.ara.autoconfigure;

/**
 * A control plane this app can start for itself (ara-local, when on the classpath). Started only when the mode
 * resolves to {@code local}; stopped with the application context.
 */
public interface LocalControlPlane {

    /** Starts it (once) and returns its base URL and control-plane key. */
    Endpoint start();

    record Endpoint(String baseUrl, String apiKey) {
    }
}
