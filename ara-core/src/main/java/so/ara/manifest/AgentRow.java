package so.ara.manifest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import so.ara.spec.ScheduleSpec;
import tools.jackson.databind.node.ObjectNode;

/** One agent in {@code agent.agents}. Optional keys are null when absent. */
@JsonPropertyOrder({ "id", "task", "instructions", "persona", "schedules", "handoff_to", "always_on", "entrypoint",
        "prompt_factory", "skills", "runtime", "sandbox", "fastapi_endpoint" })
public record AgentRow(String id, String task, String instructions, String persona, List<ScheduleSpec> schedules,
        List<String> handoffTo, boolean alwaysOn, boolean entrypoint, PromptFactory promptFactory, List<String> skills,
        RuntimeProfile runtime, Sandbox sandbox, EndpointSpec fastapiEndpoint) {

    /** How Ara builds the run's instructions: the function's name, source and parameter schema. */
    @JsonPropertyOrder({ "function_name", "source", "parameters" })
    public record PromptFactory(String functionName, String source, ObjectNode parameters) {
    }

    AgentRow withSchedules(List<ScheduleSpec> newSchedules) {
        return new AgentRow(id, task, instructions, persona, newSchedules, handoffTo, alwaysOn, entrypoint,
                promptFactory, skills, runtime, sandbox, fastapiEndpoint);
    }
}
