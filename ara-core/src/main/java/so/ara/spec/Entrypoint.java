package so.ara.spec;

import java.util.List;

/** The runtime's startup command: {@code entrypoint(command, shell="bash", args)}. */
public record Entrypoint(String entrypoint, String shell, List<String> args) {

    public static Entrypoint of(String command) {
        return of(command, "bash", List.of());
    }

    public static Entrypoint of(String command, String shell, List<String> args) {
        String trimmed = Normalized.text(command);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("entrypoint() requires a non-empty command");
        }
        String chosenShell = shell == null || shell.isBlank() ? "bash" : shell;
        return new Entrypoint(trimmed, chosenShell, Lists.trimmed(args));
    }
}
