package so.ara.cli;

import java.util.List;
import java.util.Set;

/**
 * One CLI run: the arguments after {@code ara}. Only {@code deploy}/{@code up} and {@code manifest} need the
 * application's beans (the manifest is built from them); every other command, and any help or version request, runs
 * from the {@code Environment} alone without starting the application context.
 *
 * @param command the arguments after {@code ara}
 */
public record AraCliInvocation(List<String> command) {

    private static final Set<String> CONTEXT_COMMANDS = Set.of("deploy", "up", "manifest");

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    public AraCliInvocation {
        command = List.copyOf(command);
    }

    String[] args() {
        return this.command.toArray(String[]::new);
    }

    /** Whether the command needs the application context (the app's manifest). */
    public boolean needsApplicationContext() {
        if (this.command.stream().anyMatch(HELP::contains)) {
            return false;
        }
        return this.command.stream().filter(arg -> !arg.startsWith("-")).findFirst()
                .map(CONTEXT_COMMANDS::contains).orElse(false);
    }
}
