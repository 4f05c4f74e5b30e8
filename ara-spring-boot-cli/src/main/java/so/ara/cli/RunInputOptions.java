package so.ara.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --agent}, {@code --message}, {@code --input} and {@code --input-json} of {@code run} and {@code run-async}. */
public class RunInputOptions {

    @Option(names = "--agent", paramLabel = "<agent>", description = "Agent id (default agent when omitted).")
    String agent;

    @Option(names = "--message", paramLabel = "<text>", description = "Adds \"message\" to the input.")
    String message;

    @Option(names = "--input", paramLabel = "<key=value>", description = "Input value (repeatable; string values).")
    List<String> input = new ArrayList<>();

    @Option(names = "--input-json", paramLabel = "<json|@file>",
            description = "Input as a JSON object, inline or @file (wins over --input).")
    String inputJson;

    /** The agent id, or null for the default agent. */
    String agent() {
        return CliInputs.blankToNull(this.agent);
    }

    /** The run input built from the flags, as the Python CLI builds it. */
    Map<String, Object> payload() {
        return CliInputs.input(this.inputJson, this.input, this.message);
    }
}
