package so.ara.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Setup, invites, whoami and the keys of docs/ara-reference.md §5.2 (control-plane calls about access to the app). */
final class AppAccess {

    private final String slug;
    private final AraHttp http;
    private final AppIds appIds;
    private final RuntimeKeys keys;

    AppAccess(String slug, AraHttp http, AppIds appIds, RuntimeKeys keys) {
        this.slug = slug;
        this.http = http;
        this.appIds = appIds;
        this.keys = keys;
    }

    Mono<AppSetup> setup() {
        return this.appIds.with(id -> this.http.call(HttpMethod.GET, AraUri.of("/apps/{app_id}/setup", id), null,
                this.http.controlPlane()).map(body -> new AppSetup(id, body)));
    }

    Mono<InviteResponse> invite(String email, @Nullable String role, @Nullable Integer expiresInHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("role", role == null || role.isBlank() ? "viewer" : role);
        body.put("expires_in_hours", expiresInHours == null ? 168 : expiresInHours);
        return this.appIds.with(id -> this.http.call(HttpMethod.POST, AraUri.of("/apps/{app_id}/invites", id), body,
                this.http.controlPlane())).map(InviteResponse::from);
    }

    Mono<WhoAmI> whoami() {
        return this.http.call(HttpMethod.GET, AraUri.of("/auth/cli/whoami"), null, this.http.controlPlane())
                .map(WhoAmI::from);
    }

    Mono<SetupAuthResult> setupAuth(SetupAuthOptions options) {
        return this.appIds.get().flatMap(id -> {
            String existingRuntime = this.http.credentials().runtimeKey() != null ? this.http.credentials().runtimeKey()
                    : this.keys.remembered().orElse(null);
            Mono<String[]> runtime;
            if (existingRuntime != null) {
                runtime = Mono.just(new String[] { existingRuntime, "false" });
            }
            else if (options.ensureRuntimeKey()) {
                runtime = this.keys.mint(id, this.slug + "-py-local", 60, RuntimeKeys.PROVISION_FAILED)
                        .map(key -> new String[] { key, "true" });
            }
            else {
                runtime = Mono.just(new String[] { null, "false" });
            }
            return runtime.flatMap(rt -> appHeader(id, options).map(x -> new SetupAuthResult(id, this.slug,
                    rt[0] != null, Boolean.parseBoolean(rt[1]), rt[0], x.key() != null, x.created(), x.id(),
                    x.prefix(), x.key())));
        });
    }

    private record XKey(@Nullable String key, boolean created, @Nullable String id, @Nullable String prefix) {
    }

    private Mono<XKey> appHeader(String appId, SetupAuthOptions options) {
        String existing = this.http.credentials().appHeaderKey();
        AraUri xKeys = AraUri.of("/apps/{app_id}/x-keys", appId);
        if (existing == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", options.xKeyName() != null && !options.xKeyName().isBlank() ? options.xKeyName().strip()
                    : this.slug + "-x-header");
            body.put("requests_per_minute", options.xKeyRpm());
            return this.http.call(HttpMethod.POST, xKeys, body, this.http.controlPlane())
                    .map(answer -> new XKey(Json.text(answer, "key"), true, Json.text(answer, "id"),
                            Json.text(answer, "key_prefix")));
        }
        return this.http.call(HttpMethod.GET, xKeys, null, this.http.controlPlane()).map(answer -> {
            JsonNode keys = Json.node(answer, "keys");
            if (keys != null && keys.isArray()) {
                for (JsonNode row : keys) {
                    String prefix = Json.text(row, "key_prefix");
                    String active = Json.text(row, "is_active");
                    if (prefix != null && !prefix.isEmpty() && existing.startsWith(prefix)
                            && !"false".equalsIgnoreCase(String.valueOf(active))) {
                        return new XKey(existing, false, Json.text(row, "id"), prefix);
                    }
                }
            }
            return new XKey(existing, false, null, null);
        });
    }
}
