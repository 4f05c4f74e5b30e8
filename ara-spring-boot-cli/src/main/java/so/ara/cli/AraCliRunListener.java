package so.ara.cli;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Detects CLI mode ({@code ara} as first application argument, see {@link AraCliMode}). Runs before Spring Boot's
 * event publishing listener so logging, banner and web application type see the CLI properties, and registers
 * {@link AraCliConfiguration} (the picocli runner) only in CLI mode and only when picocli is on the classpath.
 */
public class AraCliRunListener implements SpringApplicationRunListener, Ordered {

    private final boolean cli;

    public AraCliRunListener(SpringApplication application, String[] args) {
        this.cli = AraCliMode.isCli(args) && AraCliMode.picocliPresent(application.getClassLoader());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (this.cli) {
            AraCliMode.configure(environment);
        }
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (this.cli && context instanceof BeanDefinitionRegistry registry
                && !registry.containsBeanDefinition(AraCliConfiguration.BEAN_NAME)) {
            new AnnotatedBeanDefinitionReader(registry).registerBean(AraCliConfiguration.class,
                    AraCliConfiguration.BEAN_NAME);
        }
    }
}
