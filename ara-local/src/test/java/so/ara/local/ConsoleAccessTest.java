package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The console answers only with its token (query, then cookie) or the control-plane key, and never cross-site. */
class ConsoleAccessTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void consoleUrlCarriesATokenOnTheServersOwnLoopbackPort() {
        assertThat(fx.server.consoleUrl()).startsWith("http://127.0.0.1:" + fx.server.port() + "/console?token=");
        assertThat(fx.token).hasSizeGreaterThanOrEqualTo(32).doesNotContain(fx.server.apiKey());
    }

    @Test
    void requestsWithoutTheTokenAreRefused() {
        for (String path : new String[] {"/console", "/console/runs", "/console/api/apps", "/console/api/runs",
                "/console/api/stream", "/console/assets/app.js", "/console/nowhere"}) {
            var r = call(fx.base, HttpMethod.GET, path, Map.of(), null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.raw()).as(path).doesNotContain("triage_agent");
        }
        var api = call(fx.base, HttpMethod.GET, "/console/api/runs", Map.of(), null);
        assertThat(api.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(api.<String>at("detail")).contains("/console?token=");
        var page = call(fx.base, HttpMethod.GET, "/console", Map.of("Accept", "text/html"), null);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        assertThat(page.raw()).contains("Token needed").doesNotContain(fx.token);
        var post = call(fx.base, HttpMethod.POST, "/console/api/apps/" + fx.appId + "/runs", Map.of(),
                Json.obj("input", Json.obj()));
        assertThat(post.status()).isEqualTo(401);
    }

    @Test
    void wrongTokensAndRuntimeKeysAreRefused() {
        assertThat(call(fx.base, HttpMethod.GET, "/console?token=" + fx.token + "x", Map.of(), null).status())
                .isEqualTo(401);
        assertThat(call(fx.base, HttpMethod.GET, "/console/api/apps", bearer("ak_local_wrong"), null).status())
                .isEqualTo(401);
        assertThat(call(fx.base, HttpMethod.GET, "/console/api/apps",
                Map.of("Cookie", "ara_console_" + fx.server.port() + "=nope"), null).status()).isEqualTo(401);
    }

    @Test
    void theTokenInTheUrlSetsAStrictHttpOnlyCookieThatThenSuffices() {
        var page = call(fx.base, HttpMethod.GET, "/console?token=" + fx.token, Map.of("Accept", "text/html"), null);
        assertThat(page.status()).isEqualTo(200);
        java.util.regex.Matcher script = java.util.regex.Pattern
                .compile("<script type=\"module\" src=\"(/console/assets/[0-9a-f]{12}/app.js)\">").matcher(page.raw());
        assertThat(script.find()).as(page.raw()).isTrue();
        var versioned = fx.get(script.group(1));
        assertThat(versioned.status()).isEqualTo(200);
        assertThat(versioned.headers().getCacheControl()).isEqualTo("private, max-age=31536000, immutable");
        assertThat(versioned.headers().getContentType().toString()).startsWith("text/javascript");
        assertThat(page.headers().getCacheControl()).isEqualTo("no-cache");
        String cookie = page.headers().getFirst("Set-Cookie");
        assertThat(cookie).startsWith("ara_console_" + fx.server.port() + "=" + fx.token)
                .containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/console");
        var apps = call(fx.base, HttpMethod.GET, "/console/api/apps",
                Map.of("Cookie", "ara_console_" + fx.server.port() + "=" + fx.token), null);
        assertThat(apps.status()).isEqualTo(200);
        assertThat(apps.<String>at("apps", "0", "slug")).isEqualTo(ConsoleFixture.SLUG);
    }

    @Test
    void theControlPlaneKeyIsAcceptedAsBearerUntilItIsRotated() {
        String old = fx.server.apiKey();
        assertThat(call(fx.base, HttpMethod.GET, "/console/api/apps", bearer(old), null).status()).isEqualTo(200);
        var rotated = call(fx.base, HttpMethod.POST, "/apps/api-key/rotate", bearer(old), null);
        String fresh = rotated.at("api_key");
        assertThat(call(fx.base, HttpMethod.GET, "/console/api/apps", bearer(old), null).status()).isEqualTo(401);
        assertThat(call(fx.base, HttpMethod.GET, "/console/api/apps", bearer(fresh), null).status()).isEqualTo(200);
    }

    @Test
    void crossSiteActionsAreRefusedEvenWithTheCookie() {
        Map<String, String> cookie = Map.of("Cookie", "ara_console_" + fx.server.port() + "=" + fx.token,
                "Origin", "http://evil.example");
        var r = call(fx.base, HttpMethod.POST, "/console/api/apps/" + fx.appId + "/runs", cookie,
                Json.obj("input", Json.obj()));
        assertThat(r.status()).isEqualTo(403);
        var fetchSite = call(fx.base, HttpMethod.POST, "/console/api/apps/" + fx.appId + "/events",
                Map.of("Authorization", "Bearer " + fx.token, "Sec-Fetch-Site", "cross-site"), Json.obj());
        assertThat(fetchSite.status()).isEqualTo(403);
    }

    @Test
    void answersCarrySecurityHeadersAndProblemsForUnknownRoutes() {
        var page = fx.get("/console/runs");
        assertThat(page.headers().getFirst("Content-Security-Policy")).contains("script-src 'self'")
                .contains("default-src 'none'");
        assertThat(page.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(fx.get("/console/api/runs").headers().getCacheControl()).isEqualTo("no-store");
        var missing = fx.get("/console/api/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().getContentType().toString()).isEqualTo("application/problem+json");
        var wrongMethod = fx.post("/console/api/apps", Json.obj());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().getFirst("Allow")).isEqualTo("GET");
        var asset = fx.get("/console/assets/console.css");
        assertThat(asset.headers().getContentType().toString()).startsWith("text/css");
        var cached = call(fx.base, HttpMethod.GET, "/console/assets/console.css",
                Map.of("Authorization", "Bearer " + fx.token, "If-None-Match", asset.headers().getETag()), null);
        assertThat(cached.status()).isEqualTo(304);
        assertThat(fx.get("/console/assets/secret.js").status()).isEqualTo(404);
    }
}
