package so.ara.manifest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The manifest's workflow compatibility layer: one per agent, plus one per cron schedule. */
@JsonPropertyOrder({ "id", "mode", "agent_id", "task", "run", "pipeline", "schedule", "trigger" })
public record Workflow(String id, String mode, String agentId, String task, Map<String, Object> run,
        List<PipelineStep> pipeline, String schedule, Trigger trigger) {

    @JsonPropertyOrder({ "type", "cron", "schedule", "timezone", "one_shot_at" })
    public record Trigger(String type, String cron, String schedule, String timezone, String oneShotAt) {
    }

    @JsonPropertyOrder({ "id", "kind", "tool_name", "args" })
    public record PipelineStep(String id, String kind, String toolName, Map<String, Object> args) {
    }
}
