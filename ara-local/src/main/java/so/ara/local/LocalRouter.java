package so.ara.local;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.gateway.EndpointRequestIdFilter;

/**
 * Assembles the routes of ara-local from the resource handlers, in four groups by authentication (open, control
 * plane, runtime, endpoint gateway), then the 405/404 fallback and the problem mapping around everything.
 */
final class LocalRouter {

    /** The handlers and filters the routes are made of. */
    record Parts(AccountHandler account, AppHandler apps, KeyHandler keys, SecretHandler secrets,
            SetupHandler setup, RunHandler runs, EventHandler events, LogStreamHandler logs, GatewayHandler gateway,
            SessionHandler sessions, RuntimeToolsHandler runtimeTools, ChatHandler chat, HostedOnlyHandler hosted,
            HandlerFilterFunction<ServerResponse, ServerResponse> controlPlaneAuth,
            HandlerFilterFunction<ServerResponse, ServerResponse> runtimeAuth,
            HandlerFilterFunction<ServerResponse, ServerResponse> rateLimit,
            HandlerFilterFunction<ServerResponse, ServerResponse> problems) {
    }

    private static final List<HttpMethod> GATEWAY_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.HEAD);

    private LocalRouter() {
    }

    static RouterFunction<ServerResponse> routes(Parts p) {
        RouterFunction<ServerResponse> routes = open(p).and(controlPlane(p)).and(runtime(p)).and(gateway(p));
        return routes.and(RouterFunctions.route(RequestPredicates.all(), AllowedMethods.of(routes)))
                .filter(p.problems());
    }

    private static RouterFunction<ServerResponse> open(Parts p) {
        return RouterFunctions.route()
                .GET("/auth/cli/config", p.account()::cliConfig)
                .POST("/auth/cli/device/start", p.hosted()::deviceLogin)
                .GET("/auth/cli/device/status", p.hosted()::deviceLogin)
                .build();
    }

    private static RouterFunction<ServerResponse> controlPlane(Parts p) {
        RouterFunctions.Builder b = RouterFunctions.route()
                .GET("/auth/cli/whoami", p.account()::whoami)
                .POST("/apps/api-key/rotate", p.account()::rotate)
                .GET("/apps", p.apps()::list)
                .POST("/apps", p.apps()::create)
                .GET("/apps/{id}", p.apps()::get)
                .PATCH("/apps/{id}", p.apps()::patch)
                .POST("/apps/{id}/keys", p.keys()::createRuntimeKey)
                .GET("/apps/{id}/x-keys", p.keys()::listXKeys)
                .POST("/apps/{id}/x-keys", p.keys()::createXKey)
                .DELETE("/apps/{id}/x-keys/{keyId}", p.keys()::deleteXKey)
                .POST("/apps/{id}/secrets", p.secrets()::put)
                .GET("/apps/{id}/secrets", p.secrets()::list)
                .DELETE("/apps/{id}/secrets/{name}", p.secrets()::delete)
                .GET("/apps/{id}/setup", p.setup()::setup)
                .POST("/apps/{id}/invites", p.setup()::invite)
                .GET("/apps/{id}/schedules", p.apps()::schedules)
                .POST("/session/start", p.sessions()::start)
                .GET("/session/status", p.sessions()::status)
                .POST("/session/stop", p.sessions()::stop)
                .POST("/session/heartbeat", p.sessions()::heartbeat)
                .GET("/session/runtime/capabilities", p.runtimeTools()::capabilities)
                .GET("/session/runtime/skills", p.runtimeTools()::skills)
                .GET("/session/runtime/tools", p.runtimeTools()::tools)
                .GET("/session/runtime/control/actions", p.sessions()::controlActions)
                .POST("/session/runtime/tools/execute", p.runtimeTools()::execute)
                .POST("/session/runtime/control/call", p.runtimeTools()::controlCall)
                .POST("/chat", p.chat()::chat);
        for (String path : List.of("/session/connect/token", "/session/connect/exchange", "/session/terminal/exec",
                "/session/files/write", "/session/files/upload")) {
            b.POST(path, p.hosted()::sandbox);
        }
        for (String path : List.of("/session/files", "/session/files/read", "/session/files/download")) {
            b.GET(path, p.hosted()::sandbox);
        }
        return b.GET("/automations/jobs", p.hosted()::automations)
                .POST("/automations/jobs", p.hosted()::automations)
                .filter(p.controlPlaneAuth())
                .build();
    }

    private static RouterFunction<ServerResponse> runtime(Parts p) {
        return RouterFunctions.route()
                .POST("/v1/apps/{id}/run", p.runs()::runSync)
                .POST("/v1/apps/{id}/runs", p.runs()::runAsync)
                .GET("/v1/apps/{id}/runs/{runId}", p.runs()::status)
                .POST("/v1/apps/{id}/events", p.events()::accept)
                .GET("/v1/apps/{id}/logs/stream", p.logs()::stream)
                .filter(p.runtimeAuth())
                .filter(p.rateLimit())
                .build();
    }

    /** The endpoint gateway, with the request id and security headers the starter's endpoint routes give too. */
    private static RouterFunction<ServerResponse> gateway(Parts p) {
        RouterFunctions.Builder b = RouterFunctions.route();
        for (HttpMethod method : GATEWAY_METHODS) {
            b.route(RequestPredicates.method(method).and(RequestPredicates.path("/v1/apps/{id}/endpoints/{label}")),
                    p.gateway()::handle);
        }
        return b.filter(new EndpointRequestIdFilter(true)).build();
    }
}
