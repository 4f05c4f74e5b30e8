package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code GET /auth/cli/whoami}: {@code user.id}, {@code user.email}, and the whole answer. */
public record WhoAmI(@Nullable String userId, @Nullable String email, JsonNode raw) {

    static WhoAmI from(JsonNode body) {
        JsonNode user = Json.node(body, "user");
        return new WhoAmI(Json.text(user, "id"), Json.text(user, "email"), body);
    }
}
