package so.ara.client;

import java.util.List;

import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Whether the app stored by Ara ({@code GET /apps/{id}}) already holds the deploy payload. */
final class StoredApp {

    private static final List<String> FIELDS = List.of("name", "description", "agent", "workflows", "interfaces",
            "runtime_profile");

    private StoredApp() {
    }

    /** {@code answer} is {@code {"app": {...}}} or the app itself; numbers compare as the JSON text reads them. */
    static boolean matches(JsonNode answer, ObjectNode payload, boolean activate) {
        JsonNode app = answer != null && answer.get("app") instanceof ObjectNode wrapped ? wrapped : answer;
        if (app == null || !app.isObject()) {
            return false;
        }
        if (activate && !"active".equals(Json.text(app, "status"))) {
            return false;
        }
        JsonNode sent = AraJson.mapper().readTree(AraJson.mapper().writeValueAsString(payload));
        for (String field : FIELDS) {
            JsonNode stored = app.get(field);
            if (stored == null || !stored.equals(sent.get(field))) {
                return false;
            }
        }
        return true;
    }
}
