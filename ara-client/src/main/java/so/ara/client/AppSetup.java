package so.ara.client;

import tools.jackson.databind.JsonNode;

/** {@code GET /apps/{id}/setup}: the whole answer (its shape is server-defined), with the app id it was read for. */
public record AppSetup(String appId, JsonNode raw) {
}
