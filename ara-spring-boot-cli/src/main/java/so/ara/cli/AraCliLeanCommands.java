package so.ara.cli;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The fast path of CLI mode: a command that needs no application beans (everything but {@code deploy} and
 * {@code manifest}) runs as soon as the {@code Environment} is complete, that is after every
 * {@code EnvironmentPostProcessor} (application properties, profiles, environment variables, ...) and before the
 * logging system is initialized, the application context or any bean exists. It then exits through
 * {@link AraCliExit} ({@link System#exit} by default); when that returns (tests), the run is abandoned with
 * {@link SpringApplication.AbandonedRunException}. Logging is never initialized on this path, so nothing but the
 * command writes to stdout or stderr. For {@code deploy} and {@code manifest} it only checks {@code ara.cli.context}
 * (a usage error, exit code 2, when it is neither {@code lean} nor {@code full}) and lets the context start.
 */
public class AraCliLeanCommands implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** After the environment post-processors' listener (+10), before the logging system's (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableBootstrapContext bootstrapContext = event.getBootstrapContext();
        AraCliInvocation invocation = bootstrapContext.getOrElse(AraCliInvocation.class, null);
        if (invocation == null) {
            return;
        }
        AraCliIo io = bootstrapContext.getOrElseSupply(AraCliIo.class, AraCliIo::system);
        if (invocation.needsApplicationContext()) {
            String invalidContext = LeanContextFallback.invalidSetting(event.getEnvironment());
            if (invalidContext != null) {
                // a usage error, reported before the context starts
                io.err().println(invalidContext);
                end(bootstrapContext, io, 2);
            }
            return;
        }
        String[] command = invocation.args();
        int code;
        try (CliConnections connections = new CliConnections()) {
            AraCliContext cli = new AraCliContext(event.getEnvironment(), null, io, AraCliCommandLine.debug(command),
                    connections);
            code = AraCliCommandLine.execute(cli, new DefaultListableBeanFactory(), command);
        }
        end(bootstrapContext, io, code);
    }

    private static void end(ConfigurableBootstrapContext bootstrapContext, AraCliIo io, int code) {
        AraCliExit exit = bootstrapContext.getOrElse(AraCliExit.class, AraCliExit.SYSTEM);
        io.out().flush();
        io.err().flush();
        exit.exit(code);
        throw new SpringApplication.AbandonedRunException();
    }
}
