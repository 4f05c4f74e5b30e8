package so.ara.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** How to call an app ({@code GET /apps/{id}/setup}) and who may see it ({@code POST /apps/{id}/invites}). */
final class SetupHandler {

    private static final Pattern ROLE = Pattern.compile("^(viewer|operator|editor)$");

    private final LocalStore store;
    private final EndpointBodyReader bodies;
    private final Supplier<String> baseUrl;

    SetupHandler(LocalStore store, EndpointBodyReader bodies, Supplier<String> baseUrl) {
        this.store = store;
        this.bodies = bodies;
        this.baseUrl = baseUrl;
    }

    Mono<ServerResponse> setup(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        String base = baseUrl.get();
        List<Object> endpoints = new ArrayList<>();
        for (Map<String, Object> e : app.endpoints()) {
            Map<String, Object> auth = Json.map(e, "auth");
            endpoints.add(Json.obj("label", e.get("label"), "method", e.get("method"), "agent_id", e.get("agent_id"),
                    "url", base + "/v1/apps/" + app.slug + "/endpoints/" + e.get("label"), "auth_mode",
                    auth == null ? "none" : auth.get("mode"), "secret_env", auth == null ? null : auth.get("secret_env"),
                    "secret_configured", auth == null || Json.str(auth, "secret_env") == null ? null
                            : app.secretValue(Json.str(auth, "secret_env")) != null));
        }
        List<Object> secretNames;
        synchronized (app) {
            secretNames = new ArrayList<>(app.secrets.keySet());
        }
        return Responses.json(200, Json.obj("ok", true, "app_id", app.id, "slug", app.slug, "status", app.status,
                "api_base_url", base, "runtime", Json.obj(
                        "run_url", base + "/v1/apps/" + app.id + "/run",
                        "runs_url", base + "/v1/apps/" + app.id + "/runs",
                        "events_url", base + "/v1/apps/" + app.id + "/events",
                        "logs_url", base + "/v1/apps/" + app.id + "/logs/stream",
                        "auth", List.of("Authorization: Bearer <runtime key>", "X-Ara-App-Key: <x-key>")),
                "runtime_keys", store.activeKeysOf(app, KeyRecord.Kind.RUNTIME).size(),
                "x_keys", store.keysOf(app, KeyRecord.Kind.X_KEY).size(),
                "secrets", secretNames, "endpoints", endpoints, "local", true));
    }

    Mono<ServerResponse> invite(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            String email = Json.requiredString(body, "email");
            List<Object> errors = new ArrayList<>();
            if (email.length() < 3 || email.length() > 320 || !email.contains("@")) {
                errors.add(Json.obj("field", "email", "message", "email must be 3-320 characters with an @"));
            }
            String role = Json.optionalString(body, "role");
            role = role == null || role.isEmpty() ? "viewer" : role;
            if (!ROLE.matcher(role).matches()) {
                errors.add(Json.obj("field", "role", "message", "role must match ^(viewer|operator|editor)$"));
            }
            Integer hours = Json.optionalInt(body, "expires_in_hours");
            int h = hours == null ? 168 : hours;
            if (h < 1 || h > 720) {
                errors.add(Json.obj("field", "expires_in_hours", "message", "expires_in_hours must be 1-720"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable("invalid invite").with("errors", errors);
            }
            Instant expires = store.now().plus(Duration.ofHours(h));
            return Responses.json(201, Json.obj("ok", true, "invite", Json.obj("id", "inv_" + LocalStore.random(12),
                    "app_id", app.id, "email", email, "role", role, "expires_in_hours", h, "expires_at",
                    expires.toString(), "status", "pending", "accept_url", baseUrl.get() + "/invites/local")));
        });
    }
}
