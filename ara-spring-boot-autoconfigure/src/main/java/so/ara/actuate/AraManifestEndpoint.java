package so.ara.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import so.ara.autoconfigure.AraDeployState;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;
import so.ara.spec.Secret;

/**
 * {@code /actuator/ara}: the manifest as last deployed (as built at startup until the first deploy), what was rendered
 * only at deploy time (callback URLs, the callback secret), the secrets it uses (names and keys, never values) and the
 * deploy state.
 */
@Endpoint(id = "ara")
public class AraManifestEndpoint {

    private final AppManifest manifest;
    private final AraDeployState deployState;

    public AraManifestEndpoint(AppManifest manifest, AraDeployState deployState) {
        this.manifest = manifest;
        this.deployState = deployState;
    }

    @ReadOperation
    public Map<String, Object> ara() {
        AraDeployState.Deployment deployed = deployState.lastDeployment();
        AppManifest shown = deployed != null ? deployed.manifest() : manifest;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", shown.slug());
        body.put("deploy", deployState.describe());
        body.put("manifestSource", deployed != null ? "as last deployed" : "as built at startup (not deployed yet)");
        if (deployed != null) {
            body.put("manifestDigest", deployed.digest());
            body.put("renderedAtDeploy", deployed.renderedAtDeploy());
            body.put("syncedSecrets", deployed.secretNames());
        }
        body.put("secrets", shown.secrets().stream().map(AraManifestEndpoint::describe).toList());
        body.put("manifest", AraJson.mapper().convertValue(shown, Map.class));
        return body;
    }

    private static Map<String, Object> describe(Secret secret) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", secret.name());
        entry.put("kind", secret.hasValues() ? "uploaded on deploy" : "reference to an existing Ara secret");
        entry.put("keys", secret.hasValues() ? List.copyOf(secret.values().keySet()) : secret.requiredKeys());
        return entry;
    }
}
