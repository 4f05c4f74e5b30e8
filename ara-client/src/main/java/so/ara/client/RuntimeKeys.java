package so.ara.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.client.AraHttp.Auth;
import so.ara.credentials.AraCredentials;

import static so.ara.client.JsonBodies.nonBlank;

/**
 * Runtime credentials of one slug (docs/ara-reference.md §5.4): an explicit app-header key or runtime key wins, then the
 * configured ones, then the key minted by deploy (remembered in memory), else one is provisioned once under a lock.
 */
final class RuntimeKeys {

    static final String PROVISION_FAILED = "Failed to provision runtime key for this app.";

    private final String slug;
    private final AraHttp http;
    private final Map<String, String> remembered;
    private final Map<String, Mono<String>> provisioning;

    RuntimeKeys(String slug, AraHttp http, Map<String, String> remembered, Map<String, Mono<String>> provisioning) {
        this.slug = slug;
        this.http = http;
        this.remembered = remembered;
        this.provisioning = provisioning;
    }

    Optional<String> remembered() {
        return Optional.ofNullable(this.remembered.get(this.slug));
    }

    /** {@code POST /apps/{id}/keys}; the key is remembered for this slug. */
    Mono<String> mint(String appId, String name, int rpm, String missingMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("requests_per_minute", rpm);
        return this.http.call(HttpMethod.POST, AraUri.of("/apps/{app_id}/keys", appId), body,
                this.http.controlPlane()).flatMap(answer -> {
                    String key = Json.text(answer, "key");
                    if (key == null || key.isBlank()) {
                        return Mono.error(new AraException(missingMessage));
                    }
                    this.remembered.put(this.slug, key);
                    return Mono.just(key);
                });
    }

    /** The credential deploy reports: {@code value} may be null when an app-header key is configured. */
    record Chosen(@org.jspecify.annotations.Nullable String value, boolean created, Auth auth) {
    }

    /**
     * Deploy's runtime key without piling keys up: the configured app-header or runtime key (never minted over), else
     * the key this process already holds for the slug, else one minted under {@code name}.
     */
    Mono<Chosen> forDeploy(String appId, String name, int rpm, String missingMessage) {
        AraCredentials credentials = this.http.credentials();
        if (credentials.appHeaderKey() != null) {
            return Mono.just(new Chosen(null, false, Auth.appKey(credentials.appHeaderKey())));
        }
        if (credentials.runtimeKey() != null) {
            return Mono.just(new Chosen(credentials.runtimeKey(), false, Auth.bearer(credentials.runtimeKey())));
        }
        String held = this.remembered.get(this.slug);
        if (held != null) {
            return Mono.just(new Chosen(held, false, Auth.bearer(held)));
        }
        return mint(appId, name, rpm, missingMessage).map(key -> new Chosen(key, true, Auth.bearer(key)));
    }

    /**
     * {@code call} with the credentials of {@link #auth}; when the key came from memory (minted by this process) and
     * Ara answers 401 (another instance's deploy superseded it and it went idle), it is forgotten and the call retried
     * once with a freshly provisioned key. Nothing ran on a 401, so the retry cannot run anything twice.
     */
    <T> Mono<T> withAuth(String appId, RuntimeAuth override, Function<Auth, Mono<T>> call) {
        return withAuthMany(appId, override, auth -> call.apply(auth).flux()).singleOrEmpty();
    }

    /** {@link #withAuth} for a stream, such as one connection of the log stream (a 401 comes before any row). */
    <T> Flux<T> withAuthMany(String appId, RuntimeAuth override, Function<Auth, Flux<T>> call) {
        return Flux.defer(() -> {
            String held = explicit(override) ? null : this.remembered.get(this.slug);
            return auth(appId, override).flatMapMany(call).onErrorResume(AraApiException.class, ex -> {
                if (ex.getStatus() != 401 || held == null) {
                    return Flux.error(ex);
                }
                this.remembered.remove(this.slug, held);
                return auth(appId, override).flatMapMany(call);
            });
        });
    }

    private boolean explicit(RuntimeAuth override) {
        RuntimeAuth given = override != null ? override : RuntimeAuth.DEFAULT;
        AraCredentials credentials = this.http.credentials();
        return nonBlank(given.appHeaderKey()) || nonBlank(given.runtimeKey()) || credentials.appHeaderKey() != null
                || credentials.runtimeKey() != null;
    }

    Mono<Auth> auth(String appId, RuntimeAuth override) {
        RuntimeAuth given = override != null ? override : RuntimeAuth.DEFAULT;
        if (nonBlank(given.appHeaderKey())) {
            return Mono.just(Auth.appKey(given.appHeaderKey().strip()));
        }
        if (nonBlank(given.runtimeKey())) {
            return Mono.just(Auth.bearer(given.runtimeKey().strip()));
        }
        AraCredentials credentials = this.http.credentials();
        if (credentials.appHeaderKey() != null) {
            return Mono.just(Auth.appKey(credentials.appHeaderKey()));
        }
        if (credentials.runtimeKey() != null) {
            return Mono.just(Auth.bearer(credentials.runtimeKey()));
        }
        String cached = this.remembered.get(this.slug);
        if (cached != null) {
            return Mono.just(Auth.bearer(cached));
        }
        return this.provisioning.computeIfAbsent(this.slug, s -> Mono.defer(() -> {
            String again = this.remembered.get(s);
            return again != null ? Mono.just(again) : mint(appId, s + "-py-local", 60, PROVISION_FAILED);
        }).doFinally(signal -> this.provisioning.remove(s)).cache()).map(Auth::bearer);
    }
}
