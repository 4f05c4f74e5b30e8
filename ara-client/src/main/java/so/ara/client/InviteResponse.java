package so.ara.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code POST /apps/{id}/invites}: email, role and expiry read from {@code invite} (or the top level), plus the whole answer. */
public record InviteResponse(@Nullable String email, @Nullable String role, @Nullable String expiresAt, JsonNode raw) {

    static InviteResponse from(JsonNode body) {
        JsonNode invite = Json.node(body, "invite") != null ? Json.node(body, "invite") : body;
        return new InviteResponse(Json.text(invite, "email"), Json.text(invite, "role"),
                Json.text(invite, "expires_at"), body);
    }
}
