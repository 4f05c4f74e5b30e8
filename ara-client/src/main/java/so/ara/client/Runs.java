package so.ara.client;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import so.ara.client.AraHttp.Auth;
import so.ara.json.AraJson;
import so.ara.spec.RunIds;
import so.ara.spec.Slugify;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static so.ara.client.JsonBodies.putNullable;
import static so.ara.client.JsonBodies.toObject;

/** Synchronous and asynchronous runs and their status (docs/ara-reference.md §4.4). */
final class Runs {

    private final AraHttp http;
    private final AppIds appIds;
    private final RuntimeKeys keys;

    Runs(AraHttp http, AppIds appIds, RuntimeKeys keys) {
        this.http = http;
        this.appIds = appIds;
        this.keys = keys;
    }

    Mono<RunResponse> run(RunRequest request) {
        return Mono.defer(() -> {
            ObjectNode input = toObject(request.input());
            if (!input.hasNonNull("run_id")) {
                input.put("run_id", RunIds.newRunId());
            }
            if (!input.hasNonNull("idempotency_key")) {
                input.put("idempotency_key",
                        Slugify.slugify(request.agentId() != null ? request.agentId() : "default-agent") + "-"
                                + Slugify.slugify(input.get("run_id").asString()));
            }
            return this.appIds.with(id -> this.keys.withAuth(id, request.auth(),
                    auth -> postRun(id, request.agentId(), false, input, auth)))
                    .map(RunResponse::from);
        });
    }

    Mono<JsonNode> postRun(String appId, @Nullable String agentId, boolean warmup, JsonNode input, Auth auth) {
        ObjectNode body = AraJson.mapper().createObjectNode();
        putNullable(body, "agent_id", agentId);
        putNullable(body, "workflow_id", agentId);
        body.put("warmup", warmup);
        body.set("input", input);
        return this.http.call(HttpMethod.POST, AraUri.of("/v1/apps/{app_id}/run", appId), body, Mono.just(auth),
                Map.of(), this.http.settings().runTimeout());
    }

    Mono<RunResponse> runAsync(AsyncRunRequest request) {
        return Mono.defer(() -> {
            if ("webhook".equals(request.responseMode())
                    && (request.callback() == null || request.callback().url() == null
                            || request.callback().url().isBlank())) {
                return Mono.error(new IllegalArgumentException(
                        "run-async with --response-mode webhook requires --callback-url"));
            }
            String runId = request.runId() != null && !request.runId().isBlank() ? request.runId().strip()
                    : RunIds.newRunId();
            String idempotencyKey = request.idempotencyKey() != null && !request.idempotencyKey().isBlank()
                    ? request.idempotencyKey().strip() : "run-" + Slugify.slugify(runId);
            ObjectNode body = AraJson.mapper().createObjectNode();
            putNullable(body, "agent_id", request.agentId());
            putNullable(body, "workflow_id", request.agentId());
            body.put("warmup", request.warmup());
            body.set("input", toObject(request.input()));
            body.put("response_mode", request.responseMode());
            body.put("run_id", runId);
            body.put("idempotency_key", idempotencyKey);
            if (request.callback() != null) {
                ObjectNode callback = body.putObject("callback");
                callback.put("url", request.callback().url());
                callback.put("secret", request.callback().secret());
                ArrayNode events = callback.putArray("events");
                request.callback().events().forEach(events::add);
            }
            return this.appIds.with(id -> this.keys.withAuth(id, request.auth(),
                    auth -> this.http.call(HttpMethod.POST, AraUri.of("/v1/apps/{app_id}/runs", id), body,
                            Mono.just(auth))))
                    .map(RunResponse::from);
        });
    }

    Mono<RunResponse> runStatus(String runId, RuntimeAuth auth) {
        if (runId == null || runId.isBlank()) {
            return Mono.error(new IllegalArgumentException("run_status requires run_id"));
        }
        return this.appIds.with(id -> this.keys.withAuth(id, auth, a -> this.http.call(HttpMethod.GET,
                AraUri.of("/v1/apps/{app_id}/runs/{run_id}", id, runId.strip()), null, Mono.just(a))))
                .map(RunResponse::from);
    }

    Mono<RunResponse> awaitRun(String runId, Duration interval, RuntimeAuth auth) {
        return runStatus(runId, auth)
                .repeatWhen(done -> done.delayElements(interval))
                .takeUntil(RunResponse::isTerminal)
                .last();
    }
}
