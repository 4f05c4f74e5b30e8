package so.ara.autoconfigure;

import org.springframework.context.ApplicationEvent;

/**
 * Published after each successful deploy of the app (startup's, and each background retry that succeeds). Listen for
 * it to run code that needs the app on Ara, for example a first run:
 *
 * <pre>{@code
 * @EventListener
 * void onDeployed(AraAppDeployedEvent event) {
 *     client.run("triage", Map.of("message", "hello")).subscribe();
 * }
 * }</pre>
 */
public class AraAppDeployedEvent extends ApplicationEvent {

    private final String appId;
    private final String baseUrl;
    private final String mode;
    private final String manifestDigest;

    public AraAppDeployedEvent(Object source, String appId, String baseUrl, String mode, String manifestDigest) {
        super(source);
        this.appId = appId;
        this.baseUrl = baseUrl;
        this.mode = mode;
        this.manifestDigest = manifestDigest;
    }

    /** The app's id on the control plane. */
    public String getAppId() {
        return appId;
    }

    /** The control plane's base URL. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** {@code remote} or {@code local}. */
    public String getMode() {
        return mode;
    }

    /** {@code sha256:<hex>} of the manifest as deployed: equal digests mean the same manifest. */
    public String getManifestDigest() {
        return manifestDigest;
    }

    @Override
    public String toString() {
        return "AraAppDeployedEvent[appId=" + appId + ", baseUrl=" + baseUrl + ", mode=" + mode + ", manifestDigest="
                + manifestDigest + "]";
    }
}
