package so.ara.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One declared HTTP endpoint, in manifest form. Inside an agent row {@code agentId}/{@code workflowId} are null
 * (and left out); in {@code interfaces.fastapi_endpoints} both carry the agent id.
 */
@JsonPropertyOrder({ "type", "method", "path", "label", "docs", "auth", "agent_id", "workflow_id" })
public record EndpointSpec(String type, String method, String path, String label, boolean docs, EndpointAuth auth,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workflowId) {

    public static final String TYPE = "fastapi_endpoint";

    /** This spec as listed under {@code interfaces.fastapi_endpoints}, bound to its agent. */
    public EndpointSpec boundTo(String agentId) {
        return new EndpointSpec(type, method, path, label, docs, auth, agentId, agentId);
    }
}
