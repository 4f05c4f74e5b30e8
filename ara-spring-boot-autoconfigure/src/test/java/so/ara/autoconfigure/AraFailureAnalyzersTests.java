package so.ara.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import so.ara.autoconfigure.endpoint.AraEndpointsAutoConfiguration;
import so.ara.client.AraConnectionException;
import so.ara.test.TicketTriage;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Ara failure analyzer, registered and explaining a real startup failure without a stack trace. */
class AraFailureAnalyzersTests {

    private final FailureAnalysisSupport support = new FailureAnalysisSupport();

    @Test
    void allAnalyzersAreRegistered() {
        assertThat(this.support.analyzers()).extracting(FailureAnalyzer::getClass).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("AraDeclarationFailureAnalyzer", "AraDeployFailureAnalyzer",
                        "MissingEndpointSecretFailureAnalyzer", "AraConnectionFailureAnalyzer",
                        "CallbackBaseUrlFailureAnalyzer");
    }

    @Test
    void invalidDeclarationsAreListed() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class))
                .withPropertyValues("ara.project-name=desk")
                .withBean("broken", AraManifestAutoConfigurationTests.Broken.class)
                .run(context -> {
                    FailureAnalysis analysis = this.support.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("bean 'broken' method 'tooOften'")
                            .contains("duplicate agent id 'dup'");
                    assertThat(analysis.getAction()).contains("@AraAgent/@AraTool/@AraSchedule/@AraEndpoint");
                });
    }

    @Test
    void aFailedDeployNamesTheAppAndTheControlPlane() {
        AraDeployException deploy = new AraDeployException("desk", "http://127.0.0.1:1",
                new AraConnectionException("GET", "/apps", "Connection refused", null));
        FailureAnalysis analysis = this.support.analyze(new BeanCreationException("araStartupDeployer", "failed",
                deploy));
        assertThat(analysis.getDescription()).isEqualTo("Deploying Ara app 'desk' to http://127.0.0.1:1 failed: "
                + deploy.getCause().getMessage());
        assertThat(analysis.getAction()).contains("ara.deploy.failure=continue").contains("ara.api-key");
    }

    @Test
    void aMissingEndpointSecretNamesTheVariableNeverAValue() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                        AraClientAutoConfiguration.class, WebClientAutoConfiguration.class,
                        AraEndpointsAutoConfiguration.class))
                .withPropertyValues("ara.project-name=ticket-triage", "ara.mode=manifest-only", "ara.api-key=",
                        "ARA_API_KEY=", "ARA_ACCESS_TOKEN=", "OTHER_SECRET=not-this-one")
                .withBean(TicketTriage.class)
                .run(context -> {
                    FailureAnalysis analysis = this.support.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("ARA_ENDPOINT_");
                    assertThat(analysis.getAction()).startsWith("Set ARA_ENDPOINT_")
                            .contains("ara.endpoints.missing-secret=reject");
                    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("not-this-one");
                });
    }

    @Test
    void noCredentialsInAPackagedAppIsExplained() {
        AraConnectionUnavailableException failure = new AraConnectionUnavailableException("No Ara credentials.",
                List.of("property ara.api-key", "credentials file /x: not found"), "Set ara.api-key.");
        FailureAnalysis analysis = this.support.analyze(new BeanCreationException("araConnection", "failed", failure));
        assertThat(analysis.getDescription()).isEqualTo("""
                No Ara credentials.

                Credential sources tried:
                    - property ara.api-key
                    - credentials file /x: not found""");
        assertThat(analysis.getAction()).isEqualTo("Set ara.api-key.");
    }
}
