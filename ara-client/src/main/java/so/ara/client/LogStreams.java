package so.ara.client;

import java.util.Map;

import reactor.core.publisher.Flux;

/**
 * {@code GET /v1/apps/{id}/logs/stream} as typed rows. With reconnect on, a dropped connection is reopened with
 * {@code Last-Event-ID} after an exponential backoff (honouring {@code retry:}); rows already seen are skipped.
 */
final class LogStreams {

    private final AraHttp http;
    private final AppIds appIds;
    private final RuntimeKeys keys;

    LogStreams(AraHttp http, AppIds appIds, RuntimeKeys keys) {
        this.http = http;
        this.appIds = appIds;
        this.keys = keys;
    }

    Flux<LogEvent> logs(LogStreamOptions options) {
        boolean reconnect = options.reconnect() != null ? options.reconnect() : this.http.settings().reconnect();
        return this.appIds.get().flatMapMany(id -> {
            AraUri uri = AraUri.of("/v1/apps/{app_id}/logs/stream", id);
            // credentials are chosen per connection: a reconnect after the key was superseded uses a fresh one
            return SseStreams.logEvents(lastId -> this.keys.withAuthMany(id, options.auth(),
                    auth -> this.http.eventStream(uri, auth,
                            lastId != null ? Map.of("Last-Event-ID", lastId) : Map.of())),
                    uri.expanded(), reconnect, this.http.settings(), options.lastEventId());
        });
    }

    Flux<LogEvent> runEvents(String runId, LogStreamOptions options) {
        return logs(options).filter(event -> runId.equals(event.runId())).takeUntil(LogEvent::isTerminal);
    }
}
