package so.ara.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import so.ara.client.AraClient;
import so.ara.test.TicketTriage;
import so.ara.client.AraRuntimeClient;

import static org.assertj.core.api.Assertions.assertThat;

class AraClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                    AraClientAutoConfiguration.class, WebClientAutoConfiguration.class))
            .withPropertyValues("ara.project-name=ticket-triage")
            .withBean(TicketTriage.class);

    @Test
    void apiKeyPropertyMeansRemoteAtTheConfiguredBaseUrl() {
        runner.withPropertyValues("ara.api-key=ak_test_123", "ara.api-base-url=https://ara.example.test").run(context -> {
            AraConnection connection = context.getBean(AraConnection.class);
            assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
            assertThat(connection.credentials().apiBaseUrl()).isEqualTo("https://ara.example.test");
            assertThat(context.getBean(AraClient.class).slug()).isEqualTo("ticket-triage");
            assertThat(context).hasSingleBean(AraRuntimeClient.class);
            assertThat(context.getBean(AraDeployState.class).describe()).containsEntry("mode", "remote")
                    .containsEntry("status", "pending").containsEntry("baseUrl", "https://ara.example.test");
        });
    }

    @Test
    void connectionDetailsBeanWinsOverProperties() {
        runner.withPropertyValues("ara.api-key=ak_from_properties", "ara.api-base-url=https://ignored.example.test")
                .withBean(AraConnectionDetails.class, () -> new AraConnectionDetails() {
                    @Override
                    public String baseUrl() {
                        return "http://127.0.0.1:7777";
                    }

                    @Override
                    public String apiKey() {
                        return "ak_from_container";
                    }
                }).run(context -> {
                    AraConnection connection = context.getBean(AraConnection.class);
                    assertThat(connection.mode()).isEqualTo(AraProperties.Mode.REMOTE);
                    assertThat(connection.credentials().apiBaseUrl()).isEqualTo("http://127.0.0.1:7777");
                    assertThat(connection.credentials().controlPlaneToken().block()).isEqualTo("ak_from_container");
                });
    }

    @Test
    void manifestOnlyNeverDeploys() {
        runner.withPropertyValues("ara.mode=manifest-only", "ara.api-key=ak_test").run(context -> {
            assertThat(context.getBean(AraConnection.class).deploys()).isFalse();
            assertThat(context.getBean(AraDeployState.class).describe()).containsEntry("mode", "manifest-only")
                    .containsEntry("status", "disabled").doesNotContainKey("baseUrl");
        });
    }

    @Test
    void forcedRemoteWithoutCredentialsFailsWithAClearMessage() {
        runner.withPropertyValues("ara.mode=remote", "ARA_API_KEY=", "ARA_ACCESS_TOKEN=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage("ara.mode=remote but no Ara credentials"
                    + " resolve: set ara.api-key or ARA_API_KEY, or run `ara auth login`");
        });
    }

    @Test
    void deployOnStartupCanBeTurnedOff() {
        runner.withPropertyValues("ara.api-key=ak_test", "ara.deploy.on-startup=false").run(context -> assertThat(
                context.getBean(AraDeployState.class).snapshot().status()).isEqualTo(AraDeployState.Status.DISABLED));
    }

    @Test
    void apiKeyNeverAppearsInTheConnectionDescription() {
        runner.withPropertyValues("ara.api-key=ak_super_secret_value").run(context -> {
            assertThat(context.getBean(AraConnection.class).credentials().toString())
                    .doesNotContain("ak_super_secret_value");
            assertThat(context.getBean(AraDeployState.class).describe().toString())
                    .doesNotContain("ak_super_secret_value");
        });
    }
}
