package so.ara.client;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The app id of one slug: looked up with {@code GET /apps} (the first row with the slug and role {@code owner}) and
 * cached, so runtime calls make one round trip, not two. A 404 from a call made with a cached id drops it, looks it up
 * again and retries the call once (the app may have been deleted and created again).
 */
final class AppIds {

    private final String slug;
    private final AraHttp http;
    private final Map<String, String> cache;

    AppIds(String slug, AraHttp http, Map<String, String> cache) {
        this.slug = slug;
        this.http = http;
        this.cache = cache;
    }

    /** A fresh lookup; the cache follows its answer. */
    Mono<Optional<String>> find() {
        return this.http.call(HttpMethod.GET, AraUri.of("/apps"), null, this.http.controlPlane()).map(body -> {
            Optional<String> id = owned(body);
            id.ifPresentOrElse(value -> this.cache.put(this.slug, value), () -> this.cache.remove(this.slug));
            return id;
        });
    }

    private Optional<String> owned(JsonNode body) {
        JsonNode apps = Json.node(body, "apps");
        if (apps != null && apps.isArray()) {
            for (JsonNode app : apps) {
                if (this.slug.equals(Json.text(app, "slug")) && "owner".equals(Json.text(app, "role"))) {
                    return Optional.ofNullable(Json.text(app, "id"));
                }
            }
        }
        return Optional.empty();
    }

    /** The cached id, else a lookup; error {@code App '<slug>' not found. Deploy first.} */
    Mono<String> get() {
        return Mono.defer(() -> {
            String cached = this.cache.get(this.slug);
            return cached != null ? Mono.just(cached) : lookUp();
        });
    }

    private Mono<String> lookUp() {
        return find().flatMap(id -> id.map(Mono::just)
                .orElseGet(() -> Mono.error(new AraException("App '" + this.slug + "' not found. Deploy first."))));
    }

    /** {@code call} with the app id; a 404 with a cached id invalidates it and retries once with a fresh one. */
    <T> Mono<T> with(Function<String, Mono<T>> call) {
        return Mono.defer(() -> {
            String cached = this.cache.get(this.slug);
            if (cached == null) {
                return lookUp().flatMap(call);
            }
            return call.apply(cached).onErrorResume(AraApiException.class, ex -> {
                if (ex.getStatus() != 404) {
                    return Mono.error(ex);
                }
                this.cache.remove(this.slug, cached);
                return lookUp().flatMap(fresh -> fresh.equals(cached) ? Mono.error(ex) : call.apply(fresh));
            });
        });
    }

    /** Remembers the id deploy created or updated. */
    void remember(String id) {
        this.cache.put(this.slug, id);
    }
}
