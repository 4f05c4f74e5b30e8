package so.ara.manifest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The manifest's {@code agent} block; agent keys appear only when there is an agent, {@code tools} only with tools. */
@JsonPropertyOrder({ "agents", "default_agent_id", "profiles", "default_profile_id", "subagents", "tools" })
public record AgentBlock(List<AgentRow> agents, String defaultAgentId, List<Profile> profiles,
        String defaultProfileId, List<Subagent> subagents, List<ToolRow> tools) {

    @JsonPropertyOrder({ "id", "instructions", "persona", "handoff_to", "always_on", "skills" })
    public record Profile(String id, String instructions, String persona, List<String> handoffTo, boolean alwaysOn,
            List<String> skills) {
    }

    @JsonPropertyOrder({ "id", "workflow_id", "channels", "runtime", "sandbox", "hooks" })
    public record Subagent(String id, String workflowId, List<String> channels, so.ara.spec.RuntimeProfile runtime,
            so.ara.spec.Sandbox sandbox, List<Object> hooks) {
    }
}
