package so.ara.autoconfigure;

import so.ara.manifest.AppManifest;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.DeclaredMethods;
import so.ara.manifest.PythonSources;

/**
 * The app's declarations, collected once from the bean definitions, and the manifest they make. The manifest can be
 * rebuilt with another callback URL, which local mode needs because the server port is known only once it listens.
 */
public final class AraAppDefinition {

    private final AppManifestBuilder builder;
    private final AppManifest manifest;
    private final String callbackBaseUrl;
    private final DeclaredMethods methods;

    AraAppDefinition(AppManifestBuilder builder, DeclaredMethods methods, String callbackBaseUrl) {
        this.builder = builder;
        this.methods = methods;
        this.callbackBaseUrl = callbackBaseUrl;
        this.manifest = builder.build(sources(callbackBaseUrl));
    }

    /** The manifest with the configured {@code ara.callback.base-url} (or callback stubs when none is set). */
    public AppManifest manifest() {
        return manifest;
    }

    /** The bean methods behind each agent id and tool id. */
    public DeclaredMethods methods() {
        return methods;
    }

    public String slug() {
        return manifest.slug();
    }

    /** The configured callback base URL (with the WebFlux base path), or null when none is set. */
    public String callbackBaseUrl() {
        return callbackBaseUrl;
    }

    /** Whether a callback base URL was configured. */
    public boolean hasCallbackBaseUrl() {
        return callbackBaseUrl != null;
    }

    /** The manifest whose Java tools and prompts call back to {@code baseUrl}. */
    public synchronized AppManifest manifestCallingBack(String baseUrl) {
        return baseUrl.equals(callbackBaseUrl) ? manifest : builder.build(sources(baseUrl));
    }

    private PythonSources sources(String baseUrl) {
        return baseUrl == null ? PythonSources.withoutCallback(builder.projectName())
                : PythonSources.withCallback(builder.projectName(), baseUrl);
    }
}
