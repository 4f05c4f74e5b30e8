package so.ara.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringValueResolver;

/**
 * Resolves {@code ${...}} in annotation attributes as {@code @Scheduled} does, through the bean factory's embedded
 * value resolvers (the placeholder configurer's settings apply). A placeholder left unresolved by a lenient resolver
 * fails with the {@link Environment}'s message, naming it, rather than reaching the manifest as text.
 */
final class EmbeddedValues implements StringValueResolver {

    private final ConfigurableBeanFactory beanFactory;
    private final Environment environment;

    EmbeddedValues(ConfigurableBeanFactory beanFactory, Environment environment) {
        this.beanFactory = beanFactory;
        this.environment = environment;
    }

    @Override
    public String resolveStringValue(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        if (resolved != null && resolved.contains("${")) {
            return environment.resolveRequiredPlaceholders(resolved);
        }
        return resolved;
    }
}
