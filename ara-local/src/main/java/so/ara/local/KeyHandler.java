package so.ara.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** Runtime keys ({@code /apps/{id}/keys}) and app-header x-keys ({@code /apps/{id}/x-keys}). */
final class KeyHandler {

    private final LocalStore store;
    private final EndpointBodyReader bodies;

    KeyHandler(LocalStore store, EndpointBodyReader bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    Mono<ServerResponse> createRuntimeKey(ServerRequest r) {
        return mint(r, KeyRecord.Kind.RUNTIME, "-runtime", (app, k) -> Json.obj("key", k.key, "id", k.id, "name",
                k.name, "key_prefix", k.prefix(), "requests_per_minute", k.requestsPerMinute, "app_id", app.id));
    }

    Mono<ServerResponse> createXKey(ServerRequest r) {
        return mint(r, KeyRecord.Kind.X_KEY, "-x-header", (app, k) -> Json.obj("key", k.key, "id", k.id, "name",
                k.name, "key_prefix", k.prefix(), "requests_per_minute", k.requestsPerMinute, "is_active", true,
                "header", "X-Ara-App-Key"));
    }

    /** {@code {"name"?, "requests_per_minute"?}} (name defaults to the slug plus {@code defaultSuffix}, rpm to 30). */
    private Mono<ServerResponse> mint(ServerRequest r, KeyRecord.Kind kind, String defaultSuffix,
            BiFunction<LocalApp, KeyRecord, Map<String, Object>> answer) {
        LocalApp app = store.app(r.pathVariable("id"));
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, true)).flatMap(body -> {
            String name = name(body);
            KeyRecord k = store.mintKey(app, kind, name == null || name.isEmpty() ? app.slug + defaultSuffix : name,
                    rpm(body, 30));
            return Responses.json(201, answer.apply(app, k));
        });
    }

    Mono<ServerResponse> listXKeys(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        List<Object> rows = new ArrayList<>();
        for (KeyRecord k : store.keysOf(app, KeyRecord.Kind.X_KEY)) {
            rows.add(Json.obj("id", k.id, "name", k.name, "key_prefix", k.prefix(), "is_active", k.active,
                    "requests_per_minute", k.requestsPerMinute, "created_at", k.createdAt.toString()));
        }
        return Responses.json(200, Json.obj("keys", rows));
    }

    Mono<ServerResponse> deleteXKey(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        String keyId = r.pathVariable("keyId");
        for (KeyRecord k : store.keysOf(app, KeyRecord.Kind.X_KEY)) {
            if (k.id.equals(keyId)) {
                store.revokeKey(k);
                return ServerResponse.noContent().build();
            }
        }
        throw ApiException.notFound("x-key '" + keyId + "' not found");
    }

    private static String name(Map<String, Object> body) {
        String name = Json.optionalString(body, "name");
        if (name != null && name.length() > 100) {
            throw ApiException.unprocessable("name must be at most 100 characters").with("field", "name");
        }
        return name;
    }

    private static int rpm(Map<String, Object> body, int dflt) {
        Integer value = Json.optionalInt(body, "requests_per_minute");
        int rpm = value == null ? dflt : value;
        if (rpm < 1 || rpm > 2000) {
            throw ApiException.unprocessable("requests_per_minute must be between 1 and 2000");
        }
        return rpm;
    }
}
