package so.ara.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import so.ara.client.AraRuntimeClient;

/**
 * {@code ara runtime ...} (docs/ara-reference.md §7.4), built on {@link AraRuntimeClient} with the control-plane bearer. Errors
 * are printed as {@code ara runtime: <message>}.
 */
@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = "Personal runtime session: session, capabilities, skills, tools, control.",
        subcommands = { RuntimeCommands.Session.class, RuntimeCommands.Capabilities.class, RuntimeCommands.Skills.class,
                RuntimeCommands.Tools.class, RuntimeCommands.Control.class })
final class RuntimeCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        this.spec.commandLine().usage(this.spec.commandLine().getOut());
    }

    abstract static class Leaf implements Callable<Integer> {

        final AraCliContext cli;

        Leaf(AraCliContext cli) {
            this.cli = cli;
        }

        AraRuntimeClient client() {
            return this.cli.runtimeClient();
        }
    }

    @Command(name = "session", mixinStandardHelpOptions = true, description = "Start, inspect or stop the session.",
            subcommands = { SessionStart.class, SessionStatus.class, SessionStop.class, SessionExec.class })
    static class Session implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            this.spec.commandLine().usage(this.spec.commandLine().getOut());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "POST /session/start (120 s timeout).")
    static class SessionStart extends Leaf {

        SessionStart(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().sessionStart()));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "GET /session/status.")
    static class SessionStatus extends Leaf {

        SessionStatus(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().sessionStatus()));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "POST /session/stop.")
    static class SessionStop extends Leaf {

        SessionStop(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().sessionStop()));
            return 0;
        }
    }

    @Command(name = "exec", mixinStandardHelpOptions = true,
            description = "POST /session/terminal/exec (timeout clamped to 5..600 s).")
    static class SessionExec extends Leaf {

        @Option(names = "--command", paramLabel = "<command>", description = "Command to run (required).")
        String command;

        @Option(names = "--timeout-seconds", defaultValue = "90", paramLabel = "<s>",
                description = "Timeout (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        SessionExec(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            if (CliInputs.blankToNull(this.command) == null) {
                throw new CliException("ara runtime: session exec requires --command");
            }
            this.cli.print(this.cli.await(client().sessionExec(this.command, this.timeoutSeconds)));
            return 0;
        }
    }

    @Command(name = "capabilities", mixinStandardHelpOptions = true,
            description = "GET /session/runtime/capabilities.")
    static class Capabilities extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        @Option(names = "--agent", paramLabel = "<agent>", description = "Agent id.")
        String agent;

        Capabilities(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().capabilities(this.session, CliInputs.blankToNull(this.agent))));
            return 0;
        }
    }

    @Command(name = "skills", mixinStandardHelpOptions = true, description = "Session skills.",
            subcommands = SkillsList.class)
    static class Skills implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            this.spec.commandLine().usage(this.spec.commandLine().getOut());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "GET /session/runtime/skills.")
    static class SkillsList extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        SkillsList(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().skills(this.session)));
            return 0;
        }
    }

    @Command(name = "tools", mixinStandardHelpOptions = true, description = "Session tools.",
            subcommands = { ToolsList.class, ToolsAvailable.class, ToolsExecute.class })
    static class Tools implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            this.spec.commandLine().usage(this.spec.commandLine().getOut());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "GET /session/runtime/tools.")
    static class ToolsList extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        @Option(names = "--kind", defaultValue = "all", paramLabel = "<kind>",
                description = "all, builtin, app or connector (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--agent", paramLabel = "<agent>", description = "Agent id.")
        String agent;

        ToolsList(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().tools(this.session, this.kind, CliInputs.blankToNull(this.agent))));
            return 0;
        }
    }

    @Command(name = "available", mixinStandardHelpOptions = true,
            description = "GET /session/runtime/tools (same as list).")
    static class ToolsAvailable extends ToolsList {

        ToolsAvailable(AraCliContext cli) {
            super(cli);
        }
    }

    @Command(name = "execute", mixinStandardHelpOptions = true, description = "POST /session/runtime/tools/execute.")
    static class ToolsExecute extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        @Option(names = "--tool", paramLabel = "<tool>", description = "Tool name (required).")
        String tool;

        @Option(names = "--agent", paramLabel = "<agent>", description = "Agent id.")
        String agent;

        @Option(names = "--arg", paramLabel = "<key=value>", description = "Argument (repeatable; strings).")
        List<String> args = new ArrayList<>();

        ToolsExecute(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            if (CliInputs.blankToNull(this.tool) == null) {
                throw new CliException("ara runtime: tools execute requires --tool");
            }
            this.cli.print(this.cli.await(client().executeTool(this.session, this.tool.strip(),
                    CliInputs.pairs(this.args), CliInputs.blankToNull(this.agent))));
            return 0;
        }
    }

    @Command(name = "control", mixinStandardHelpOptions = true, description = "Session UI control.",
            subcommands = { ControlActions.class, ControlCall.class })
    static class Control implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            this.spec.commandLine().usage(this.spec.commandLine().getOut());
        }
    }

    @Command(name = "actions", mixinStandardHelpOptions = true, description = "GET /session/runtime/control/actions.")
    static class ControlActions extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        ControlActions(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(client().controlActions(this.session)));
            return 0;
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "POST /session/runtime/control/call (needs a connected session UI).")
    static class ControlCall extends Leaf {

        @Option(names = "--session", required = true, paramLabel = "<session>", description = "Session id.")
        String session;

        @Option(names = "--action", paramLabel = "<action>", description = "Action (required).")
        String action;

        @Option(names = "--timeout-ms", defaultValue = "8000", paramLabel = "<ms>",
                description = "Timeout (default: ${DEFAULT-VALUE}).")
        int timeoutMs;

        @Option(names = "--arg", paramLabel = "<key=value>", description = "Argument (repeatable; strings).")
        List<String> args = new ArrayList<>();

        ControlCall(AraCliContext cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            if (CliInputs.blankToNull(this.action) == null) {
                throw new CliException("ara runtime: control call requires --action");
            }
            this.cli.print(this.cli.await(client().controlCall(this.session, this.action.strip(),
                    CliInputs.pairs(this.args), this.timeoutMs)));
            return 0;
        }
    }
}
