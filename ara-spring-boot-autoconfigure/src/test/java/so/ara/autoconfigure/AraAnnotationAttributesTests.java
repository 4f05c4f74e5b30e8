package so.ara.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.bind.annotation.RequestMethod;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;
import so.ara.manifest.ManifestValidationException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Annotation attributes behave as Spring users expect: placeholders, scoped proxies, durations, RequestMethod. */
class AraAnnotationAttributesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
                    AraManifestAutoConfiguration.class))
            .withPropertyValues("ara.project-name=desk");

    @Test
    void placeholdersResolveInConfigurableAttributes() {
        runner.withPropertyValues("desk.cron=15 8 * * 1-5", "desk.zone=Europe/Berlin", "desk.agent=triage-agent",
                "desk.tool=lookup", "desk.path=/hooks/desk", "desk.label=desk-hook", "desk.secret-env=DESK_HOOK_KEY",
                "desk.every=2h", "desk.at=07:45", "desk.env=DESK_TOKEN").withBean(Configured.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    JsonNode manifest = json(context.getBean(AppManifest.class));
                    JsonNode agent = manifest.at("/agent/agents/0");
                    assertThat(agent.get("id").asString()).isEqualTo("triage-agent");
                    assertThat(agent.at("/schedules/0/cron").asString()).isEqualTo("15 8 * * 1-5");
                    assertThat(agent.at("/schedules/0/timezone").asString()).isEqualTo("Europe/Berlin");
                    assertThat(agent.at("/schedules/1/cron").asString()).isEqualTo("45 7 * * *");
                    assertThat(agent.get("skills").toString()).isEqualTo("[\"lookup\"]");
                    assertThat(agent.at("/fastapi_endpoint/path").asString()).isEqualTo("/hooks/desk");
                    assertThat(agent.at("/fastapi_endpoint/label").asString()).isEqualTo("desk-hook");
                    assertThat(agent.at("/fastapi_endpoint/auth/secret_env").asString()).isEqualTo("DESK_HOOK_KEY");
                    assertThat(agent.at("/fastapi_endpoint/method").asString()).isEqualTo("PUT");
                    JsonNode tool = manifest.at("/agent/tools/0");
                    assertThat(tool.at("/function/name").asString()).isEqualTo("lookup");
                    assertThat(tool.get("required_env").toString()).isEqualTo("[\"DESK_TOKEN\"]");
                    assertThat(manifest.toString()).contains("\"every_seconds\":7200");
                    assertThat(manifest.toString()).doesNotContain("${");
                });
    }

    @Test
    void anUnresolvablePlaceholderNamesTheAttributeAndTheMethod() {
        runner.withBean(Configured.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ManifestValidationException.class)
                    .hasMessageContaining("bean '")
                    .hasMessageContaining("method 'triage'")
                    .hasMessageContaining("@AraAgent(id = \"${desk.agent}\"): Could not resolve placeholder 'desk.agent'");
        });
    }

    @Test
    void everyAcceptsSecondsAndDurations() {
        runner.withBean(Intervals.class).run(context -> {
            String manifest = json(context.getBean(AppManifest.class)).toString();
            assertThat(manifest).contains("\"every_seconds\":3600", "\"every_seconds\":5400",
                    "\"every_seconds\":86400", "\"every_seconds\":120");
        });
    }

    @Test
    void anIntervalThatIsNotADurationIsReported() {
        runner.withBean(BadInterval.class).run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("@AraSchedule(every = \"soon\") is not an interval"));
    }

    @Test
    void scopedProxyTargetsAreNotScannedTwice() {
        runner.withUserConfiguration(ScopedToolConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            AppManifest manifest = context.getBean(AppManifest.class);
            assertThat(manifest.tools()).hasSize(1);
            assertThat(context.getBean(AraAppDefinition.class).methods().tools().get("scopedLookup"))
                    .as("the tool is invoked through the proxy bean").isNotNull();
            assertThat(context.getBean(AraAppDefinition.class).methods().tools().get("scopedLookup").beanName())
                    .isEqualTo("scopedTools");
        });
    }

    private static JsonNode json(AppManifest manifest) {
        return AraJson.mapper().valueToTree(manifest);
    }

    static class Configured {

        @AraAgent(id = "${desk.agent}", skills = "${desk.tool}")
        @AraSchedule(cron = "${desk.cron}", timezone = "${desk.zone}")
        @AraSchedule(id = "morning", at = "${desk.at}")
        @AraEndpoint(method = RequestMethod.PUT, path = "${desk.path}", label = "${desk.label}",
                auth = AraEndpoint.Auth.HMAC, secretEnv = "${desk.secret-env}")
        String triage(Map<String, Object> input) {
            return "triage";
        }

        @AraTool(id = "${desk.tool}", requiredEnv = "${desk.env}")
        @AraSchedule(every = "${desk.every}")
        String lookup(String ticket) {
            return ticket;
        }
    }

    static class Intervals {

        @AraTool
        @AraSchedule(id = "plain", every = "3600")
        @AraSchedule(id = "simple", every = "90m")
        @AraSchedule(id = "iso", every = "P1D")
        @AraSchedule(id = "seconds", every = "120s")
        String tick() {
            return "tick";
        }
    }

    static class BadInterval {

        @AraTool
        @AraSchedule(every = "soon")
        String tick() {
            return "tick";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ScopedToolConfiguration {

        @Bean
        @Scope(value = "prototype", proxyMode = ScopedProxyMode.TARGET_CLASS)
        ScopedTools scopedTools() {
            return new ScopedTools();
        }
    }

    static class ScopedTools {

        @AraTool
        String scopedLookup(String ticket) {
            return ticket;
        }
    }
}
