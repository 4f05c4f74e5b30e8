package so.ara.cli;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import so.ara.autoconfigure.AraAppDefinition;

/**
 * Decides whether the lean context ({@link LeanContextFilter}) can serve {@code ara deploy} or {@code ara manifest},
 * and when it cannot, runs the application again in the full context. It cannot when a condition of the application
 * or of a third-party auto-configuration asked whether a bean exists (Spring Boot's beans, absent here, could answer
 * otherwise, so a declaration could appear or vanish), or when building the app's definition needs a bean the lean
 * context lacks (a customizer or a named runtime profile that depends on one). {@code ara.cli.context=full} always
 * starts the full context.
 */
final class LeanContextFallback {

    /** {@code lean} (default) or {@code full}. */
    static final String PROPERTY = "ara.cli.context";

    static final String FULL = "full";

    private static final String LEAN = "lean";

    private static final String ON_BEAN_CONDITION = "org.springframework.boot.autoconfigure.condition.OnBeanCondition";

    private static final Log logger = LogFactory.getLog(LeanContextFallback.class);

    /** Marks a run as the full-context rerun of a command the lean context could not serve. */
    record FullContextRequested() {
    }

    private LeanContextFallback() {
    }

    static boolean isLean(Environment environment) {
        return "true".equals(environment.getProperty(AraCliMode.ACTIVE_PROPERTY))
                && !FULL.equalsIgnoreCase(environment.getProperty(PROPERTY, LEAN).strip());
    }

    /** The message for an {@code ara.cli.context} other than {@code lean} or {@code full}, else null. */
    static @Nullable String invalidSetting(Environment environment) {
        String value = environment.getProperty(PROPERTY, LEAN).strip();
        if (value.isEmpty() || LEAN.equalsIgnoreCase(value) || FULL.equalsIgnoreCase(value)) {
            return null;
        }
        return PROPERTY + " must be 'lean' or 'full', not '" + value + "'";
    }

    static boolean fullContextRequested(ConfigurableBootstrapContext bootstrapContext) {
        return bootstrapContext.isRegistered(FullContextRequested.class);
    }

    /** Whether this context must hand the command to a full-context run; always false for a full context. */
    static boolean needsFullContext(ConfigurableApplicationContext context) {
        if (!isLean(context.getEnvironment())) {
            return false;
        }
        String reason = beanConditionOutsideBoot(context);
        if (reason == null) {
            reason = missingBean(context.getBeanProvider(AraAppDefinition.class));
        }
        if (reason != null) {
            logger.debug("The lean CLI context cannot serve this command, starting the full context: " + reason);
        }
        return reason != null;
    }

    static void rerunInFullContext(SpringApplication application, String[] args) {
        application.addBootstrapRegistryInitializer(registry -> registry.register(FullContextRequested.class,
                InstanceSupplier.of(new FullContextRequested())));
        application.run(args);
    }

    private static @Nullable String beanConditionOutsideBoot(ConfigurableApplicationContext context) {
        ConditionEvaluationReport report = ConditionEvaluationReport.find(context.getBeanFactory());
        if (report == null) {
            return null;
        }
        for (Map.Entry<String, ConditionAndOutcomes> source : report.getConditionAndOutcomesBySource().entrySet()) {
            String className = source.getKey().split("#", 2)[0];
            if (LeanContextFilter.isBootOrAra(className)) {
                continue;
            }
            for (ConditionAndOutcome outcome : source.getValue()) {
                if (ON_BEAN_CONDITION.equals(outcome.getCondition().getClass().getName())) {
                    return source.getKey() + " is conditional on beans";
                }
            }
        }
        return null;
    }

    private static @Nullable String missingBean(ObjectProvider<AraAppDefinition> definition) {
        try {
            definition.getIfAvailable();
            return null;
        }
        catch (BeansException ex) {
            // an invalid declaration is reported by the command itself, as in the full context
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof NoSuchBeanDefinitionException missing) {
                    return missing.getMessage();
                }
            }
            return null;
        }
    }
}
