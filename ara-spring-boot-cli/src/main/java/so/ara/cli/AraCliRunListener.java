package so.ara.cli;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Detects CLI mode ({@code ara} as first application argument, see {@link AraCliMode}). Runs before Spring Boot's
 * event publishing listener so logging, banner and web application type see the CLI properties, and puts the
 * {@link AraCliInvocation} in the bootstrap context, where {@link AraCliLeanCommands} runs the commands that need no
 * application context. For the others ({@code deploy}, {@code manifest}) it registers {@link AraCliConfiguration}
 * (the picocli runner), and the {@link AraCliIo}/{@link AraCliExit} of the bootstrap context as beans. Once that
 * context is refreshed, before any runner, it hands the command to a full-context run when the lean context cannot
 * serve it ({@link LeanContextFallback}).
 */
public class AraCliRunListener implements SpringApplicationRunListener, Ordered {

    private final SpringApplication application;

    private final String[] args;

    private final boolean cli;

    private AraCliIo io;

    private AraCliExit exit;

    public AraCliRunListener(SpringApplication application, String[] args) {
        this.application = application;
        this.args = args;
        this.cli = AraCliMode.isCli(args);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        if (this.cli) {
            AraCliInvocation invocation = new AraCliInvocation(Arrays.asList(this.args).subList(1, this.args.length));
            bootstrapContext.register(AraCliInvocation.class, InstanceSupplier.of(invocation));
        }
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (this.cli) {
            AraCliMode.configure(environment, LeanContextFallback.fullContextRequested(bootstrapContext));
            this.io = bootstrapContext.getOrElse(AraCliIo.class, null);
            this.exit = bootstrapContext.getOrElse(AraCliExit.class, null);
        }
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (this.cli && context instanceof BeanDefinitionRegistry registry
                && !registry.containsBeanDefinition(AraCliConfiguration.BEAN_NAME)) {
            new AnnotatedBeanDefinitionReader(registry).registerBean(AraCliConfiguration.class,
                    AraCliConfiguration.BEAN_NAME);
            if (this.io != null) {
                context.getBeanFactory().registerSingleton("araCliIo", this.io);
            }
            if (this.exit != null) {
                context.getBeanFactory().registerSingleton("araCliExit", this.exit);
            }
        }
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (this.cli && LeanContextFallback.needsFullContext(context)) {
            context.close();
            LeanContextFallback.rerunInFullContext(this.application, this.args);
            // the command ran in the full context; this run ends without its runners
            throw new SpringApplication.AbandonedRunException(context);
        }
    }
}
