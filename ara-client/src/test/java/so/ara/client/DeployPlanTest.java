package so.ara.client;

import so.ara.spec.Secret;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.AraEnvironment;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployPlanTest {

    static AraClient client(String manifest, Map<String, String> env) {
        AraCredentials credentials = AraCredentials.builder().environment(AraEnvironment.of(env::get))
                .skipCredentialsFile().apiBaseUrl("http://127.0.0.1:1").apiKey("k").build();
        return new AraClient(AraJson.mapper().readTree(manifest), WebClient.builder(), credentials,
                AraClientSettings.defaults(), null);
    }

    @Test
    void valuesAndReferenceSecretsBecomeRefsInDeclarationOrder() {
        AraClient client = client("{\"slug\":\"demo\",\"runtime_profile\":{\"memory_mb\":1024}}", Map.of());
        DeployFlow.SecretPlan plan = client.secretPlan(DeployOptions.defaults().withSecrets(List.of(
                Secret.named("provider-local", Map.of("OPENAI_API_KEY", "v")),
                Secret.fromName("provider-shared", List.of("OPENAI_API_KEY")),
                Secret.fromName("provider-local"))));
        assertThat(plan.runtimeProfile().toString()).isEqualTo("{\"memory_mb\":1024,\"secret_refs\":["
                + "{\"name\":\"provider-local\"},{\"name\":\"provider-shared\",\"required_keys\":[\"OPENAI_API_KEY\"]}]}");
        assertThat(plan.definitions()).extracting(Secret::name).containsExactly("provider-local", "provider-shared");
        assertThat(plan.reconcile()).isTrue();
    }

    @Test
    void requiredEnvOfToolsBecomesOneDictSecret() {
        String manifest = """
                {"slug":"demo","runtime_profile":{"__required_env_keys":["EXTRA_KEY"]},
                 "agent":{"tools":[{"function":{"name":"t"},"required_env":["HELPDESK_TOKEN"],
                   "source":"def t():\\n    return secret('OTHER_TOKEN') + secret(\\"ARA_API_KEY\\")"}]}}
                """;
        AraClient client = client(manifest, Map.of("HELPDESK_TOKEN", " h ", "EXTRA_KEY", "e", "OTHER_TOKEN", "o"));
        DeployFlow.SecretPlan plan = client.secretPlan(DeployOptions.defaults());
        Secret secret = plan.definitions().get(0);
        assertThat(secret.values()).containsExactly(Map.entry("EXTRA_KEY", "e"), Map.entry("HELPDESK_TOKEN", "h"),
                Map.entry("OTHER_TOKEN", "o"));
        assertThat(secret.name()).isEqualTo(Secret.fromDict(Map.of("EXTRA_KEY", "x", "HELPDESK_TOKEN", "x", "OTHER_TOKEN", "x")).name());
        assertThat(plan.runtimeProfile().toString())
                .isEqualTo("{\"secret_refs\":[{\"name\":\"" + secret.name() + "\"}]}");
        assertThat(plan.reconcile()).isTrue();
    }

    @Test
    void missingRequiredEnvFails() {
        String manifest = "{\"slug\":\"demo\",\"agent\":{\"tools\":[{\"required_env\":[\"B_KEY\",\"A_KEY\"]}]}}";
        assertThatThrownBy(() -> client(manifest, Map.of("A_KEY", " ")).secretPlan(DeployOptions.defaults()))
                .isInstanceOf(AraException.class)
                .hasMessage("Missing required environment variables for deploy-time secret sync: B_KEY, A_KEY");
    }

    @Test
    void noSecretsNoReconcile() {
        DeployFlow.SecretPlan plan = client("{\"slug\":\"demo\"}", Map.of()).secretPlan(DeployOptions.defaults());
        assertThat(plan.runtimeProfile().toString()).isEqualTo("{}");
        assertThat(plan.reconcile()).isFalse();
        DeployFlow.SecretPlan empty = client("{\"slug\":\"demo\",\"runtime_profile\":{\"secret_refs\":[]}}", Map.of())
                .secretPlan(DeployOptions.defaults());
        assertThat(empty.reconcile()).isTrue();
    }

    @Test
    void deployResultSerializesInTheReferenceShape() {
        DeployResult result = new DeployResult("app_1", "demo", true, "ak_app_test",
                AraJson.mapper().readTree("{\"run_id\":\"run_warm_1\"}"),
                new DeployResult.Secrets(List.of("provider-local"), List.of("provider-shared")));
        assertThat(AraJson.mapper().writeValueAsString(result)).isEqualTo("{\"app_id\":\"app_1\",\"slug\":\"demo\","
                + "\"runtime_key_created\":true,\"runtime_key\":\"ak_app_test\",\"warmup\":{\"run_id\":\"run_warm_1\"},"
                + "\"secrets\":{\"synced\":[\"provider-local\"],\"referenced_only\":[\"provider-shared\"]}}");
        assertThat(result.warmupRunId()).isEqualTo("run_warm_1");
        assertThat(result.toString()).doesNotContain("ak_app_test");
    }

    @Test
    void runTimeoutFromEnvironment() {
        assertThat(AraClientSettings.fromEnvironment(AraEnvironment.of(Map.of("ARA_RUN_TIMEOUT_SECONDS", "10")::get))
                .runTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(AraClientSettings.fromEnvironment(AraEnvironment.of(Map.of("ARA_RUN_TIMEOUT_SECONDS", "300")::get))
                .runTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(AraClientSettings.fromEnvironment(AraEnvironment.of(Map.of("ARA_RUN_TIMEOUT_SECONDS", "x")::get))
                .runTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void manifestWithoutSlugIsRejected() {
        assertThatThrownBy(() -> client("{\"agent\":{}}", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("manifest has no slug");
        JsonNode fromMap = AraJson.mapper().valueToTree(Map.of("name", "named"));
        assertThat(client(fromMap.toString(), Map.of()).slug()).isEqualTo("named");
    }
}
