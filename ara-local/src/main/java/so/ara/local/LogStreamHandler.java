package so.ara.local;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /v1/apps/{id}/logs/stream}: SSE log rows, resumed after {@code Last-Event-ID}. */
final class LogStreamHandler {

    private final LogHub logs;

    LogStreamHandler(LogHub logs) {
        this.logs = logs;
    }

    Mono<ServerResponse> stream(ServerRequest r) {
        LocalApp app = RuntimeAuthFilter.app(r);
        String last = r.headers().firstHeader("Last-Event-ID");
        if (last == null) {
            last = r.queryParam("last_event_id").orElse(null);
        }
        long after = LogHub.LIVE; // no Last-Event-ID: live rows only, no backfill (as Ara)
        if (last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Last-Event-ID must be a log row id (an integer)");
            }
        }
        return Responses.eventStream(logs.sseFrames(app.id, after));
    }
}
