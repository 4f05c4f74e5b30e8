package so.ara.client;

import java.util.Map;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import so.ara.json.AraJson;
import so.ara.spec.RunIds;
import so.ara.spec.Slugify;
import tools.jackson.databind.node.ObjectNode;

import static so.ara.client.JsonBodies.putNullable;
import static so.ara.client.JsonBodies.toObject;

/** {@code POST /v1/apps/{id}/events} with the flat body and {@code X-Idempotency-Key} (docs/ara-reference.md §4.4). */
final class Events {

    private final AraHttp http;
    private final AppIds appIds;
    private final RuntimeKeys keys;

    Events(AraHttp http, AppIds appIds, RuntimeKeys keys) {
        this.http = http;
        this.appIds = appIds;
        this.keys = keys;
    }

    Mono<EventResponse> send(EventRequest request) {
        return Mono.defer(() -> {
            String key = request.idempotencyKey() != null && !request.idempotencyKey().isBlank()
                    ? request.idempotencyKey().strip()
                    : Slugify.slugify(request.eventType()) + "-" + Slugify.slugify(RunIds.newRunId());
            ObjectNode body = AraJson.mapper().createObjectNode();
            putNullable(body, "agent_id", request.agentId());
            putNullable(body, "workflow_id", request.agentId());
            body.put("event_type", request.eventType());
            body.put("channel", request.channel());
            body.put("source", request.source());
            body.put("message", request.message());
            body.set("payload", toObject(request.payload()));
            body.set("metadata", toObject(request.metadata()));
            return this.appIds.with(id -> this.keys.withAuth(id, request.auth(),
                    auth -> this.http.call(HttpMethod.POST, AraUri.of("/v1/apps/{app_id}/events", id), body,
                            Mono.just(auth), Map.of("X-Idempotency-Key", key), this.http.settings().timeout())))
                    .map(answer -> EventResponse.from(answer, key));
        });
    }
}
