package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** App secrets: upsert, list (names and keys only, never values), delete. */
final class SecretHandler {

    private static final Pattern SECRET_NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}[a-z0-9]$");
    private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");

    private final LocalStore store;
    private final EndpointBodyReader bodies;

    SecretHandler(LocalStore store, EndpointBodyReader bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    Mono<ServerResponse> put(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            String name = Json.requiredString(body, "name").toLowerCase(Locale.ROOT);
            if (!SECRET_NAME.matcher(name).matches()) {
                throw ApiException.unprocessable("Secret name must match [a-z0-9][a-z0-9_-]{0,62}[a-z0-9]");
            }
            Map<String, Object> values = Json.optionalObject(body, "values");
            if (values == null) {
                throw ApiException.badRequest("field 'values' is required");
            }
            if (values.isEmpty()) {
                throw ApiException.unprocessable("Secret values cannot be empty");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!ENV_KEY.matcher(e.getKey()).matches()) {
                    throw ApiException.unprocessable("Invalid environment key: " + e.getKey());
                }
                if (e.getValue() != null && !(e.getValue() instanceof String)) {
                    throw ApiException.unprocessable("Secret values must be a dict[str, str]");
                }
                copy.put(e.getKey(), e.getValue() == null ? "" : (String) e.getValue());
            }
            boolean created = store.putSecret(app, name, copy);
            return Responses.json(created ? 201 : 200, Json.obj("ok", true, "name", name, "keys",
                    new ArrayList<>(copy.keySet()), "created", created));
        });
    }

    Mono<ServerResponse> list(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        List<Object> rows = new ArrayList<>();
        synchronized (app) {
            app.secrets.forEach((name, values) -> rows.add(Json.obj("name", name, "keys",
                    new ArrayList<>(values.keySet()), "updated_at", String.valueOf(app.secretUpdatedAt.get(name)))));
        }
        return Responses.json(200, Json.obj("secrets", rows));
    }

    Mono<ServerResponse> delete(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        String name = r.pathVariable("name").toLowerCase(Locale.ROOT);
        if (!store.deleteSecret(app, name)) {
            throw ApiException.notFound("secret '" + name + "' not found");
        }
        return ServerResponse.noContent().build();
    }
}
