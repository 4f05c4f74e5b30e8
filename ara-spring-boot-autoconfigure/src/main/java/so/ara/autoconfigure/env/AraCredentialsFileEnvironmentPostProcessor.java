package so.ara.autoconfigure.env;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import so.ara.credentials.CredentialsFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the CLI credentials file ({@code ~/.ara/credentials.json}, written by {@code ara auth login}) as the property
 * source {@code ara-credentials [<file>]}, the last of all: its fields appear as {@code ara.login.*}
 * ({@code ara.login.auth-type}, {@code ara.login.api-key}, {@code ara.login.api-base-url},
 * {@code ara.login.access-token}, ...) plus {@code ara.login.file}. {@code ara.credentials.enabled=false} turns this
 * off; {@code ara.credentials.file} moves it.
 */
public class AraCredentialsFileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name prefix of the property source this adds. */
    public static final String SOURCE_PREFIX = "ara-credentials";

    /** Prefix of the properties it holds. */
    public static final String PREFIX = "ara.login.";

    @Override
    public int getOrder() {
        return AraDotenvEnvironmentPostProcessor.ORDER + 1;
    }

    /** The file this reads: {@code ara.credentials.file}, else {@code <user.home>/.ara/credentials.json}. */
    public static Path location(org.springframework.core.env.Environment environment) {
        String configured = environment.getProperty("ara.credentials.file");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        String home = Objects.requireNonNullElse(System.getProperty("user.home"), ".");
        return Path.of(home).resolve(".ara").resolve("credentials.json").toAbsolutePath();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("ara.credentials.enabled", Boolean.class, true)) {
            return;
        }
        Path file = location(environment);
        String sourceName = SOURCE_PREFIX + " [" + file + "]";
        if (environment.getPropertySources().contains(sourceName)) {
            return;
        }
        CredentialsFile.at(file, Clock.systemUTC()).read().ifPresent(stored -> environment.getPropertySources()
                .addLast(new MapPropertySource(sourceName, properties(stored, file))));
    }

    static Map<String, Object> properties(ObjectNode stored, Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PREFIX + "file", file.toString());
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            JsonNode value = field.getValue();
            if (value != null && value.isValueNode() && !value.isNull()) {
                values.put(PREFIX + field.getKey().replace('_', '-'), value.asString());
            }
        }
        return values;
    }
}
