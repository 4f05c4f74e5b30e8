package so.ara.manifest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Secret;

/**
 * The Ara App manifest, exactly as Ara's control plane receives it. Build it with {@link AppManifestBuilder};
 * serialise it with {@code AraJson.mapper()}. Secret values never serialise; deploy reads them from
 * {@link #secrets()}.
 */
@JsonPropertyOrder({ "name", "slug", "description", "agent", "workflows", "interfaces", "runtime_profile" })
public record AppManifest(String name, String slug, String description, AgentBlock agent, List<Workflow> workflows,
        Map<String, Object> interfaces, RuntimeProfile runtimeProfile) {

    /** Secret definitions of the app's runtime profile, in order, for deploy's secret sync. */
    public List<Secret> secrets() {
        return runtimeProfile.secrets();
    }

    /** Endpoints as listed under {@code interfaces.fastapi_endpoints} (bound to their agents). */
    @SuppressWarnings("unchecked")
    public List<EndpointSpec> endpoints() {
        Object endpoints = interfaces.get(AppManifestBuilder.FASTAPI_ENDPOINTS);
        return endpoints instanceof List<?> list
                ? list.stream().filter(EndpointSpec.class::isInstance).map(EndpointSpec.class::cast).toList()
                : List.of();
    }

    public List<AgentRow> agents() {
        return agent.agents() == null ? List.of() : agent.agents();
    }

    public List<ToolRow> tools() {
        return agent.tools() == null ? List.of() : agent.tools();
    }
}
