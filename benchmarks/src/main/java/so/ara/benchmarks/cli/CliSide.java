package so.ara.benchmarks.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One CLI under test: the command prefix that precedes {@code <command> [flags]} (for Python also the app script
 * after the command), its environment and its own working directory and home (never the user's).
 */
record CliSide(String name, List<String> prefix, List<String> afterCommand, Map<String, String> env, Path dir) {

    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(this.prefix);
        command.add(args.get(0));
        command.addAll(this.afterCommand);
        command.addAll(args.subList(1, args.size()));
        return command;
    }

    ProcessBuilder process(List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(this.dir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ARA_") || key.startsWith("SPRING_"));
        builder.environment().putAll(this.env);
        builder.environment().put("HOME", this.dir.toString());
        return builder;
    }
}
