package so.ara.local.console;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.json.AraJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The console's own SSE stream: every log row of every app as {@code event: log}, fed by the log hub, an
 * {@code event: apps} whenever the deployed apps change, and keep-alive comments. Pages refresh what a row concerns;
 * after a reconnect they reload their data.
 */
final class ConsoleStream {

    private final ConsoleData data;
    private final Duration heartbeat;

    ConsoleStream(ConsoleData data, Duration heartbeat) {
        this.data = data;
        this.heartbeat = heartbeat;
    }

    Mono<ServerResponse> stream(ServerRequest request) {
        Flux<Optional<ServerSentEvent<String>>> rows = data.live()
                .map(row -> Optional.of(ServerSentEvent.<String>builder(AraJson.mapper().writeValueAsString(row))
                        .event("log").build()))
                .onErrorResume(e -> Flux.empty()) // a slow or failed subscription ends; the browser reconnects
                .concatWith(Mono.just(Optional.empty()));
        Flux<Optional<ServerSentEvent<String>>> apps = data.appChanges()
                .map(change -> Optional.of(ServerSentEvent.<String>builder("{}").event("apps").build()))
                .onErrorResume(e -> Flux.empty());
        Flux<Optional<ServerSentEvent<String>>> beats = Flux.interval(heartbeat, heartbeat)
                .map(i -> Optional.of(ServerSentEvent.<String>builder().comment("keep-alive").build()));
        Flux<ServerSentEvent<String>> events = Flux.just(ServerSentEvent.<String>builder()
                .retry(Duration.ofSeconds(2)).comment("console stream").build())
                .concatWith(Flux.merge(rows, apps, beats).takeWhile(Optional::isPresent).map(Optional::get));
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").body(BodyInserters.fromServerSentEvents(events));
    }
}
