package so.ara.autoconfigure;

import so.ara.credentials.AraCredentials;

/**
 * The control plane this app talks to, decided once at startup from {@code ara.mode}, connection details, credentials
 * and the classpath.
 *
 * @param mode        the effective mode ({@code remote}, {@code local} or {@code manifest-only})
 * @param credentials base URL and keys; in manifest-only mode they resolve no control-plane key, so client calls fail
 *                    with the reference's "No credentials found" message
 */
public record AraConnection(AraProperties.Mode mode, AraCredentials credentials) {

    public boolean deploys() {
        return mode != AraProperties.Mode.MANIFEST_ONLY;
    }

    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
