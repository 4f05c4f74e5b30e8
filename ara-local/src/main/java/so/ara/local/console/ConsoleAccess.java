package so.ara.local.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Who may use the console: a request carrying the console token (in {@code ?token=}, as Jupyter prints it, then in
 * an HttpOnly SameSite=Strict cookie set on first use) or the control-plane key as {@code Authorization: Bearer}.
 * State-changing requests from another site are refused as well, whatever they carry.
 */
final class ConsoleAccess implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Set<String> SAFE_FETCH_SITES = Set.of("same-origin", "none");

    private final String token;
    private final ConsoleData data;

    ConsoleAccess(ConsoleData data) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.data = data;
    }

    String token() {
        return token;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        boolean viaQuery = isToken(request.queryParam("token").orElse(null));
        if (!viaQuery && !isToken(cookie(request)) && !bearerAllowed(request)) {
            return refuse(request);
        }
        if (!isSafe(request.method()) && crossSite(request)) {
            return ConsoleResponses.problem(request, 403, "cross-site requests to the console are refused");
        }
        if (viaQuery) {
            request.exchange().getResponse().addCookie(ResponseCookie.from(cookieName(request), token)
                    .httpOnly(true).sameSite("Strict").path("/console").build());
        }
        return next.handle(request);
    }

    /** Cookies ignore ports, so two servers on one host each name their cookie after their port. */
    private static String cookieName(ServerRequest request) {
        return "ara_console_" + Math.max(request.uri().getPort(), 0);
    }

    private static String cookie(ServerRequest request) {
        HttpCookie cookie = request.cookies().getFirst(cookieName(request));
        return cookie == null ? null : cookie.getValue();
    }

    private boolean bearerAllowed(ServerRequest request) {
        String value = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String presented = value.substring(7).trim();
        return isToken(presented) || data.isControlPlaneKey(presented);
    }

    private boolean isToken(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSafe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static boolean crossSite(ServerRequest request) {
        String site = request.headers().firstHeader("Sec-Fetch-Site");
        if (site != null && !SAFE_FETCH_SITES.contains(site)) {
            return true;
        }
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        String host = request.headers().firstHeader(HttpHeaders.HOST);
        return origin != null && !origin.equals("http://" + host);
    }

    private static Mono<ServerResponse> refuse(ServerRequest request) {
        String detail = "the console needs its token: open the console URL printed at startup "
                + "(/console?token=...) or send the control-plane key as Authorization: Bearer";
        if (request.path().startsWith("/console/api/") || request.path().startsWith("/console/assets/")
                || !request.headers().accept().contains(MediaType.TEXT_HTML)) {
            return ConsoleResponses.problem(request, 401, detail);
        }
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ara-local console: "
                + "token needed</title></head><body><main><h1>Token needed</h1><p>This console needs its token. "
                + "Open the console URL printed in the application's startup log (it ends in "
                + "<code>/console?token=&hellip;</code>).</p></main></body></html>";
        return ServerResponse.status(401).contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ara-local console\"").bodyValue(page);
    }
}
