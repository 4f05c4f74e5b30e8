package so.ara.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * CLI mode: the first application argument is {@code ara} ({@code java -jar app.jar ara deploy}). In that mode most
 * commands run from the {@code Environment} alone ({@link AraCliLeanCommands}); {@code deploy} and {@code manifest}
 * start the application context without a web server, banner or deploy-on-startup, with lazy bean initialization and
 * only the auto-configurations the manifest needs ({@link LeanContextFilter}),
 * never start an embedded ara-local, log at WARN only and to stderr (stdout carries only the command's output).
 */
public final class AraCliMode {

    /** The first argument that selects CLI mode. */
    public static final String COMMAND = "ara";

    /** Property set to {@code true} in CLI mode. */
    public static final String ACTIVE_PROPERTY = "ara.cli.active";

    /** Name of the property source added in CLI mode (first, so it wins). */
    public static final String PROPERTY_SOURCE_NAME = "araCli";

    /** Logback configuration of CLI mode: Boot's console pattern, on stderr, WARN and above. */
    static final String LOGBACK_CONFIG = "classpath:so/ara/cli/logback-cli.xml";

    static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private AraCliMode() {
    }

    /** Whether these application arguments select CLI mode. */
    public static boolean isCli(String @Nullable [] args) {
        return args != null && args.length > 0 && COMMAND.equals(args[0]);
    }

    /**
     * Adds the CLI property source first: no web server, no banner, no deploy on startup, {@code ara.mode}
     * {@code manifest-only} (never {@code local}: the commands build their own clients from {@code ara.api-key},
     * {@code ARA_API_KEY}, the credentials file and {@code ara.api-base-url}/{@code ARA_API_BASE_URL}), quiet logging;
     * {@code ara.cli.context=full} when the lean context could not serve the command.
     */
    static void configure(ConfigurableEnvironment environment, boolean fullContext) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ACTIVE_PROPERTY, "true");
        values.put("spring.main.web-application-type", "none");
        values.put("spring.main.banner-mode", "off");
        values.put("spring.main.log-startup-info", "false");
        values.put("ara.deploy.on-startup", "false");
        // deploy and manifest need the manifest, not the application: beans are created only when asked for
        values.put("spring.main.lazy-initialization", "true");
        values.put("spring.reactor.netty.shutdown-quiet-period", "0s");
        if (fullContext) {
            values.put(LeanContextFallback.PROPERTY, LeanContextFallback.FULL);
        }
        // the application itself neither deploys nor starts ara-local; the command talks to the control plane
        values.put("ara.mode", "manifest-only");
        values.put("logging.level.root", "WARN");
        values.put("logging.level.so.ara", "WARN");
        // stdout belongs to the command: with Logback the console appender writes to stderr, otherwise it is off
        if (ClassUtils.isPresent(LOGBACK, AraCliMode.class.getClassLoader())) {
            values.put("logging.config", LOGBACK_CONFIG);
        }
        else {
            values.put("logging.console.enabled", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, values));
        // the command's own flags (e.g. --debug, --email=...) must not become Spring properties
        environment.getPropertySources().remove("commandLineArgs");
    }
}
