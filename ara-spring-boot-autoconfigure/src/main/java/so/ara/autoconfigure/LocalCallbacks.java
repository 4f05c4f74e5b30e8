package so.ara.autoconfigure;

import java.net.URI;

import org.springframework.core.env.Environment;

/**
 * Where Ara's runtime calls back an app that has no {@code ara.callback.base-url}: a control plane on this machine
 * (embedded ara-local, or one on a loopback address) reaches the app on 127.0.0.1 at its server port. The running
 * app and {@code ara deploy} both render the manifest through here, so they deploy the same callback URLs.
 */
public final class LocalCallbacks {

    private LocalCallbacks() {
    }

    /** Whether a control plane at {@code apiBaseUrl} runs on this machine, so it can reach 127.0.0.1. */
    public static boolean reachFrom(String apiBaseUrl) {
        String host = URI.create(apiBaseUrl).getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }

    /** The callback base URL of a server listening on {@code port} of 127.0.0.1, with the WebFlux base path. */
    public static String baseUrl(int port, Environment environment) {
        return CallbackUrls.withBasePath("http://127.0.0.1:" + port, environment);
    }
}
