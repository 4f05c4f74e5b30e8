package so.ara.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.spec.Slugify;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointBodyReader;

/** Apps: list, create, read, patch (the manifest parts) and their registered schedules. */
final class AppHandler {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "draft", "paused", "archived");

    private final LocalStore store;
    private final LocalScheduler scheduler;
    private final EndpointBodyReader bodies;

    AppHandler(LocalStore store, LocalScheduler scheduler, EndpointBodyReader bodies) {
        this.store = store;
        this.scheduler = scheduler;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest r) {
        List<Object> rows = new ArrayList<>();
        store.apps().forEach(a -> rows.add(a.summary()));
        return Responses.json(200, Json.obj("apps", rows));
    }

    Mono<ServerResponse> get(ServerRequest r) {
        return Responses.json(200, Json.obj("app", store.app(r.pathVariable("id")).detail()));
    }

    Mono<ServerResponse> schedules(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        List<Object> rows = new ArrayList<>();
        scheduler.entries(app.id).forEach(e -> rows.add(e.toMap()));
        return Responses.json(200, Json.obj("schedules", rows));
    }

    Mono<ServerResponse> create(ServerRequest r) {
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            String name = validName(body, true);
            String slug = Json.optionalString(body, "slug");
            if (slug == null || slug.isEmpty()) {
                slug = Slugify.slugify(name);
            }
            if (slug.length() > 63 || !SLUG.matcher(slug).matches()) {
                throw ApiException.unprocessable("slug must match [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
            }
            // validate everything before creating, so a bad body creates nothing
            LocalApp probe = new LocalApp("probe", slug, name, store.now());
            applyManifest(probe, body);
            LocalApp app = store.create(slug, name);
            applyManifest(app, body);
            store.saveApp(app);
            scheduler.registerManifest(app);
            return Responses.json(201, Json.obj("app", app.detail()));
        });
    }

    Mono<ServerResponse> patch(ServerRequest r) {
        LocalApp app = store.app(r.pathVariable("id"));
        return bodies.readJson(r).map(bytes -> Json.parseObject(bytes, false)).flatMap(body -> {
            if (body.containsKey("slug") && !app.slug.equals(body.get("slug"))) {
                throw ApiException.unprocessable("slug cannot be changed");
            }
            applyManifest(app, body);
            store.saveApp(app);
            scheduler.registerManifest(app);
            return Responses.json(200, Json.obj("ok", true, "app", app.detail()));
        });
    }

    private static String validName(Map<String, Object> body, boolean required) {
        String name = required ? Json.requiredString(body, "name") : Json.optionalString(body, "name");
        if (name != null && (name.isEmpty() || name.length() > 100)) {
            throw ApiException.unprocessable("name must be 1-100 characters");
        }
        return name;
    }

    private void applyManifest(LocalApp app, Map<String, Object> body) {
        Map<String, Object> agent = Json.optionalObject(body, "agent");
        LocalScheduler.checkManifest(agent);
        Map<String, Object> interfaces = Json.optionalObject(body, "interfaces");
        Map<String, Object> profile = Json.optionalObject(body, "runtime_profile");
        Object workflows = body.get("workflows");
        if (workflows != null && Json.list(workflows) == null) {
            throw ApiException.badRequest("field 'workflows' must be a JSON array");
        }
        Object description = body.get("description");
        if (description != null && !(description instanceof String)) {
            throw ApiException.badRequest("field 'description' must be a string");
        }
        String status = Json.optionalString(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.unprocessable("status must be one of " + new TreeSet<>(STATUSES));
        }
        String name = validName(body, false);
        synchronized (app) {
            if (agent != null) {
                app.agent = agent;
            }
            if (interfaces != null) {
                app.interfaces = interfaces;
            }
            if (profile != null) {
                app.runtimeProfile = profile;
            }
            if (workflows != null) {
                app.workflows = Json.list(workflows);
            }
            if (description != null) {
                app.description = (String) description;
            }
            if (name != null) {
                app.name = name;
            }
            if (status != null) {
                app.status = status;
            }
            app.updatedAt = store.now();
        }
    }
}
