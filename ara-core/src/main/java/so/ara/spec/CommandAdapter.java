package so.ara.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A worker process Ara talks to over stdio or http ({@code command_adapter} and its LangGraph, LangChain and Agno
 * presets, which set {@code framework} and {@code AGENT_FRAMEWORK}).
 */
@JsonPropertyOrder({ "type", "framework", "transport", "entrypoint", "args", "artifact", "env" })
public record CommandAdapter(String type, String framework, String transport, String entrypoint, List<String> args,
        Artifact artifact, Map<String, String> env) {

    public static Builder command(String entrypoint) {
        return new Builder(entrypoint, "custom");
    }

    public static Builder langgraph() {
        return new Builder("python3 langgraph_worker.py", "langgraph").presetFramework();
    }

    public static Builder langchain() {
        return new Builder("python3 langchain_worker.py", "langchain").presetFramework();
    }

    public static Builder agno() {
        return new Builder("python3 agno_worker.py", "agno").presetFramework();
    }

    public static final class Builder {

        private String entrypoint;
        private String framework;
        private String transport = "stdio";
        private List<String> args = List.of();
        private Artifact artifact;
        private Map<String, ?> env;
        private boolean preset;

        private Builder(String entrypoint, String framework) {
            this.entrypoint = entrypoint;
            this.framework = framework;
        }

        private Builder presetFramework() {
            this.preset = true;
            return this;
        }

        public Builder entrypoint(String entrypoint) {
            this.entrypoint = entrypoint;
            return this;
        }

        public Builder framework(String framework) {
            this.framework = framework;
            return this;
        }

        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        public Builder artifact(Artifact artifact) {
            this.artifact = artifact;
            return this;
        }

        public Builder env(Map<String, ?> env) {
            this.env = env;
            return this;
        }

        public CommandAdapter build() {
            String command = Normalized.text(entrypoint);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("command_adapter() requires a non-empty entrypoint");
            }
            Map<String, String> merged = new LinkedHashMap<>();
            if (preset) {
                merged.put("AGENT_FRAMEWORK", framework);
            }
            if (env != null) {
                env.forEach((key, value) -> {
                    String trimmed = Normalized.text(key);
                    if (!trimmed.isEmpty()) {
                        merged.put(trimmed, value == null ? "" : String.valueOf(value));
                    }
                });
            }
            return new CommandAdapter("command", framework, transport, command, Lists.trimmed(args), artifact,
                    merged.isEmpty() ? null : java.util.Collections.unmodifiableMap(merged));
        }
    }
}
