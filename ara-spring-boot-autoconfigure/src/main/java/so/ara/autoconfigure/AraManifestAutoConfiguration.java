package so.ara.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import so.ara.manifest.AppManifest;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.AraDeclarations;
import so.ara.manifest.DeclaredMethods;
import so.ara.manifest.ManifestValidationException;

/**
 * Builds the Ara App manifest from the application's annotated beans and {@code ara.*} properties. Invalid
 * declarations stop startup with one message listing every problem.
 */
@AutoConfiguration
@EnableConfigurationProperties({ AraProperties.class, AraDeclarationsProperties.class })
public final class AraManifestAutoConfiguration {

    private static final Log logger = LogFactory.getLog(AraManifestAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    AraAppDefinition araAppDefinition(ConfigurableListableBeanFactory beanFactory, AraProperties properties,
            AraDeclarationsProperties checks, Environment environment,
            ObjectProvider<AraManifestCustomizer> customizers) {
        List<String> problems = new ArrayList<>();
        AppManifestBuilder builder = new AppManifestBuilder(projectName(properties, environment));
        if (checks.checkReferences()) {
            builder.checkReferences(checks.builtinSkills());
        }
        RuntimeProfiles profiles = new RuntimeProfiles(environment);
        collect(problems, "ara.runtime", () -> builder.runtimeProfile(profiles.runtime(properties.runtime())));
        if (properties.interfaces().inheritOwnerTools() != null) {
            builder.interfaces(java.util.Map.of("inherit_owner_tools", properties.interfaces().inheritOwnerTools()));
        }
        AraDeclarations declarations = new AraDeclarations(new SpringNamedSpecs(beanFactory, properties, profiles),
                new EmbeddedValues(beanFactory, environment));
        DeclaredMethods methods = new DeclaredMethods();
        new AraBeanScanner(beanFactory, declarations).scan(builder, problems, methods);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            AraAppDefinition definition = new AraAppDefinition(builder, methods,
                    CallbackUrls.baseUrl(properties.callback().baseUrl(), environment));
            if (!problems.isEmpty()) {
                throw new ManifestValidationException(problems);
            }
            logger.info(ManifestReport.describe(definition));
            return definition;
        }
        catch (ManifestValidationException ex) {
            List<String> all = new ArrayList<>(problems);
            ex.problems().stream().filter(problem -> !all.contains(problem)).forEach(all::add);
            throw new ManifestValidationException(all);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    AppManifest araManifest(AraAppDefinition definition) {
        return definition.manifest();
    }

    private static String projectName(AraProperties properties, Environment environment) {
        if (properties.projectName() != null && !properties.projectName().isBlank()) {
            return properties.projectName();
        }
        return environment.getProperty("spring.application.name", "");
    }

    private static void collect(List<String> problems, String where, Runnable step) {
        try {
            step.run();
        }
        catch (IllegalArgumentException ex) {
            problems.add(where + ": " + ex.getMessage());
        }
    }
}
