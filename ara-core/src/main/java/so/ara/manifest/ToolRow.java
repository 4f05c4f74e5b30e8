package so.ara.manifest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import so.ara.spec.ScheduleSpec;
import tools.jackson.databind.node.ObjectNode;

/** One tool in {@code agent.tools}: OpenAI function form plus the source Ara runs. */
@JsonPropertyOrder({ "type", "function", "function_name", "source", "required_env", "schedules" })
public record ToolRow(String type, Function function, String functionName, String source, List<String> requiredEnv,
        List<ScheduleSpec> schedules) {

    @JsonPropertyOrder({ "name", "description", "parameters" })
    public record Function(String name, String description, ObjectNode parameters) {
    }
}
