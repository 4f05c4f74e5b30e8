package so.ara.local.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The local console at {@code /console}: pages, assets, JSON, an SSE stream and actions, all behind
 * {@link ConsoleAccess}. Reads and acts only through {@link ConsoleData}.
 */
public final class Console {

    private static final Logger log = LoggerFactory.getLogger(Console.class);
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Route(HttpMethod method, PathPattern pattern) {
    }

    private final ConsoleAccess access;
    private final ConsoleAssets assets = new ConsoleAssets();
    private final ConsoleApi api;
    private final ConsoleActions actions;
    private final ConsoleStream stream;
    private final List<Route> table = new ArrayList<>();

    public Console(ConsoleData data, int maxBodyBytes, Duration heartbeat) {
        this.access = new ConsoleAccess(data);
        this.api = new ConsoleApi(data);
        this.actions = new ConsoleActions(data, maxBodyBytes);
        this.stream = new ConsoleStream(data, heartbeat);
    }

    /** The console URL with its token, as printed at startup ({@code <base>/console?token=...}). */
    public String url(String baseUrl) {
        return baseUrl + "/console?token=" + access.token();
    }

    public RouterFunction<ServerResponse> router() {
        RouterFunctions.Builder b = RouterFunctions.route();
        for (String page : List.of("/console", "/console/", "/console/apps", "/console/runs", "/console/runs/{runId}",
                "/console/logs", "/console/events")) {
            add(b, HttpMethod.GET, page, assets::page);
        }
        add(b, HttpMethod.GET, "/console/assets/{file}", assets::asset);
        add(b, HttpMethod.GET, "/console/assets/{version}/{file}", assets::versionedAsset);
        add(b, HttpMethod.GET, "/console/api/apps", api::apps);
        add(b, HttpMethod.GET, "/console/api/runs", api::runs);
        add(b, HttpMethod.GET, "/console/api/runs/{runId}", api::run);
        add(b, HttpMethod.GET, "/console/api/logs", api::logs);
        add(b, HttpMethod.GET, "/console/api/events", api::events);
        add(b, HttpMethod.GET, "/console/api/stream", stream::stream);
        add(b, HttpMethod.POST, "/console/api/apps/{app}/runs", actions::startRun);
        add(b, HttpMethod.POST, "/console/api/runs/{runId}/rerun", actions::rerun);
        add(b, HttpMethod.POST, "/console/api/apps/{app}/events", actions::sendEvent);
        add(b, HttpMethod.POST, "/console/api/apps/{app}/schedules/{id}/fire", actions::fireSchedule);
        b.route(RequestPredicates.path("/console/**"), this::fallback);
        return b.build()
                .filter(access)
                .filter((request, next) -> {
                    secure(request.exchange().getResponse().getHeaders());
                    return Mono.defer(() -> next.handle(request))
                            .onErrorResume(e -> ConsoleResponses.problemFor(request, e, log));
                });
    }

    private void add(RouterFunctions.Builder b, HttpMethod method, String path, HandlerFunction<ServerResponse> h) {
        table.add(new Route(method, PathPatternParser.defaultInstance.parse(path)));
        b.route(RequestPredicates.method(method).and(RequestPredicates.path(path)), h);
    }

    /** Set before the handler runs; a handler's own Cache-Control replaces the no-store default. */
    private static void secure(HttpHeaders headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.setCacheControl("no-store");
    }

    private Mono<ServerResponse> fallback(ServerRequest request) {
        PathContainer path = PathContainer.parsePath(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : table) {
            if (r.pattern.matches(path)) {
                allowed.add(r.method.name());
            }
        }
        if (!allowed.isEmpty()) {
            request.exchange().getResponse().getHeaders().set(HttpHeaders.ALLOW, String.join(", ", allowed));
            return ConsoleResponses.problem(request, 405, request.method().name() + " is not supported on "
                    + request.path());
        }
        return ConsoleResponses.problem(request, 404, "no console page or API at " + request.path());
    }
}
