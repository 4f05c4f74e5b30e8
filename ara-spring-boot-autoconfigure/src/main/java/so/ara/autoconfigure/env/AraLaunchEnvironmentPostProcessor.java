package so.ara.autoconfigure.env;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Records how the application was launched as the property source {@code ara-launch}: {@code ara.launch.packaged} is
 * true when the main class comes from an archive ({@code java -jar app.jar}, Spring Boot's launcher), and
 * {@code ara.launch.archive} names it. {@code ara.mode=auto} uses the embedded ara-local only when not packaged.
 * The source is the last of all, so {@code ara.launch.packaged} can be overridden like any property.
 */
public class AraLaunchEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "ara-launch";

    @Override
    public int getOrder() {
        return AraDotenvEnvironmentPostProcessor.ORDER + 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        PackagedLaunch launch = PackagedLaunch.of(application.getMainApplicationClass());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ara.launch.packaged", Boolean.toString(launch.packaged()));
        if (launch.archive() != null) {
            values.put("ara.launch.archive", launch.archive());
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
    }
}
