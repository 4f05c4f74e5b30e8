package so.ara.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the app knows about its deployment: the mode, where it deploys, and the outcome of the last deploy. Read by the
 * actuator endpoint and the health indicator; never holds keys or secret values.
 */
public final class AraDeployState {

    public enum Status {
        /** Deploy on startup is off or the mode never deploys. */
        DISABLED,
        /** The app has not finished starting yet. */
        PENDING,
        DEPLOYING,
        DEPLOYED,
        FAILED
    }

    private final String mode;
    private final String baseUrl;
    private final Clock clock;
    private final AtomicReference<Snapshot> current;
    private final AtomicReference<Deployment> lastDeployment = new AtomicReference<>();

    public AraDeployState(String mode, String baseUrl, boolean deploys, Clock clock) {
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.current = new AtomicReference<>(new Snapshot(deploys ? Status.PENDING : Status.DISABLED, null, null, null,
                0, clock.instant()));
    }

    public String mode() {
        return mode;
    }

    /** The control plane's base URL, or null in manifest-only mode. */
    public String baseUrl() {
        return baseUrl;
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public void deploying() {
        current.updateAndGet(s -> new Snapshot(Status.DEPLOYING, s.appId(), null, s.lastDeployedAt(), s.attempts() + 1,
                clock.instant()));
    }

    public void deployed(String appId) {
        Instant now = clock.instant();
        current.updateAndGet(s -> new Snapshot(Status.DEPLOYED, appId, null, now, s.attempts(), now));
    }

    /** Records a successful deploy and what was sent. */
    public void deployed(String appId, Deployment deployment) {
        lastDeployment.set(deployment);
        deployed(appId);
    }

    /** What the last successful deploy sent, or null before the first one. */
    public Deployment lastDeployment() {
        return lastDeployment.get();
    }

    /** Records a failure; {@code error} must already be free of secrets (client errors are). */
    public void failed(String error) {
        current.updateAndGet(s -> new Snapshot(Status.FAILED, s.appId(), error, s.lastDeployedAt(), s.attempts(),
                clock.instant()));
    }

    public Map<String, Object> describe() {
        Snapshot snapshot = snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode);
        if (baseUrl != null) {
            details.put("baseUrl", baseUrl);
        }
        details.put("status", snapshot.status().name().toLowerCase(java.util.Locale.ROOT));
        if (snapshot.appId() != null) {
            details.put("appId", snapshot.appId());
        }
        if (snapshot.lastDeployedAt() != null) {
            details.put("lastDeployedAt", snapshot.lastDeployedAt().toString());
        }
        if (snapshot.error() != null) {
            details.put("error", snapshot.error());
        }
        details.put("attempts", snapshot.attempts());
        return details;
    }

    /**
     * What one deploy sent: the manifest as Ara received it, its digest, and what was rendered only at deploy time.
     *
     * @param manifest         the manifest as deployed
     * @param digest           {@code sha256:<hex>} of the manifest's JSON as sent
     * @param renderedAtDeploy parts that differ from the manifest built at startup (callback URLs, the callback secret)
     * @param secretNames      the secrets synced with the deploy (names only)
     */
    public record Deployment(so.ara.manifest.AppManifest manifest, String digest, java.util.List<String> renderedAtDeploy,
            java.util.List<String> secretNames) {
    }

    public record Snapshot(Status status, String appId, String error, Instant lastDeployedAt, int attempts,
            Instant updatedAt) {
    }
}
