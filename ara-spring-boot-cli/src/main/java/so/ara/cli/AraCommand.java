package so.ara.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ara}: the root command; without a subcommand it prints its help. */
@Command(name = "ara", mixinStandardHelpOptions = true, version = "ara (Ara for Spring Boot)",
        description = "Ara CLI embedded in this Spring Boot application: deploy and operate the app's agents.%n"
                + "Run as: java -jar <app>.jar ara <command> [flags]",
        subcommands = { picocli.CommandLine.HelpCommand.class, AppCommands.Deploy.class, AppCommands.Run.class, AppCommands.RunAsync.class,
                AppCommands.RunStatus.class, AppCommands.Events.class, AppCommands.Logs.class, AppCommands.Setup.class,
                AppCommands.SetupAuth.class, AppCommands.Invite.class, AppCommands.Manifest.class, AuthCommands.class,
                RuntimeCommands.class, SessionCommands.Start.class, SessionCommands.Status.class,
                SessionCommands.Stop.class, ConnectCommands.Connect.class, ConnectCommands.SshProxy.class },
        usageHelpAutoWidth = true)
public class AraCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (stderr).")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Without a command: usage on stderr, exit code 2. */
    @Override
    public Integer call() {
        this.spec.commandLine().usage(this.spec.commandLine().getErr());
        return 2;
    }
}
