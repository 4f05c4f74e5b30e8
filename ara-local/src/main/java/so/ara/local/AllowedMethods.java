package so.ara.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The fallback route: 405 with an {@code Allow} header derived from the route table itself (read with a
 * {@link RouterFunctions.Visitor}), else 404.
 */
final class AllowedMethods implements HandlerFunction<ServerResponse> {

    private record Route(Set<HttpMethod> methods, PathPattern pattern) {
    }

    private final List<Route> table;

    private AllowedMethods(List<Route> table) {
        this.table = table;
    }

    /** Reads the method and path of every route of {@code routes}. */
    static AllowedMethods of(RouterFunction<?> routes) {
        List<Route> table = new ArrayList<>();
        routes.accept(new RouterFunctions.Visitor() {
            @Override
            public void startNested(RequestPredicate predicate) {
            }

            @Override
            public void endNested(RequestPredicate predicate) {
            }

            @Override
            public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                RoutePredicate read = new RoutePredicate();
                predicate.accept(read);
                if (read.path != null && !read.methods.isEmpty()) {
                    table.add(new Route(read.methods, PathPatternParser.defaultInstance.parse(read.path)));
                }
            }

            @Override
            public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
            }

            @Override
            public void attributes(Map<String, Object> attributes) {
            }

            @Override
            public void unknown(RouterFunction<?> routerFunction) {
            }
        });
        return new AllowedMethods(table);
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        PathContainer path = PathContainer.parsePath(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : table) {
            if (r.pattern.matches(path)) {
                r.methods.forEach(m -> allowed.add(m.name()));
            }
        }
        if (!allowed.isEmpty()) {
            return Mono.error(new ApiException(405, "Method Not Allowed",
                    request.method().name() + " is not supported on " + request.path())
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed)));
        }
        return Mono.error(ApiException.notFound("no route " + request.method().name() + " " + request.path()));
    }

    /** Collects the methods and the path of one {@code method(...).and(path(...))} predicate. */
    private static final class RoutePredicate implements RequestPredicates.Visitor {
        final Set<HttpMethod> methods = new LinkedHashSet<>();
        String path;

        @Override
        public void method(Set<HttpMethod> value) {
            methods.addAll(value);
        }

        @Override
        public void path(String pattern) {
            path = pattern;
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
