package so.ara.cli;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The lean context of {@code ara deploy} and {@code ara manifest}: the manifest is read from the application's bean
 * definitions by Ara's manifest configuration, so Spring Boot's own auto-configurations (web server, actuator, data
 * sources, codecs, observation, ...) and Ara's runtime ones are dropped before their conditions are evaluated. The
 * application's configuration and third-party auto-configurations stay. {@link LeanContextFallback} reruns the
 * command in the full context when the lean one cannot be trusted to hold the same declarations.
 */
public class LeanContextFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** The auto-configurations a manifest needs: its builder, and placeholder and properties binding support. */
    static final Set<String> MANIFEST_AUTO_CONFIGURATIONS = Set.of(
            "so.ara.autoconfigure.AraManifestAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration");

    private boolean lean;

    @Override
    public void setEnvironment(Environment environment) {
        this.lean = LeanContextFallback.isLean(environment);
    }

    @Override
    public boolean[] match(@Nullable String[] autoConfigurationClasses,
            AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = !this.lean || keeps(autoConfigurationClasses[i]);
        }
        return matches;
    }

    static boolean keeps(@Nullable String autoConfiguration) {
        return autoConfiguration == null || MANIFEST_AUTO_CONFIGURATIONS.contains(autoConfiguration)
                || !isBootOrAra(autoConfiguration);
    }

    /** Spring Boot's classes and Ara's auto-configurations ({@code so.ara.autoconfigure}, {@code so.ara.actuate}). */
    static boolean isBootOrAra(String className) {
        return className.startsWith("org.springframework.boot.") || className.startsWith("so.ara.autoconfigure.")
                || className.startsWith("so.ara.actuate.");
    }
}
