package so.ara.autoconfigure.local;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import so.ara.autoconfigure.AraConnectionDetails;
import so.ara.autoconfigure.AraProperties.Mode;
import so.ara.autoconfigure.PropertiesAraConnectionDetails;
import so.ara.autoconfigure.env.PackagedLaunch;

/**
 * Matches when this app should run its own ara-local: {@code ara.mode=local}, or {@code ara.mode=auto} with no
 * connection-details bean, no credentials in the environment, and a development launch (not a packaged archive, see
 * {@link PackagedLaunch}).
 */
class LocalModeCondition extends SpringBootCondition implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Mode mode = mode(environment);
        if (mode == Mode.LOCAL) {
            return ConditionOutcome.match("ara.mode=local");
        }
        if (mode != Mode.AUTO) {
            return ConditionOutcome.noMatch("ara.mode=" + mode.name().toLowerCase());
        }
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (beanFactory != null && beanFactory.getBeanNamesForType(AraConnectionDetails.class, true, false).length > 0) {
            return ConditionOutcome.noMatch("an AraConnectionDetails bean is defined");
        }
        if (new PropertiesAraConnectionDetails(environment).hasCredentials()) {
            return ConditionOutcome.noMatch("Ara credentials resolve");
        }
        PackagedLaunch launch = PackagedLaunch.from(environment);
        if (launch.packaged()) {
            return ConditionOutcome.noMatch("the app runs packaged (" + launch.archive() + ")");
        }
        return ConditionOutcome.match("ara.mode=auto without credentials, in development");
    }

    static Mode mode(Environment environment) {
        return Binder.get(environment).bind("ara.mode", Mode.class).orElse(Mode.AUTO);
    }

    /** The log line's reason for starting ara-local. */
    static String reason(Environment environment) {
        return mode(environment) == Mode.LOCAL ? "ara.mode=local"
                : "ara.mode=auto: no Ara credentials and a development launch; set ara.api-key or ARA_API_KEY to"
                        + " deploy to Ara";
    }
}
