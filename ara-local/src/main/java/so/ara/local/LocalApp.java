package so.ara.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One app held by ara-local: its manifest parts, secrets and keys. Guarded by its own monitor. */
final class LocalApp {

    final String id;
    final String slug;
    final Instant createdAt;
    String name;
    String description = "";
    String status = "draft";
    Map<String, Object> agent = new LinkedHashMap<>();
    List<Object> workflows = new ArrayList<>();
    Map<String, Object> interfaces = new LinkedHashMap<>();
    Map<String, Object> runtimeProfile = new LinkedHashMap<>();
    Instant updatedAt;
    /** secret name (lowercase) → env values. Never serialized into answers or logs. */
    final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    final Map<String, Instant> secretUpdatedAt = new LinkedHashMap<>();

    LocalApp(String id, String slug, String name, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    synchronized Map<String, Object> summary() {
        return Json.obj("id", id, "slug", slug, "name", name, "description", description, "status", status,
                "role", "owner", "created_at", createdAt.toString(), "updated_at", updatedAt.toString());
    }

    synchronized Map<String, Object> detail() {
        Map<String, Object> m = summary();
        m.put("agent", Json.copy(agent));
        m.put("workflows", Json.copy(workflows));
        m.put("interfaces", Json.copy(interfaces));
        m.put("runtime_profile", Json.copy(runtimeProfile));
        return m;
    }

    synchronized List<Map<String, Object>> agents() {
        return Json.maps(agent.get("agents"));
    }

    synchronized List<Map<String, Object>> tools() {
        return Json.maps(agent.get("tools"));
    }

    synchronized Map<String, Object> agentRow(String agentId) {
        for (Map<String, Object> row : agents()) {
            if (agentId.equals(row.get("id"))) {
                return row;
            }
        }
        return null;
    }

    /** The agent a run without agent id goes to: {@code default_agent_id}, else the first row, else none. */
    synchronized String defaultAgentId() {
        String id = Json.str(agent, "default_agent_id");
        if (id != null) {
            return id;
        }
        List<Map<String, Object>> rows = agents();
        return rows.isEmpty() ? null : Json.str(rows.get(0), "id");
    }

    synchronized Map<String, Object> toolRow(String name) {
        for (Map<String, Object> row : tools()) {
            if (name.equals(Json.str(Json.map(row, "function"), "name"))) {
                return row;
            }
        }
        return null;
    }

    synchronized List<Map<String, Object>> endpoints() {
        return Json.maps(interfaces.get("fastapi_endpoints"));
    }

    /** The value of an env key across the app's uploaded secrets (last secret wins), or null. */
    synchronized String secretValue(String envKey) {
        String found = null;
        for (Map<String, String> values : secrets.values()) {
            if (values.containsKey(envKey)) {
                found = values.get(envKey);
            }
        }
        return found;
    }

    synchronized boolean active() {
        return "active".equals(status);
    }
}
