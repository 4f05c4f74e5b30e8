package so.ara.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Ara control plane is and how to authenticate. The default is {@link PropertiesAraConnectionDetails}
 * ({@code ara.*} properties, {@code ARA_*} variables, {@code .env} files, the CLI credentials file, all through the
 * Spring {@code Environment}); Testcontainers' {@code @ServiceConnection} and the embedded ara-local contribute their
 * own, and a bean of yours replaces them all.
 */
public interface AraConnectionDetails extends ConnectionDetails {

    /** Base URL of the control plane, for example {@code https://api.ara.so}. */
    String baseUrl();

    /** Control-plane API key (sent as {@code Authorization: Bearer}). */
    String apiKey();

    /** Runtime key for runs, events and logs, or null to use the one deploy mints. */
    default @Nullable String runtimeKey() {
        return null;
    }

    /** App-header key sent as {@code X-Ara-App-Key} instead of a runtime key, or null. */
    default @Nullable String appHeaderKey() {
        return null;
    }
}
