package so.ara.autoconfigure.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import so.ara.credentials.AraEnvironment;

/**
 * Adds {@code .env} then {@code .env.local} of the working directory as property sources named
 * {@code ara-dotenv [<file>]}, after every other source: the process environment, system properties and
 * {@code application.yml} win, and {@code .env} wins over {@code .env.local} (the Python SDK's order). Keys stay as
 * written ({@code ARA_API_KEY}, {@code ARA_ENDPOINT_BILLING_SECRET}), so {@code ${ARA_API_KEY}} and secret lookups by
 * name see them. {@code ara.dotenv.enabled=false} turns this off; {@code ara.dotenv.directory} and
 * {@code ara.dotenv.files} move it.
 */
public class AraDotenvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name prefix of the property sources this adds. */
    public static final String SOURCE_PREFIX = "ara-dotenv";

    /** Runs after Spring's config data so {@code application.yml} can configure it. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 20;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("ara.dotenv.enabled", Boolean.class, true)) {
            return;
        }
        Binder binder = Binder.get(environment);
        Path directory = binder.bind("ara.dotenv.directory", Bindable.of(String.class)).map(Path::of)
                .orElseGet(() -> Path.of(""))
                .toAbsolutePath();
        List<String> files = binder.bind("ara.dotenv.files", Bindable.listOf(String.class))
                .orElse(List.of(".env", ".env.local"));
        for (String name : files) {
            Path file = directory.resolve(name).normalize();
            String sourceName = SOURCE_PREFIX + " [" + file + "]";
            if (Files.isRegularFile(file) && !environment.getPropertySources().contains(sourceName)) {
                Map<String, Object> values = new LinkedHashMap<>(AraEnvironment.parse(read(file)));
                environment.getPropertySources().addLast(new MapPropertySource(sourceName, values));
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + file, ex);
        }
    }
}
