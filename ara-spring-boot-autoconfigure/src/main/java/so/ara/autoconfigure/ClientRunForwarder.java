package so.ara.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.autoconfigure.endpoint.EndpointRunForwarder;
import so.ara.autoconfigure.endpoint.ForwardedRun;
import so.ara.client.AraClient;
import so.ara.client.AsyncRunRequest;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;
import so.ara.client.RuntimeAuth;
import so.ara.spec.RunIds;

/**
 * Forwards endpoint calls to the runtime the app is on (the Ara cloud or ara-local) through the {@link AraClient},
 * with the runtime key deploy minted. A plain call answers the run; a streaming call answers the run's log events.
 */
final class ClientRunForwarder implements EndpointRunForwarder {

    /** Gives a live-only log stream (the Ara cloud's) time to attach before the run starts. */
    private static final Duration ATTACH = Duration.ofMillis(300);

    private final AraClient client;

    ClientRunForwarder(AraClient client) {
        this.client = client;
    }

    @Override
    public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
        return client.run(agentId, input).map(response -> new ForwardedRun(response.runId(), response.raw()));
    }

    @Override
    public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
        return Flux.defer(() -> {
            String runId = RunIds.newRunId();
            // Replays the buffer on control planes that keep one (ara-local), so nothing is missed either way.
            ConnectableFlux<LogEvent> events = client
                    .runEvents(runId, LogStreamOptions.defaults().withLastEventId("0")).replay();
            reactor.core.Disposable connection = events.connect();
            AsyncRunRequest request = new AsyncRunRequest(agentId, input, "poll", null, runId, null, false,
                    RuntimeAuth.DEFAULT);
            return Mono.delay(ATTACH).then(client.runAsync(request)).thenMany(events)
                    .<ServerSentEvent<?>>map(ClientRunForwarder::event).doFinally(signal -> connection.dispose());
        });
    }

    private static ServerSentEvent<?> event(LogEvent event) {
        return ServerSentEvent.builder(event.raw()).id(event.id()).event(event.eventType()).build();
    }
}
