package so.ara.client;

import so.ara.spec.Secret;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@link AraClient#deploy(DeployOptions)} (docs/ara-reference.md §5.1): {@code activate} true, key name
 * {@code <slug>-py-local}, key rpm 60, no warmup, {@code onExisting} {@code update}; {@code secrets} are the secret
 * definitions of the app's runtime profile, {@code requiredEnvKeys} extra env keys synced into one
 * {@code sdk-dict-…} secret (tools' {@code required_env} in the manifest are added automatically).
 */
public record DeployOptions(boolean activate, @Nullable String keyName, int keyRpm, boolean warm,
        @Nullable String warmAgentId, String onExisting, List<Secret> secrets, List<String> requiredEnvKeys) {

    public DeployOptions {
        onExisting = onExisting == null ? "update" : onExisting;
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        requiredEnvKeys = requiredEnvKeys == null ? List.of() : List.copyOf(requiredEnvKeys);
    }

    public static DeployOptions defaults() {
        return new DeployOptions(true, null, 60, false, null, "update", List.of(), List.of());
    }

    public DeployOptions withActivate(boolean value) {
        return new DeployOptions(value, keyName, keyRpm, warm, warmAgentId, onExisting, secrets, requiredEnvKeys);
    }

    public DeployOptions withKey(@Nullable String name, int rpm) {
        return new DeployOptions(activate, name, rpm, warm, warmAgentId, onExisting, secrets, requiredEnvKeys);
    }

    public DeployOptions withWarm(boolean value, @Nullable String agentId) {
        return new DeployOptions(activate, keyName, keyRpm, value, agentId, onExisting, secrets, requiredEnvKeys);
    }

    public DeployOptions withOnExisting(String value) {
        return new DeployOptions(activate, keyName, keyRpm, warm, warmAgentId, value, secrets, requiredEnvKeys);
    }

    public DeployOptions withSecrets(List<Secret> value) {
        return new DeployOptions(activate, keyName, keyRpm, warm, warmAgentId, onExisting, value, requiredEnvKeys);
    }

    public DeployOptions withRequiredEnvKeys(List<String> value) {
        return new DeployOptions(activate, keyName, keyRpm, warm, warmAgentId, onExisting, secrets, value);
    }
}
