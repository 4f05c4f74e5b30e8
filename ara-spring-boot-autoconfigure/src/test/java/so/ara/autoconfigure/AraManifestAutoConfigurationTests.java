package so.ara.autoconfigure;

import java.io.InputStream;
import java.util.Map;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;
import so.ara.manifest.ManifestValidationException;
import so.ara.test.TicketTriage;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class AraManifestAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class));

    @Test
    void annotatedBeansBecomeTheReferenceManifest() throws Exception {
        runner.withPropertyValues("ara.project-name=ticket-triage").withBean(TicketTriage.class).run(context -> {
            AppManifest manifest = context.getBean(AppManifest.class);
            assertThat(json(manifest)).isEqualTo(golden("worked-example.json"));
        });
    }

    @Test
    void projectNameDefaultsToTheApplicationName() {
        runner.withPropertyValues("spring.application.name=support-desk").withBean(TicketTriage.class)
                .run(context -> assertThat(context.getBean(AppManifest.class).slug()).isEqualTo("support-desk"));
    }

    @Test
    void runtimeProfileInterfacesAndNamedSpecsComeFromProperties() {
        runner.withPropertyValues("ara.project-name=research-assistant", "ara.runtime.image=python:3.12-slim",
                "ara.runtime.env.APP_MODE=production", "ara.runtime.secrets[0].name=provider-keys",
                "ara.runtime.secrets[1].values.CRM_TOKEN=t0ps3cret", "ara.interfaces.inherit-owner-tools=true",
                "ara.runtimes.big.memory-mb=2048", "ara.sandboxes.planner.policy=dedicated",
                "ara.sandboxes.planner.key=planner", "ara.sandboxes.planner.max-concurrency=2")
                .withBean(Planner.class).run(context -> {
                    JsonNode manifest = json(context.getBean(AppManifest.class));
                    assertThat(manifest.get("interfaces").toString()).isEqualTo("{\"inherit_owner_tools\":true}");
                    assertThat(manifest.get("runtime_profile").toString()).isEqualTo("{\"image\":\"python:3.12-slim\","
                            + "\"env\":{\"APP_MODE\":\"production\"},\"secret_refs\":[{\"name\":\"provider-keys\"},"
                            + "{\"name\":\"sdk-dict-e0c5c2bb88ee\"}]}");
                    JsonNode planner = manifest.at("/agent/agents/0");
                    assertThat(planner.get("runtime").toString()).isEqualTo("{\"memory_mb\":2048}");
                    assertThat(planner.get("sandbox").toString())
                            .isEqualTo("{\"policy\":\"dedicated\",\"key\":\"planner\",\"max_concurrency\":2}");
                    assertThat(manifest.toString()).doesNotContain("t0ps3cret");
                    assertThat(context.getBean(AppManifest.class).secrets().get(1).values())
                            .containsEntry("CRM_TOKEN", "t0ps3cret");
                });
    }

    @Test
    void namedRuntimeAndSandboxBeansWinOverProperties() {
        runner.withPropertyValues("ara.project-name=research-assistant", "ara.runtimes.big.memory-mb=1")
                .withBean("big", RuntimeProfile.class, () -> RuntimeProfile.builder().memoryMb(4096).build())
                .withBean("planner", Sandbox.class, () -> Sandbox.builder().policy("ephemeral").build())
                .withBean(Planner.class).run(context -> {
                    JsonNode planner = json(context.getBean(AppManifest.class)).at("/agent/agents/0");
                    assertThat(planner.get("runtime").toString()).isEqualTo("{\"memory_mb\":4096}");
                    assertThat(planner.at("/sandbox/policy").asString()).isEqualTo("ephemeral");
                });
    }

    @Test
    void customizerBeansAdjustTheManifest() {
        runner.withPropertyValues("ara.project-name=ticket-triage").withBean(TicketTriage.class)
                .withBean(AraManifestCustomizer.class, () -> builder -> builder
                        .runtimeProfile(RuntimeProfile.builder().image("eclipse-temurin:17").build()))
                .run(context -> assertThat(context.getBean(AppManifest.class).runtimeProfile().image())
                        .isEqualTo("eclipse-temurin:17"));
    }

    @Test
    void everyInvalidDeclarationIsReportedAtOnce() {
        runner.withPropertyValues("ara.project-name=Bad_Name", "ara.runtime.env.ARA_TOKEN=x").withBean("broken", Broken.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = rootCause(context.getStartupFailure());
                    assertThat(failure).isInstanceOf(ManifestValidationException.class);
                    assertThat(((ManifestValidationException) failure).problems()).containsExactlyInAnyOrder(
                            "ara.runtime: Reserved environment key is not allowed: ARA_TOKEN",
                            "bean 'broken' method 'wrongInput': an @AraAgent method's input must be a"
                                    + " Map<String, Object> or a record, found String",
                            "bean 'broken' method 'wrongReturn': an @AraAgent method returns the prompt text (String or"
                                    + " Mono<String>), found java.lang.Integer",
                            "bean 'broken' method 'tooOften': every schedule minimum interval is 60 seconds",
                            "bean 'broken' method 'badCron': cron '0 9 * *' must have 5 fields (minute hour"
                                    + " day-of-month month day-of-week), found 4",
                            "bean 'broken' method 'orphanSchedule': @AraSchedule needs @AraAgent on the same method"
                                    + " (or @AraTool)",
                            "ara.project-name 'Bad_Name': project_name must match [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                                    + " (lowercase letters, digits, hyphens only; no underscores)",
                            "bean 'broken' method 'second': duplicate agent id 'dup', also declared by bean 'broken'"
                                    + " method 'first'");
                });
    }

    @Test
    void annotationsOnProxiedBeansAreFound() {
        runner.withPropertyValues("ara.project-name=ticket-triage").withUserConfiguration(ProxyConfig.class)
                .run(context -> {
                    assertThat(context.getBean(TicketTriage.class).getClass().getName()).contains("$$SpringCGLIB");
                    AppManifest manifest = context.getBean(AppManifest.class);
                    assertThat(manifest.agents()).singleElement().extracting(a -> a.id()).isEqualTo("triage_agent");
                    assertThat(manifest.tools()).singleElement().extracting(t -> t.functionName())
                            .isEqualTo("lookup_ticket");
                });
    }

    @Test
    void generatedSourcesCallBackToTheConfiguredUrlUnderTheBasePath() {
        runner.withPropertyValues("ara.project-name=ticket-triage", "ara.callback.base-url=https://desk.example.com/",
                "spring.webflux.base-path=/api").withBean(TicketTriage.class).run(context -> {
                    AppManifest manifest = context.getBean(AppManifest.class);
                    assertThat(manifest.tools().get(0).source()).contains(
                            "ARA_CALLBACK_URL = \"https://desk.example.com/api/ara/callbacks/tools/lookup_ticket\"");
                    assertThat(manifest.agents().get(0).promptFactory().source()).contains(
                            "ARA_CALLBACK_URL = \"https://desk.example.com/api/ara/callbacks/agents/triage_agent/prompt\"");
                });
    }

    @Test
    void withoutCallbackUrlJavaToolsSayWhyTheyCannotRun() {
        runner.withPropertyValues("ara.project-name=ticket-triage").withBean(TicketTriage.class).run(context -> {
            String source = context.getBean(AppManifest.class).tools().get(0).source();
            assertThat(source).startsWith("def lookup_ticket(ticket_id: str, include_history: bool = False):")
                    .contains("raise RuntimeError(\"Tool 'lookup_ticket' is implemented in Java by the Spring app"
                            + " 'ticket-triage', which is not reachable from Ara: set ara.callback.base-url");
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ManifestValidationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    static JsonNode json(AppManifest manifest) {
        ObjectNode json = AraJson.mapper().valueToTree(manifest);
        json.findParents("source").forEach(parent -> ((ObjectNode) parent).put("source", "<generated>"));
        return json;
    }

    static JsonNode golden(String name) throws Exception {
        try (InputStream in = AraManifestAutoConfigurationTests.class.getResourceAsStream("/golden/" + name)) {
            return AraJson.mapper().readTree(in);
        }
    }

    static class Planner {

        @AraAgent(id = "planner", instructions = "Plan research.", runtime = "big", sandbox = "planner")
        String planner(Map<String, Object> input) {
            return "plan";
        }
    }

    static class Broken {

        @AraAgent
        String wrongInput(String input) {
            return input;
        }

        @AraAgent
        Integer wrongReturn(Map<String, Object> input) {
            return 1;
        }

        @AraTool
        @AraSchedule(every = "30")
        void tooOften() {
        }

        @AraTool
        @AraSchedule(cron = "0 9 * *")
        void badCron() {
        }

        @AraSchedule(cron = "0 9 * * *")
        void orphanSchedule() {
        }

        @AraAgent(id = "dup")
        String first(Map<String, Object> input) {
            return "1";
        }

        @AraAgent(id = "dup")
        String second(Map<String, Object> input) {
            return "2";
        }
    }

    @Aspect
    static class TimingAspect {

        @Around("execution(* so.ara.test.TicketTriage.*(..))")
        Object around(ProceedingJoinPoint joinPoint) throws Throwable {
            return joinPoint.proceed();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    static class ProxyConfig {

        @Bean
        TicketTriage ticketTriage() {
            return new TicketTriage();
        }

        @Bean
        TimingAspect timingAspect() {
            return new TimingAspect();
        }
    }
}
