package so.ara.local;

import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Runtime routes: an {@code X-Ara-App-Key} x-key, else a runtime key as Bearer, that belongs to the app of the path.
 * Leaves the app and the key in request attributes for the rate limit and the handler.
 */
final class RuntimeAuthFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String APP = RuntimeAuthFilter.class.getName() + ".app";
    private static final String KEY = RuntimeAuthFilter.class.getName() + ".key";

    private final LocalStore store;

    RuntimeAuthFilter(LocalStore store) {
        this.store = store;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String xKey = request.headers().firstHeader("X-Ara-App-Key");
        String token = xKey != null && !xKey.isBlank() ? xKey.trim() : ControlPlaneAuthFilter.bearer(request);
        if (token == null) {
            throw ApiException.unauthorized("missing runtime credentials: send X-Ara-App-Key or "
                    + "Authorization: Bearer <runtime key>");
        }
        KeyRecord key = store.key(token);
        if (key == null) {
            throw ApiException.unauthorized("unknown runtime key");
        }
        if (!key.usable(store.now(), LocalStore.SUPERSEDED_KEY_GRACE)) {
            throw ApiException.unauthorized("runtime key has been revoked");
        }
        LocalApp app = store.app(request.pathVariable("id"));
        if (!key.appId.equals(app.id)) {
            throw ApiException.forbidden("this key belongs to another app");
        }
        request.attributes().put(APP, app);
        request.attributes().put(KEY, key);
        return next.handle(request);
    }

    /** The app authenticated by this filter. */
    static LocalApp app(ServerRequest request) {
        return (LocalApp) request.attributes().get(APP);
    }

    /** The key authenticated by this filter. */
    static KeyRecord key(ServerRequest request) {
        return (KeyRecord) request.attributes().get(KEY);
    }
}
