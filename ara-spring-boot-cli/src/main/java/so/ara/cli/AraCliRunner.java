package so.ara.cli;

import java.util.Arrays;

import picocli.CommandLine;

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
 * Runs {@code ara <command> [flags]} with picocli once the context is refreshed, then, when the application is ready,
 * ends it through {@link SpringApplication#exit} with the command's exit code and hands that code to
 * {@link AraCliExit} ({@link System#exit} by default). Exit codes: 0 success, 1 command failure (message on stderr,
 * stack trace only with {@code --debug}), 2 usage error (one line on stderr).
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
        boolean debug = Arrays.asList(command).contains("--debug");
        try (CliConnections connections = new CliConnections()) {
            return execute(new AraCliContext(this.context.getEnvironment(), this.definition, this.io, debug,
                    connections), debug, command);
        }
    }

    private int execute(AraCliContext cli, boolean debug, String... command) {
        this.context.getBeanFactory().registerResolvableDependency(AraCliContext.class, cli);
        CommandLine commandLine = new CommandLine(AraCommand.class,
                new SpringCommandFactory(this.context.getAutowireCapableBeanFactory()));
        // "@file" is a value of --input-json, not a picocli argument file
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(this.io.out());
        commandLine.setErr(this.io.err());
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            this.io.err().println(usageError(ex));
            this.io.err().flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable error = reactor.core.Exceptions.unwrap(ex);
            this.io.err().println(message(cmd, error));
            if (debug) {
                error.printStackTrace(this.io.err());
            }
            this.io.err().flush();
            return 1;
        });
        try {
            int code = commandLine.execute(command);
            this.io.out().flush();
            return code;
        }
        catch (RuntimeException ex) {
            this.io.err().println(ex.getMessage());
            if (debug) {
                ex.printStackTrace(this.io.err());
            }
            this.io.err().flush();
            return 1;
        }
    }

    /** One line; an unknown command reads like argparse's {@code invalid choice}. */
    static String usageError(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")
                && !unmatched.getCommandLine().getSubcommands().isEmpty()) {
            CommandLine command = unmatched.getCommandLine();
            String choices = String.join(", ", command.getSubcommands().keySet().stream()
                    .map(name -> "'" + name + "'").toList());
            return command.getCommandSpec().qualifiedName(" ") + ": invalid choice: '" + unmatched.getUnmatched().get(0)
                    + "' (choose from " + choices + ")";
        }
        return String.valueOf(ex.getMessage()).strip().replace(System.lineSeparator(), " ");
    }

    private static String message(CommandLine cmd, Throwable error) {
        String text = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        String path = cmd.getCommandSpec().qualifiedName(" ");
        if (path.startsWith("ara runtime") && !text.startsWith("ara runtime:")) {
            return "ara runtime: " + text;
        }
        if (error instanceof CliException) {
            return text;
        }
        if (path.startsWith("ara auth") && !text.startsWith("ara auth:")) {
            return "ara auth: " + text;
        }
        return text;
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
