package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import so.ara.json.AraJson;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The OpenAI-compatible model against a tiny local fake of the chat-completions API. */
class OpenAiModelTest {

    @Test
    void toolCallingLoop() {
        List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        DisposableServer fake = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r.post("/v1/chat/completions", (req, res) -> req.receive().aggregate().asByteArray()
                        .flatMap(bytes -> {
                            Map<String, Object> body = Json.map(AraJson.mapper().readValue(bytes, Object.class));
                            requests.add(body);
                            auth.add(req.requestHeaders().get("Authorization"));
                            List<Map<String, Object>> messages = Json.maps(body.get("messages"));
                            Map<String, Object> message;
                            if (messages.size() == 1) {
                                message = Json.obj("role", "assistant", "content", null, "tool_calls", List.of(
                                        Json.obj("id", "call_1", "type", "function", "function", Json.obj("name",
                                                "lookup_ticket", "arguments", "{\"ticket_id\":\"T-7\"}"))));
                            } else {
                                Map<String, Object> last = messages.get(messages.size() - 1);
                                message = Json.obj("role", "assistant", "content", "Ticket says " + last.get("content")
                                        + " (" + last.get("tool_call_id") + ")");
                            }
                            byte[] out = Json.write(Json.obj("id", "chatcmpl-1", "choices", List.of(Json.obj("index",
                                    0, "message", message, "finish_reason", "stop"))));
                            return res.header("Content-Type", "application/json").sendByteArray(Mono.just(out)).then();
                        })))
                .bindNow();
        try (var callbacks = new LocalTestSupport.CallbackServer("cb", req -> Json.obj("id", Json.map(req.get("body"))
                .get("ticket_id"), "status", "closed"));
                AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings().withModel(
                        AraLocalSettings.ModelSettings.openAiCompatible("http://127.0.0.1:" + fake.port() + "/v1",
                                "local-test-model", "sk-test")))) {
            String cp = server.apiKey();
            String id = call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest(
                    "oai", callbacks.url(""), null)).at("app", "id");
            call(server.baseUrl(), HttpMethod.POST, "/apps/" + id + "/secrets", bearer(cp), Json.obj("name", "cb",
                    "values", Json.obj("JAVA_CALLBACK_SECRET", "cb")));
            String key = call(server.baseUrl(), HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp), Json.obj())
                    .at("key");
            var run = call(server.baseUrl(), HttpMethod.POST, "/v1/apps/" + id + "/run", bearer(key),
                    Json.obj("input", Json.obj("message", "status of T-7?")));
            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("completed");
            assertThat(run.<String>at("output", "text"))
                    .isEqualTo("Ticket says {\"id\":\"T-7\",\"status\":\"closed\"} (call_1)");
            assertThat(run.<Object>at("output", "tool_calls")).isEqualTo(List.of(Json.obj("name", "lookup_ticket",
                    "args", Json.obj("ticket_id", "T-7"), "result", Json.obj("id", "T-7", "status", "closed"))));
            assertThat(requests).hasSize(2);
            assertThat(auth).containsOnly("Bearer sk-test");
            Map<String, Object> first = requests.get(0);
            assertThat(first.get("model")).isEqualTo("local-test-model");
            assertThat(Json.maps(first.get("messages")).get(0)).isEqualTo(Json.obj("role", "user", "content",
                    "Triage the ticket found in input['input']."));
            assertThat(first.get("tools")).isEqualTo(List.of(
                    Json.obj("type", "function", "function", Json.obj("name", "lookup_ticket", "description",
                            "Fetch one ticket by id.", "parameters", Json.obj("type", "object", "properties",
                                    Json.obj("ticket_id", Json.obj("type", "string")), "required",
                                    List.of("ticket_id")))),
                    Json.obj("type", "function", "function", Json.obj("name", "python_only", "description", "",
                            "parameters", Json.obj("type", "object")))));
            var rows = server.logs().rows(id, 0);
            assertThat(rows).extracting(LogHub.Row::eventType).containsExactly("run.started", "run.prompt.built",
                    "run.model.started", "run.model.completed", "run.tool.started", "run.tool.completed",
                    "run.model.started", "run.model.completed", "run.completed");
        } finally {
            fake.disposeNow();
        }
    }

    @Test
    void modelHttpErrorFailsTheRun() {
        DisposableServer fake = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> res.status(503).sendString(Mono.just("down"))).bindNow();
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings().withModel(
                AraLocalSettings.ModelSettings.openAiCompatible("http://127.0.0.1:" + fake.port(), "m", null)))) {
            String cp = server.apiKey();
            String id = call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(cp), Json.obj("name", "e"))
                    .at("app", "id");
            String key = call(server.baseUrl(), HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp), Json.obj())
                    .at("key");
            var run = call(server.baseUrl(), HttpMethod.POST, "/v1/apps/" + id + "/run", bearer(key), Json.obj());
            assertThat(run.<String>at("run", "error", "message")).isEqualTo("model answered HTTP 503");
            var rows = server.logs().rows(id, 0);
            assertThat(rows).extracting(LogHub.Row::eventType).containsExactly("run.started", "run.prompt.built",
                    "run.model.started", "run.model.failed", "run.failed");
            Map<String, Object> failedTurn = Json.map(Json.parse(rows.get(3).data().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(Json.map(failedTurn, "data")).containsEntry("turn", 1)
                    .containsEntry("error", "model answered HTTP 503");
            assertThat(failedTurn).containsEntry("level", "error");
        } finally {
            fake.disposeNow();
        }
    }
}
