package so.ara.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Ara control plane is and how to authenticate. Define a bean (or let Testcontainers' {@code @ServiceConnection}
 * or Docker Compose contribute one) to connect to a specific control plane; without one, {@code ara.*} properties,
 * {@code ARA_*} environment variables and {@code ~/.ara/credentials.json} are used.
 */
public interface AraConnectionDetails extends ConnectionDetails {

    /** Base URL of the control plane, for example {@code https://api.ara.so}. */
    String baseUrl();

    /** Control-plane API key (sent as {@code Authorization: Bearer}). */
    String apiKey();

    /** Runtime key for runs, events and logs, or null to use the one deploy mints. */
    default String runtimeKey() {
        return null;
    }
}
