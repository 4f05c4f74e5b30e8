package so.ara.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * Top-level {@code start}, {@code status}, {@code stop}. The reference stores no implementation of these seed
 * commands; mapping them to {@code /session/start|status|stop} (as {@code ara runtime session ...}) is an inference
 * (docs/ara-reference.md §7.5, §11.6).
 */
final class SessionCommands {

    private SessionCommands() {
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start your personal runtime session (POST /session/start). Inferred: the reference keeps no "
                    + "implementation of `ara start`; it is taken to equal `ara runtime session start`.")
    static class Start implements Callable<Integer> {

        private final AraCliContext cli;

        Start(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(this.cli.runtimeClient().sessionStart()));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the runtime session (GET /session/status). Inferred: the reference keeps no "
                    + "implementation of `ara status`; it is taken to equal `ara runtime session status`.")
    static class Status implements Callable<Integer> {

        private final AraCliContext cli;

        Status(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(this.cli.runtimeClient().sessionStatus()));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the runtime session (POST /session/stop). Inferred: the reference keeps no "
                    + "implementation of `ara stop`; it is taken to equal `ara runtime session stop`.")
    static class Stop implements Callable<Integer> {

        private final AraCliContext cli;

        Stop(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            this.cli.print(this.cli.await(this.cli.runtimeClient().sessionStop()));
            return 0;
        }
    }
}
