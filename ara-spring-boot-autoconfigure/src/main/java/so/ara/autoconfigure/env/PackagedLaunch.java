package so.ara.autoconfigure.env;

import java.net.URL;
import java.security.CodeSource;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Whether the application runs as a packaged archive, the way a production deployment does. The rule: packaged when
 * the main class is loaded by Spring Boot's launcher ({@code java -jar} of a Boot jar or war) or from a {@code .jar}/
 * {@code .war} file. Running from class directories (an IDE, {@code mvn spring-boot:run}, tests) is development.
 *
 * @param packaged whether the main class comes from an archive
 * @param archive  the archive (a URL), or null
 */
public record PackagedLaunch(boolean packaged, @Nullable String archive) {

    static final PackagedLaunch DEVELOPMENT = new PackagedLaunch(false, null);

    /** The launch of {@code mainClass}; an unknown main class (no {@code SpringApplication}) is development. */
    public static PackagedLaunch of(@Nullable Class<?> mainClass) {
        if (mainClass == null) {
            return DEVELOPMENT;
        }
        String location = location(mainClass);
        if (bootLoader(mainClass.getClassLoader())) {
            return new PackagedLaunch(true, location);
        }
        if (location != null && isArchive(location)) {
            return new PackagedLaunch(true, location);
        }
        return DEVELOPMENT;
    }

    /** What {@link AraLaunchEnvironmentPostProcessor} recorded ({@code ara.launch.*}); development when absent. */
    public static PackagedLaunch from(Environment environment) {
        boolean packaged = environment.getProperty("ara.launch.packaged", Boolean.class, false);
        return packaged ? new PackagedLaunch(true, environment.getProperty("ara.launch.archive")) : DEVELOPMENT;
    }

    private static boolean bootLoader(@Nullable ClassLoader loader) {
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current.getClass().getName().startsWith("org.springframework.boot.loader.")) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source != null ? source.getLocation() : null;
        return url != null ? url.toString() : null;
    }

    static boolean isArchive(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.contains(".jar!") || lower.contains(".war!")
                || lower.contains(".jar/!") || lower.contains(".war/!");
    }
}
