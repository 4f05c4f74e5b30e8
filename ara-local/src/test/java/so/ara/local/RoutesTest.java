package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;
import static so.ara.local.LocalTestSupport.xKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import so.ara.auth.AraSignature;

/** Every management/runtime route over HTTP: happy paths, auth failures and bad input. */
class RoutesTest {

    static AraLocalServer server;
    static LocalTestSupport.CallbackServer callbacks;
    static String base;
    static String cp;
    static String appId;
    static String runtimeKey;

    @BeforeAll
    static void start() {
        server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withLimits(AraLocalSettings.Limits.defaults().withMaxBodyBytes(16384)));
        base = server.baseUrl();
        cp = server.apiKey();
        callbacks = new LocalTestSupport.CallbackServer("cb-secret", req -> {
            String path = (String) req.get("path");
            if (path.endsWith("/prompt")) {
                return "Prompt for " + Json.writeString(Json.map(req.get("body")).get("input"));
            }
            Map<String, Object> body = Json.map(req.get("body"));
            if ("boom".equals(body.get("ticket_id"))) {
                return 500;
            }
            if ("garbage".equals(body.get("ticket_id"))) {
                return new LocalTestSupport.Raw("not json");
            }
            return Json.obj("id", body.get("ticket_id"));
        });
        var created = call(base, HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("routes-app",
                callbacks.url(""),
                callbacks.url("")));
        appId = created.at("app", "id");
        call(base, HttpMethod.PATCH, "/apps/" + appId, bearer(cp), Json.obj("status", "active"));
        call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "ara-java-callback",
                "values", Json.obj("JAVA_CALLBACK_SECRET", "cb-secret")));
        call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "endpoint",
                "values", Json.obj("ARA_ENDPOINT_TRIAGE_AGENT_SECRET", "ep-secret")));
        runtimeKey = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                Json.obj("name", "k", "requests_per_minute", 2000)).at("key");
    }

    @AfterAll
    static void stop() {
        server.close();
        callbacks.close();
    }

    static void assertProblem(LocalTestSupport.Resp resp, int status, String detailContains) {
        assertThat(resp.status()).as(resp.raw()).isEqualTo(status);
        assertThat(resp.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(resp.<Integer>at("status")).isEqualTo(status);
        assertThat(resp.<String>at("detail")).contains(detailContains);
    }

    @Test
    void controlPlaneAuth() {
        assertProblem(call(base, HttpMethod.GET, "/apps", Map.of(), null), 401, "missing Authorization");
        assertProblem(call(base, HttpMethod.GET, "/apps", bearer("nope"), null), 401, "invalid control-plane key");
        assertProblem(call(base, HttpMethod.GET, "/apps", bearer(runtimeKey), null), 401, "invalid");
        var config = call(base, HttpMethod.GET, "/auth/cli/config", Map.of(), null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.<String>at("api_base_url")).isEqualTo(base);
        var who = call(base, HttpMethod.GET, "/auth/cli/whoami", bearer(cp), null);
        assertThat(who.<String>at("user", "id")).isEqualTo("user_local");
        assertThat(who.<String>at("user", "email")).isEqualTo("local@ara.localhost");
    }

    @Test
    void rotateApiKey() {
        try (AraLocalServer other = AraLocalServer.start(LocalTestSupport.testSettings().withApiKey("ak_local_fixed"))) {
            assertThat(other.apiKey()).isEqualTo("ak_local_fixed");
            var rotated = call(other.baseUrl(), HttpMethod.POST, "/apps/api-key/rotate", bearer("ak_local_fixed"), null);
            String newKey = rotated.at("api_key");
            assertThat(newKey).startsWith("ak_local_").isNotEqualTo("ak_local_fixed");
            assertThat(rotated.<String>at("key_prefix")).isEqualTo(newKey.substring(0, 14));
            assertThat(other.apiKey()).isEqualTo(newKey);
            assertThat(call(other.baseUrl(), HttpMethod.GET, "/apps", bearer("ak_local_fixed"), null).status())
                    .isEqualTo(401);
            assertThat(call(other.baseUrl(), HttpMethod.GET, "/apps", bearer(newKey), null).status()).isEqualTo(200);
        }
    }

    @Test
    void createAppValidation() {
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "routes-app")), 409,
                "slug 'routes-app' is already taken");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "x".repeat(101))), 422,
                "name must be 1-100 characters");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("slug", "a")), 400,
                "field 'name' is required");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), "{\"name\": "), 400, "not valid JSON");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), "[1,2]"), 400, "must be a JSON object");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "ok-name", "agent", 5)), 400,
                "field 'agent' must be a JSON object");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "Bad", "slug", "Bad_Slug")),
                422, "slug must match");
        Map<String, String> text = new HashMap<>(bearer(cp));
        text.put("Content-Type", "text/plain");
        assertProblem(call(base, HttpMethod.POST, "/apps", text, "{\"name\":\"t\"}"), 415,
                "as application/json");
        assertProblem(call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "big", "description",
                "x".repeat(17000))), 413, "exceeds 16384 bytes");
        // nothing accepted before is lost, and no half-created app exists
        var apps = call(base, HttpMethod.GET, "/apps", bearer(cp), null);
        List<Object> rows = apps.at("apps");
        assertThat(rows).extracting(r -> Json.map(r).get("slug")).contains("routes-app")
                .doesNotContain("ok-name", "big", "bad-slug");
        var patched = call(base, HttpMethod.PATCH, "/apps/routes-app", bearer(cp), Json.obj("description", "d"));
        assertThat(patched.<String>at("app", "description")).isEqualTo("d");
        assertProblem(call(base, HttpMethod.PATCH, "/apps/app_missing", bearer(cp), Json.obj("status", "active")),
                404, "app 'app_missing' not found");
        assertProblem(call(base, HttpMethod.PATCH, "/apps/" + appId, bearer(cp), Json.obj("status", "weird")), 422,
                "status must be one of");
        var slugged = call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "Hello World!!"));
        assertThat(slugged.<String>at("app", "slug")).isEqualTo("hello-world");
    }

    @Test
    void keysAndXKeys() {
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                Json.obj("requests_per_minute", 0)), 422, "between 1 and 2000");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                Json.obj("requests_per_minute", "ten")), 400, "must be an integer");
        var x = call(base, HttpMethod.POST, "/apps/" + appId + "/x-keys", bearer(cp), Json.obj("name", "revoke-me"));
        assertThat(x.<Integer>at("requests_per_minute")).isEqualTo(30);
        String key = x.at("key");
        assertThat(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/run-x", xKey(key), null).status())
                .isEqualTo(404);
        var del = call(base, HttpMethod.DELETE, "/apps/" + appId + "/x-keys/" + x.at("id"), bearer(cp), null);
        assertThat(del.status()).isEqualTo(204);
        assertProblem(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/run-x", xKey(key), null), 401,
                "revoked");
        assertProblem(call(base, HttpMethod.DELETE, "/apps/" + appId + "/x-keys/xkey_nope", bearer(cp), null), 404,
                "x-key 'xkey_nope' not found");
        var list = call(base, HttpMethod.GET, "/apps/" + appId + "/x-keys", bearer(cp), null);
        List<Object> keys = list.at("keys");
        assertThat(keys).anySatisfy(k -> {
            assertThat(Json.map(k).get("id")).isEqualTo(x.at("id"));
            assertThat(Json.map(k).get("is_active")).isEqualTo(false);
        });
    }

    @Test
    void runtimeAuthFailures() {
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", Map.of(), Json.obj()), 401,
                "missing runtime credentials");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer("ak_app_unknown"),
                Json.obj()), 401, "unknown runtime key");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(cp), Json.obj()), 401,
                "unknown runtime key");
        String otherId = call(base, HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "other-app"))
                .at("app", "id");
        String otherKey = call(base, HttpMethod.POST, "/apps/" + otherId + "/keys", bearer(cp), Json.obj()).at("key");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(otherKey), Json.obj()), 403,
                "another app");
        assertProblem(call(base, HttpMethod.GET, "/v1/apps/nope/runs/x", bearer(otherKey), null), 404,
                "app 'nope' not found");
    }

    @Test
    void rateLimit() {
        String key = call(base, HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp),
                Json.obj("requests_per_minute", 2)).at("key");
        assertThat(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/none", bearer(key), null).status())
                .isEqualTo(404);
        assertThat(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/none", bearer(key), null).status())
                .isEqualTo(404);
        var limited = call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/none", bearer(key), null);
        assertProblem(limited, 429, "exceeded 2 requests per minute");
        long retry = Long.parseLong(limited.headers().getFirst("Retry-After"));
        assertThat(retry).isBetween(1L, 60L);
    }

    @Test
    void runBadInput() {
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), "{oops"), 400,
                "not valid JSON");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey),
                Json.obj("input", "text")), 400, "field 'input' must be a JSON object");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey),
                Json.obj("agent_id", "ghost")), 404, "agent 'ghost' not found");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey),
                Json.obj("response_mode", "push")), 422, "response_mode must be 'poll' or 'webhook'");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey),
                Json.obj("response_mode", "webhook")), 422, "requires callback.url");
        assertProblem(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/runs/run-missing", bearer(runtimeKey), null),
                404, "run 'run-missing' not found");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/events", bearer(runtimeKey),
                Json.obj("payload", List.of())), 400, "field 'payload' must be a JSON object");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + appId + "/runs", bearer(runtimeKey),
                Json.obj("warmup", "yes")), 400, "field 'warmup' must be a boolean");
        Map<String, String> last = new HashMap<>(bearer(runtimeKey));
        last.put("Last-Event-ID", "abc");
        assertProblem(call(base, HttpMethod.GET, "/v1/apps/" + appId + "/logs/stream", last, null), 400,
                "Last-Event-ID must be");
    }

    @Test
    void promptCallbackAndToolFailures() {
        var ok = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey),
                Json.obj("input", Json.obj("message", "m")));
        assertThat(ok.<String>at("status")).isEqualTo("completed");
        List<Map<String, Object>> prompts = callbacks.received.stream()
                .filter(r -> r.get("path").toString().endsWith("/prompt")).toList();
        assertThat(prompts.get(prompts.size() - 1).get("body")).isEqualTo(Json.obj("input", Json.obj("message", "m")));
        var boom = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id",
                        "boom"))))));
        assertThat(boom.<String>at("run", "error", "message")).isEqualTo("tool 'lookup_ticket' failed: RuntimeError:"
                + " Tool 'lookup_ticket' failed in Java (HTTP 500): {}");
        var garbage = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id",
                        "garbage"))))));
        assertThat(garbage.<String>at("run", "error", "message"))
                .isEqualTo("tool 'lookup_ticket' failed: RuntimeError: Tool 'lookup_ticket': the Spring app answered"
                        + " invalid JSON");
        var unknown = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("name", "nope")))));
        assertThat(unknown.<String>at("run", "error", "message")).isEqualTo("tool 'nope' is not a tool of app 'routes-app'");
        var malformed = call(base, HttpMethod.POST, "/v1/apps/" + appId + "/run", bearer(runtimeKey), Json.obj("input",
                Json.obj("tool_calls", List.of(Json.obj("args", Json.obj())))));
        assertThat(malformed.<String>at("run", "error", "message"))
                .isEqualTo("input.tool_calls[0] must be an object with a non-empty \"name\"");
    }

    @Test
    void slowJavaToolTimesOut() {
        try (var slow = new LocalTestSupport.CallbackServer("s", req -> {
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.obj();
        }); AraLocalServer s = AraLocalServer.start(LocalTestSupport.testSettings()
                .withPython(so.ara.local.python.PythonSettings.defaults()
                        .withCallTimeout(java.time.Duration.ofMillis(2500))))) {
            String k = s.apiKey();
            String id = call(s.baseUrl(), HttpMethod.POST, "/apps", bearer(k), LocalTestSupport.manifest("slow",
                    slow.url(""), null)).at("app", "id");
            call(s.baseUrl(), HttpMethod.POST, "/apps/" + id + "/secrets", bearer(k), Json.obj("name", "cb",
                    "values", Json.obj("JAVA_CALLBACK_SECRET", "s")));
            String rk = call(s.baseUrl(), HttpMethod.POST, "/apps/" + id + "/keys", bearer(k), Json.obj()).at("key");
            var run = call(s.baseUrl(), HttpMethod.POST, "/v1/apps/" + id + "/run", bearer(rk), Json.obj("input",
                    Json.obj("tool_calls", List.of(Json.obj("name", "lookup_ticket", "args", Json.obj("ticket_id",
                            "T-1"))))));
            assertThat(run.<String>at("run", "error", "message"))
                    .isEqualTo("tool 'lookup_ticket' timed out after 2500 ms (its interpreter was stopped)");
        }
    }

    @Test
    void secrets() {
        var put = call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name",
                "Sdk-Dict-1", "values", Json.obj("HELPDESK_TOKEN", "very-secret-value")));
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.<String>at("name")).isEqualTo("sdk-dict-1");
        var upd = call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name",
                "sdk-dict-1", "values", Json.obj("HELPDESK_TOKEN", "v2")));
        assertThat(upd.status()).isEqualTo(200);
        var list = call(base, HttpMethod.GET, "/apps/" + appId + "/secrets", bearer(cp), null);
        assertThat(list.raw()).contains("\"sdk-dict-1\"").doesNotContain("very-secret-value").doesNotContain("v2")
                .doesNotContain("cb-secret");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "a",
                "values", Json.obj("K", "v"))), 422, "Secret name must match");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "ab",
                "values", Json.obj())), 422, "Secret values cannot be empty");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "ab",
                "values", Json.obj("K", 5))), 422, "Secret values must be a dict[str, str]");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "ab")),
                400, "field 'values' is required");
        assertThat(call(base, HttpMethod.DELETE, "/apps/" + appId + "/secrets/sdk-dict-1", bearer(cp), null).status())
                .isEqualTo(204);
        assertProblem(call(base, HttpMethod.DELETE, "/apps/" + appId + "/secrets/sdk-dict-1", bearer(cp), null), 404,
                "secret 'sdk-dict-1' not found");
    }

    @Test
    void invites() {
        var ok = call(base, HttpMethod.POST, "/apps/" + appId + "/invites", bearer(cp), Json.obj("email", "a@b.co"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.<String>at("invite", "role")).isEqualTo("viewer");
        assertThat(ok.<Integer>at("invite", "expires_in_hours")).isEqualTo(168);
        var bad = call(base, HttpMethod.POST, "/apps/" + appId + "/invites", bearer(cp), Json.obj("email", "ok@x.io",
                "role", "owner", "expires_in_hours", 721));
        assertProblem(bad, 422, "invalid invite");
        List<Object> errors = bad.at("errors");
        assertThat(errors).extracting(e -> Json.map(e).get("field"))
                .containsExactly("role", "expires_in_hours");
        var bad2 = call(base, HttpMethod.POST, "/apps/" + appId + "/invites", bearer(cp), Json.obj("email", "ab",
                "expires_in_hours", 0));
        assertThat(bad2.<List<Object>>at("errors")).extracting(e -> Json.map(e).get("field"))
                .containsExactly("email", "expires_in_hours");
        assertProblem(call(base, HttpMethod.POST, "/apps/" + appId + "/invites", bearer(cp), Json.obj()), 400,
                "field 'email' is required");
    }

    @Test
    void unknownRouteAndWrongMethod() {
        assertProblem(call(base, HttpMethod.GET, "/nope", bearer(cp), null), 404, "no route GET /nope");
        var wrong = call(base, HttpMethod.PUT, "/apps", bearer(cp), Json.obj());
        assertProblem(wrong, 405, "PUT is not supported on /apps");
        assertThat(wrong.headers().getFirst("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void platformOnlyRoutesAnswer501() {
        assertProblem(call(base, HttpMethod.POST, "/auth/cli/device/start", Map.of(), Json.obj("provider", "google")),
                501, "OAuth device login is not available in ara-local; use `ara auth login --api-key");
        assertProblem(call(base, HttpMethod.POST, "/session/terminal/exec", bearer(cp), Json.obj("command", "ls")),
                501, "sandbox sessions (/session/terminal/exec) is not available in ara-local");
        assertProblem(call(base, HttpMethod.POST, "/session/terminal/exec", Map.of(), Json.obj()), 401, "missing");
        assertProblem(call(base, HttpMethod.GET, "/automations/jobs", bearer(cp), null), 501,
                "the automations API is not available in ara-local");
    }

    static Map<String, String> hmac(String secret, byte[] body, long ts) {
        String delivery = "dlv_" + java.util.UUID.randomUUID();
        return Map.of(AraSignature.TIMESTAMP_HEADER, Long.toString(ts), AraSignature.DELIVERY_ID_HEADER, delivery,
                AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, ts, delivery, body), "Content-Type",
                "application/json");
    }

    @Test
    void endpointGatewayHmac() {
        byte[] body = "{\"message\":\"from gateway\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        var ok = call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/triage-agent?x=1",
                hmac("ep-secret", body, now), body);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.headers().getFirst("X-Ara-Run-Id")).isEqualTo(ok.<String>at("run", "run_id"));
        assertThat(ok.headers().getFirst("X-Request-Id"))
                .isEqualTo(ok.<String>at("run", "input", "gateway", "request_id"));
        assertThat(ok.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ok.<String>at("output", "text")).isEqualTo("[triage_agent] from gateway");
        assertThat(ok.<Object>at("run", "input", "input")).isEqualTo(Json.obj("message", "from gateway"));
        assertThat(ok.<Object>at("run", "input", "gateway", "query")).isEqualTo(Json.obj("x", "1"));
        assertThat(ok.<String>at("run", "input", "gateway", "label")).isEqualTo("triage-agent");
        assertThat(ok.<String>at("run", "input", "gateway", "method")).isEqualTo("POST");
        // the shared gateway's field set, the same the starter's routes send
        assertThat(ok.<String>at("run", "input", "gateway", "app")).isEqualTo("routes-app");
        assertThat(ok.<String>at("run", "input", "gateway", "path"))
                .isEqualTo("/v1/apps/routes-app/endpoints/triage-agent");
        assertThat(ok.<String>at("run", "input", "gateway", "route")).isEqualTo("/triage-agent");
        assertThat(ok.<Object>at("run", "input", "gateway", "auth")).isEqualTo(Json.obj("mode", "hmac", "scheme",
                "ara-signature", "message_id", ok.<String>at("run", "input", "gateway", "auth", "message_id")));
        assertThat(ok.<String>at("run", "input", "gateway", "auth", "message_id")).startsWith("dlv_");
        assertThat(ok.<Map<String, Object>>at("run", "input", "gateway", "headers"))
                .containsEntry("content-type", "application/json").doesNotContainKey("x-ara-signature");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/triage-agent",
                hmac("wrong", body, now), body), 401, "invalid signature");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/triage-agent",
                hmac("ep-secret", body, now - 301), body), 401, "timestamp outside tolerance");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/triage-agent",
                Map.of("Content-Type", "application/json"), body), 401, "missing signature headers");
        var wrongMethod = call(base, HttpMethod.GET, "/v1/apps/routes-app/endpoints/triage-agent", Map.of(), null);
        assertProblem(wrongMethod, 405, "Method GET is not supported here; use POST.");
        assertThat(wrongMethod.headers().getFirst("Allow")).isEqualTo("POST");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/nope", Map.of(), body), 404,
                "endpoint 'nope' not found");
        byte[] bad = "{bad".getBytes(StandardCharsets.UTF_8);
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/routes-app/endpoints/triage-agent",
                hmac("ep-secret", bad, now), bad), 400, "not valid JSON");
    }

    @Test
    void endpointGatewayOtherModes() {
        String k = cp;
        List<Object> endpoints = List.of(
                endpoint("open", "GET", Json.obj("mode", "none", "header_name", "", "secret_env", "")),
                endpoint("hdr", "POST", Json.obj("mode", "header", "header_name", "X-Ara-Endpoint-Secret",
                        "secret_env", "HDR_SECRET")),
                endpoint("bear", "PUT", Json.obj("mode", "bearer", "header_name", "", "secret_env", "BEAR_SECRET")),
                endpoint("unset", "POST", Json.obj("mode", "bearer", "header_name", "", "secret_env", "MISSING")));
        Map<String, Object> manifest = LocalTestSupport.manifest("gw-modes", null, null);
        manifest.put("interfaces", Json.obj("fastapi_endpoints", endpoints));
        String id = call(base, HttpMethod.POST, "/apps", bearer(k), manifest).at("app", "id");
        call(base, HttpMethod.POST, "/apps/" + id + "/secrets", bearer(k), Json.obj("name", "gw", "values",
                Json.obj("HDR_SECRET", "h-1", "BEAR_SECRET", "b-1")));
        var open = call(base, HttpMethod.GET, "/v1/apps/gw-modes/endpoints/open?q=z", Map.of(), null);
        assertThat(open.<String>at("output", "text")).isEqualTo("[triage_agent] ");
        assertThat(open.<Object>at("run", "input", "gateway", "query")).isEqualTo(Json.obj("q", "z"));
        assertThat(call(base, HttpMethod.POST, "/v1/apps/gw-modes/endpoints/hdr",
                Map.of("X-Ara-Endpoint-Secret", "h-1"), Json.obj("message", "h")).<String>at("output", "text"))
                .isEqualTo("[triage_agent] h");
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/gw-modes/endpoints/hdr",
                Map.of("X-Ara-Endpoint-Secret", "h-2"), Json.obj()), 401, "invalid credentials");
        assertThat(call(base, HttpMethod.PUT, "/v1/apps/" + id + "/endpoints/bear", bearer("b-1"),
                Json.obj("message", "b")).<String>at("output", "text")).isEqualTo("[triage_agent] b");
        var badBearer = call(base, HttpMethod.PUT, "/v1/apps/" + id + "/endpoints/bear", bearer("b-2"), Json.obj());
        assertProblem(badBearer, 401, "invalid credentials");
        assertThat(badBearer.raw()).doesNotContain("b-1");
        // a missing secret is the server's configuration, not the caller's credentials: 503, as the starter answers
        assertProblem(call(base, HttpMethod.POST, "/v1/apps/" + id + "/endpoints/unset", bearer("x"), Json.obj()), 503,
                "its secret is missing");
    }

    static Map<String, Object> endpoint(String label, String method, Map<String, Object> auth) {
        return Json.obj("type", "fastapi_endpoint", "method", method, "path", "/" + label, "label", label, "docs",
                false, "auth", auth, "agent_id", "triage_agent", "workflow_id", "triage_agent");
    }
}
