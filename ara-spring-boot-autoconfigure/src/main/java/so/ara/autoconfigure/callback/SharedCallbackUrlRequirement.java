package so.ara.autoconfigure.callback;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraProperties;

/**
 * In remote mode, Java tools and prompt methods work only through a callback base URL that every replica deploys and
 * Ara's runtime can reach: the address the load balancer serves. Without {@code ara.callback.base-url} each replica
 * would deploy its own address (only the last deployer's would be called), so startup fails instead, saying what to
 * set. A control plane on this machine (embedded ara-local, or one on a loopback address) keeps the zero-config
 * behaviour: it calls the app on 127.0.0.1.
 */
final class SharedCallbackUrlRequirement {

    private SharedCallbackUrlRequirement() {
    }

    /**
     * @param callbacks how many Java tools and prompt methods the manifest calls back
     * @param baseUrl the configured {@code ara.callback.base-url}, or null
     */
    static void check(@Nullable AraConnection connection, boolean deploysOnStartup, String appSlug, int callbacks,
            @Nullable String baseUrl) {
        if (connection == null || connection.mode() != AraProperties.Mode.REMOTE || !deploysOnStartup
                || callbacks == 0) {
            return;
        }
        String controlPlane = connection.credentials().apiBaseUrl();
        if (isLoopback(controlPlane)) {
            return;
        }
        String what = "Ara app '" + appSlug + "' deploys " + callbacks + " Java tool and prompt callback"
                + (callbacks == 1 ? "" : "s") + " to the Ara control plane at " + controlPlane
                + ", whose runtime calls them back over HTTP";
        String action = "Set ara.callback.base-url to the URL your load balancer serves this app at (for example "
                + "https://desk.example.com; the same value on every instance, reachable from Ara). Every instance "
                + "then deploys that URL and the same callback secret (ara.callback.secret, or derived from the Ara "
                + "credential when unset). For development without a public URL, use ara.mode=local.";
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new CallbackBaseUrlException(what + ", but ara.callback.base-url is not set: each instance would "
                    + "deploy its own address and only the last one to deploy would be called.", action);
        }
        if (isLoopback(baseUrl)) {
            throw new CallbackBaseUrlException(what + ", but ara.callback.base-url (" + baseUrl + ") is a loopback "
                    + "address that Ara's runtime cannot reach.", action);
        }
    }

    static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url.trim()).getHost();
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
    }
}
