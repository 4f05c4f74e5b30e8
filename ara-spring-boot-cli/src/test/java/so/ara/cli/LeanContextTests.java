package so.ara.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import so.ara.autoconfigure.AraManifestCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ara manifest} (and so {@code ara deploy}) on apps with full auto-configuration: the lean context drops Spring
 * Boot's auto-configurations, and the command moves to the full context when the lean one could hold other
 * declarations or lacks a bean the manifest needs. The output is the same either way.
 */
class LeanContextTests {

    /** How often the customizer that needs Boot's {@link JsonMapper} ran. */
    static final AtomicInteger mapperCustomizerRuns = new AtomicInteger();

    /** How often the application's own runner ran. */
    static final AtomicInteger applicationRunnerRuns = new AtomicInteger();

    @BeforeEach
    void reset() {
        mapperCustomizerRuns.set(0);
        applicationRunnerRuns.set(0);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PlainApp {

        @Bean
        AraCliIntegrationTests.Desk desk() {
            return new AraCliIntegrationTests.Desk();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CustomizerNeedingBootBeanApp {

        @Bean
        AraCliIntegrationTests.Desk desk() {
            return new AraCliIntegrationTests.Desk();
        }

        @Bean
        AraManifestCustomizer interfacesFromMapper(JsonMapper mapper) {
            return builder -> {
                mapperCustomizerRuns.incrementAndGet();
                builder.interfaces(Map.of("inherit_owner_tools", mapper != null));
            };
        }

        @Bean
        ApplicationRunner countingRunner() {
            return args -> applicationRunnerRuns.incrementAndGet();
        }
    }

    /** A library's auto-configuration that declares its tools only next to Boot's JSON mapper. */
    @AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
    static class DeskLibraryAutoConfiguration {

        @Bean
        @ConditionalOnBean(JsonMapper.class)
        AraCliIntegrationTests.Desk desk() {
            return new AraCliIntegrationTests.Desk();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ImportAutoConfiguration(DeskLibraryAutoConfiguration.class)
    static class LibraryDeskApp {
    }

    @Test
    void manifestComesFromALeanContextWithoutBootAutoConfigurations() {
        CliHarness.Result result = manifest(PlainApp.class, Map.of());

        assertThat(result.code()).isZero();
        assertThat(toolNames(result.json())).containsExactly("lookup_ticket");
        assertThat(bootAutoConfigurations(result.context()))
                .containsExactlyInAnyOrderElementsOf(LeanContextFilter.MANIFEST_AUTO_CONFIGURATIONS.stream()
                        .filter(name -> name.startsWith("org.springframework.boot.")).toList());
        assertThat(result.context().getBeanFactory().getBeanNamesForType(JsonMapper.class)).isEmpty();
    }

    @Test
    void fullContextPropertyKeepsEveryAutoConfiguration() {
        CliHarness.Result lean = manifest(PlainApp.class, Map.of());
        CliHarness.Result full = manifest(PlainApp.class, Map.of("ara.cli.context", "full"));

        assertThat(full.code()).isZero();
        assertThat(full.out()).isEqualTo(lean.out());
        assertThat(full.context().getBeanFactory().getBeanNamesForType(JsonMapper.class)).isNotEmpty();
        assertThat(bootAutoConfigurations(full.context())).hasSizeGreaterThan(10);
    }

    @Test
    void customizerNeedingABootBeanMovesTheCommandToTheFullContext() {
        CliHarness.Result result = manifest(CustomizerNeedingBootBeanApp.class, Map.of());

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode manifest = result.json();
        assertThat(manifest.path("interfaces").path("inherit_owner_tools").asBoolean()).isTrue();
        assertThat(toolNames(manifest)).containsExactly("lookup_ticket");
        assertThat(mapperCustomizerRuns).hasValue(1);
        // the lean context ends before its runners: the application's runner runs once, in the full context
        assertThat(applicationRunnerRuns).hasValue(1);
    }

    @Test
    void libraryDeclarationConditionalOnABeanMovesTheCommandToTheFullContext() {
        CliHarness.Result result = manifest(LibraryDeskApp.class, Map.of());

        assertThat(result.code()).isZero();
        assertThat(toolNames(result.json())).containsExactly("lookup_ticket");
    }

    @Test
    void unknownContextSettingIsAUsageErrorBeforeAnyContextStarts() {
        CliHarness.Result result = manifest(PlainApp.class, Map.of("ara.cli.context", "ful"));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("ara.cli.context must be 'lean' or 'full', not 'ful'" + System.lineSeparator());
        assertThat(result.context()).isNull();
    }

    @Test
    void filterKeepsTheManifestConfigurationAndThirdPartyAutoConfigurationsOnly() {
        assertThat(LeanContextFilter.keeps("so.ara.autoconfigure.AraManifestAutoConfiguration")).isTrue();
        assertThat(LeanContextFilter.keeps("com.example.tools.ToolsAutoConfiguration")).isTrue();
        assertThat(LeanContextFilter.keeps("so.ara.autoconfigure.AraClientAutoConfiguration")).isFalse();
        assertThat(LeanContextFilter.keeps(
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")).isFalse();
    }

    private static CliHarness.Result manifest(Class<?> app, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("ara.project-name", "lean-desk");
        return CliHarness.run(app, all, "manifest");
    }

    private static List<String> toolNames(JsonNode manifest) {
        return manifest.path("agent").path("tools").valueStream()
                .map(tool -> tool.path("function_name").asString()).toList();
    }

    private static List<String> bootAutoConfigurations(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanFactory().getBeanDefinitionNames())
                .filter(name -> name.startsWith("org.springframework.boot.") && name.endsWith("AutoConfiguration"))
                .toList();
    }
}
