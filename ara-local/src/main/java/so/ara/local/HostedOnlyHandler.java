package so.ara.local;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Reference routes that need the hosted platform: a precise 501 instead of a bare 404. */
final class HostedOnlyHandler {

    Mono<ServerResponse> deviceLogin(ServerRequest r) {
        return Responses.notLocal("OAuth device login",
                "use `ara auth login --api-key <ARA_API_KEY printed by ara-local>`");
    }

    Mono<ServerResponse> sandbox(ServerRequest r) {
        return Responses.notLocal("sandbox sessions (" + r.path() + ")",
                "run the app against the Ara cloud for terminal, files and SSH access");
    }

    Mono<ServerResponse> automations(ServerRequest r) {
        return Responses.notLocal("the automations API",
                "use POST /session/runtime/tools/execute with automation_create, or schedules in the manifest");
    }
}
