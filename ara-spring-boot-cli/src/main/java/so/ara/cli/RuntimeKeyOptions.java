package so.ara.cli;

import picocli.CommandLine.Option;

import so.ara.client.RuntimeAuth;

/** {@code --runtime-key} / {@code --app-header-key} of the runtime-plane commands (docs/ara-reference.md §5.4). */
public class RuntimeKeyOptions {

    @Option(names = "--runtime-key", paramLabel = "<key>",
            description = "Runtime key (default: ARA_RUNTIME_KEY / ara.runtime-key, else one is provisioned).")
    String runtimeKey;

    @Option(names = "--app-header-key", paramLabel = "<key>",
            description = "App-header key sent as X-Ara-App-Key instead of a runtime key (default: ARA_APP_HEADER_KEY).")
    String appHeaderKey;

    RuntimeAuth auth() {
        return new RuntimeAuth(CliInputs.blankToNull(this.runtimeKey), CliInputs.blankToNull(this.appHeaderKey));
    }
}
