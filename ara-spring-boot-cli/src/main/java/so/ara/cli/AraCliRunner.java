package so.ara.cli;

import java.util.Arrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import so.ara.autoconfigure.AraAppDefinition;

/**
 * Runs the commands that need the application's beans ({@code deploy}, {@code manifest}) once the context is
 * refreshed, then, when the application is ready, ends it through {@link SpringApplication#exit} with the command's
 * exit code and hands that code to {@link AraCliExit} ({@link System#exit} by default).
 */
public class AraCliRunner implements ApplicationRunner, ExitCodeGenerator, ApplicationListener<ApplicationReadyEvent> {

    private final ConfigurableApplicationContext context;

    private final AraCliIo io;

    private final AraCliExit exit;

    private final ObjectProvider<AraAppDefinition> definition;

    private volatile int exitCode;

    private volatile boolean ran;

    public AraCliRunner(ConfigurableApplicationContext context, AraCliIo io, AraCliExit exit,
            ObjectProvider<AraAppDefinition> definition) {
        this.context = context;
        this.io = io;
        this.exit = exit;
        this.definition = definition;
    }

    @Override
    public void run(ApplicationArguments args) {
        String[] source = args.getSourceArgs();
        String[] command = AraCliMode.isCli(source) ? Arrays.copyOfRange(source, 1, source.length) : source;
        this.exitCode = execute(command);
        this.ran = true;
    }

    /** Runs one command line (without the leading {@code ara}) and returns its exit code. */
    int execute(String... command) {
        try (CliConnections connections = new CliConnections()) {
            AraCliContext cli = new AraCliContext(this.context.getEnvironment(), this.definition, this.io,
                    AraCliCommandLine.debug(command), connections);
            return AraCliCommandLine.execute(cli, this.context.getBeanFactory(), command);
        }
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (this.ran && event.getApplicationContext() == this.context) {
            int code = SpringApplication.exit(this.context, this);
            this.io.out().flush();
            this.exit.exit(code);
        }
    }
}
