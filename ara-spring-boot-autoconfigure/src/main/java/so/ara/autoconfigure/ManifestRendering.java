package so.ara.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import so.ara.manifest.AppManifest;
import so.ara.manifest.PythonSources;
import so.ara.spec.Secret;

/**
 * Chooses the manifest that deploy sends. With {@code ara.callback.base-url} it is the configured one. Without it, a
 * control plane on this machine (embedded ara-local, or one on a loopback address such as a test container on the host
 * network) reaches this app on 127.0.0.1 at the port the server got. When tools can call back, the callback signing key
 * is synced as the secret {@code ara-java-callback}.
 */
final class ManifestRendering implements AraStartupDeployer.CallbackTarget {

    private final AraAppDefinition definition;
    private final AraConnection connection;
    private final Environment environment;
    private final Supplier<String> callbackSecret;

    /** {@code callbackSecret} supplies the callback signing key, or null when this app serves no callbacks. */
    ManifestRendering(AraAppDefinition definition, AraConnection connection, Environment environment,
            Supplier<String> callbackSecret) {
        this.definition = definition;
        this.connection = connection;
        this.environment = environment;
        this.callbackSecret = callbackSecret;
    }

    @Override
    public Rendering render(ApplicationContext context) {
        AppManifest manifest = definition.manifest();
        List<String> rendered = new ArrayList<>();
        boolean callsBack = definition.hasCallbackBaseUrl();
        if (!callsBack && onThisMachine() && context instanceof WebServerApplicationContext web
                && web.getWebServer() != null) {
            String local = LocalCallbacks.baseUrl(web.getWebServer().getPort(), environment);
            manifest = definition.manifestCallingBack(local);
            callsBack = true;
            rendered.add("callback URLs of Java tools and prompt methods: " + local
                    + " (this server's port, known once it listens)");
        }
        List<Secret> secrets = new ArrayList<>(manifest.secrets());
        String secret = callbackSecret == null ? null : callbackSecret.get();
        if (callsBack && secret != null) {
            secrets.add(Secret.named(PythonSources.CALLBACK_SECRET_NAME, Map.of(PythonSources.CALLBACK_SECRET_ENV, secret)));
            rendered.add("secret '" + PythonSources.CALLBACK_SECRET_NAME + "' holding "
                    + PythonSources.CALLBACK_SECRET_ENV + " (the callback signing key; value never shown)");
        }
        return new Rendering(manifest, List.copyOf(secrets), List.copyOf(rendered));
    }

    private boolean onThisMachine() {
        return connection.mode() == AraProperties.Mode.LOCAL
                || LocalCallbacks.reachFrom(connection.credentials().apiBaseUrl());
    }
}
