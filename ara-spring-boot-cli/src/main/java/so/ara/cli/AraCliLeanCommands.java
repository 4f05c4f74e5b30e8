package so.ara.cli;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The fast path of CLI mode: a command that needs no application beans (everything but {@code deploy} and
 * {@code manifest}) runs as soon as the {@code Environment} is complete (application properties, profiles, the
 * environment variables and every other post-processor's sources, this one being last), before logging, the
 * application context or any bean exists. It then exits through {@link AraCliExit} ({@link System#exit} by
 * default); when that returns (tests), the run is abandoned with {@link SpringApplication.AbandonedRunException}.
 * Logging is never initialized on this path, so nothing but the command writes to stdout or stderr.
 */
public class AraCliLeanCommands implements EnvironmentPostProcessor, Ordered {

    private final ConfigurableBootstrapContext bootstrapContext;

    public AraCliLeanCommands(ConfigurableBootstrapContext bootstrapContext) {
        this.bootstrapContext = bootstrapContext;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        AraCliInvocation invocation = this.bootstrapContext.getOrElse(AraCliInvocation.class, null);
        if (invocation == null || invocation.needsApplicationContext()) {
            return;
        }
        AraCliIo io = this.bootstrapContext.getOrElseSupply(AraCliIo.class, AraCliIo::system);
        AraCliExit exit = this.bootstrapContext.getOrElse(AraCliExit.class, AraCliExit.SYSTEM);
        String[] command = invocation.args();
        int code;
        try (CliConnections connections = new CliConnections()) {
            AraCliContext cli = new AraCliContext(environment, null, io, AraCliCommandLine.debug(command),
                    connections);
            code = AraCliCommandLine.execute(cli, new DefaultListableBeanFactory(), command);
        }
        io.out().flush();
        io.err().flush();
        exit.exit(code);
        throw new SpringApplication.AbandonedRunException();
    }
}
