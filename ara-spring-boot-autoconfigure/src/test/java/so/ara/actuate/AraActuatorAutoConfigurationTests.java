package so.ara.actuate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import so.ara.autoconfigure.AraClientAutoConfiguration;
import so.ara.autoconfigure.AraDeployState;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.test.TicketTriage;

import static org.assertj.core.api.Assertions.assertThat;

class AraActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                    AraClientAutoConfiguration.class, WebClientAutoConfiguration.class,
                    AraActuatorAutoConfiguration.class))
            .withPropertyValues("ara.project-name=ticket-triage", "ara.api-key=ak_test",
                    "ara.runtime.secrets[0].values.HELPDESK_TOKEN=very-secret-value",
                    "ara.runtime.secrets[1].name=provider-keys", "ara.runtime.secrets[1].required-keys=OPENAI_API_KEY",
                    "management.endpoints.web.exposure.include=ara")
            .withBean(TicketTriage.class);

    @Test
    @SuppressWarnings("unchecked")
    void endpointShowsManifestSecretsByNameAndDeployState() {
        runner.run(context -> {
            Map<String, Object> body = context.getBean(AraManifestEndpoint.class).ara();
            assertThat(body).containsEntry("slug", "ticket-triage");
            assertThat((Map<String, Object>) body.get("manifest")).containsEntry("slug", "ticket-triage")
                    .containsKeys("agent", "workflows", "interfaces", "runtime_profile");
            assertThat((List<Map<String, Object>>) body.get("secrets")).containsExactly(
                    Map.of("name", "sdk-dict-fdd1f52b6e64", "kind", "uploaded on deploy", "keys",
                            List.of("HELPDESK_TOKEN")),
                    Map.of("name", "provider-keys", "kind", "reference to an existing Ara secret", "keys",
                            List.of("OPENAI_API_KEY")));
            assertThat((Map<String, Object>) body.get("deploy")).containsEntry("mode", "remote")
                    .containsEntry("status", "pending");
            assertThat(body.toString()).doesNotContain("very-secret-value").doesNotContain("ak_test");
        });
    }

    @Test
    void healthFollowsTheDeployState() {
        runner.run(context -> {
            AraHealthIndicator health = context.getBean("araHealthIndicator", AraHealthIndicator.class);
            AraDeployState state = context.getBean(AraDeployState.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
            state.deploying();
            state.deployed("app_123");
            Health up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("appId", "app_123").containsEntry("attempts", 1);
            state.failed("GET /apps failed (503).");
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("error", "GET /apps failed (503).");
        });
    }

    @Test
    void healthIndicatorCanBeDisabled() {
        runner.withPropertyValues("management.health.ara.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("araHealthIndicator"));
    }
}
