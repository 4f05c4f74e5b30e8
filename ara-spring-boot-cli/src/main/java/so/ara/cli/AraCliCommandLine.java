package so.ara.cli;

import java.util.Arrays;

import picocli.CommandLine;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Runs one {@code ara} command line with picocli and returns its exit code: 0 success, 1 command failure (message on
 * stderr, stack trace only with {@code --debug}), 2 usage error (one line on stderr). Command classes are created by
 * {@code beanFactory} (see {@link SpringCommandFactory}) with the {@link AraCliContext} injected.
 */
final class AraCliCommandLine {

    private AraCliCommandLine() {
    }

    static boolean debug(String... command) {
        return Arrays.asList(command).contains("--debug");
    }

    static int execute(AraCliContext cli, ConfigurableListableBeanFactory beanFactory, String... command) {
        AraCliIo io = cli.io();
        boolean debug = cli.debug();
        beanFactory.registerResolvableDependency(AraCliContext.class, cli);
        CommandLine commandLine = new CommandLine(AraCommand.class, new SpringCommandFactory(beanFactory));
        // "@file" is a value of --input-json, not a picocli argument file
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(io.out());
        commandLine.setErr(io.err());
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            io.err().println(usageError(ex));
            io.err().flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable error = reactor.core.Exceptions.unwrap(ex);
            io.err().println(message(cmd, error));
            if (debug) {
                error.printStackTrace(io.err());
            }
            io.err().flush();
            return 1;
        });
        try {
            int code = commandLine.execute(command);
            io.out().flush();
            return code;
        }
        catch (RuntimeException ex) {
            io.err().println(ex.getMessage());
            if (debug) {
                ex.printStackTrace(io.err());
            }
            io.err().flush();
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
}
