package so.ara.manifest;

import java.util.List;

import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent as declared on a method.
 *
 * @param origin           where it was declared, for error messages (e.g. {@code bean 'desk' method 'triage'})
 * @param id               agent id, or empty for the function name
 * @param functionName     the method name, which is also the prompt function's name
 * @param promptParameters the prompt function's parameter schema
 * @param skills           skills, or null for none
 * @param runtime          the agent's own runtime, or null
 * @param sandbox          the agent's own sandbox, or null
 * @param endpoint         the HTTP endpoint, or null
 */
public record AgentDecl(String origin, String id, String functionName, String instructions, boolean entrypoint,
        List<String> skills, List<String> handoffTo, boolean alwaysOn, RuntimeProfile runtime, Sandbox sandbox,
        List<ScheduleDecl> schedules, EndpointDecl endpoint, ObjectNode promptParameters) {

    public String effectiveId() {
        return id == null || id.isBlank() ? functionName : id.trim();
    }
}
