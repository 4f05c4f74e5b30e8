package so.ara.manifest;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as declared on a method.
 *
 * @param origin       where it was declared, for error messages
 * @param id           tool id, or empty for the function name
 * @param parameters   the JSON schema of the parameters ({@code {"type":"object","properties","required"}})
 * @param pythonSource Python source to embed instead of the generated Java callback, or null
 */
public record ToolDecl(String origin, String id, String functionName, String description, ObjectNode parameters,
        List<String> requiredEnv, String pythonSource, List<ScheduleDecl> schedules) {

    public String effectiveId() {
        return id == null || id.isBlank() ? functionName : id.trim();
    }
}
