package so.ara.local;

import java.util.function.Supplier;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The local user: CLI config, whoami and control-plane key rotation. */
final class AccountHandler {

    private final LocalStore store;
    private final Supplier<String> baseUrl;

    AccountHandler(LocalStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    Mono<ServerResponse> cliConfig(ServerRequest r) {
        return Responses.json(200, Json.obj("supabase_url", "", "supabase_anon_key", "", "api_base_url",
                baseUrl.get(), "local", true));
    }

    Mono<ServerResponse> whoami(ServerRequest r) {
        return Responses.json(200, Json.obj("user", Json.obj("id", "user_local", "email", "local@ara.localhost"),
                "auth_type", "api_key", "local", true));
    }

    Mono<ServerResponse> rotate(ServerRequest r) {
        String key = store.rotateApiKey();
        return Responses.json(200, Json.obj("api_key", key, "key_prefix", key.substring(0, 14), "key_identifier",
                "cpk_" + key.substring(key.length() - 8)));
    }
}
