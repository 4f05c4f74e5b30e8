package so.ara.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.gateway.EndpointForwardingException;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;
import so.ara.client.AraApiException;
import so.ara.client.AraClient;
import so.ara.client.AsyncRunRequest;
import so.ara.client.LogEvent;
import so.ara.client.RunResponse;
import so.ara.client.RuntimeAuth;
import so.ara.spec.RunIds;

/**
 * Forwards endpoint calls to the runtime the app is on (the Ara cloud or ara-local) through the {@link AraClient},
 * with the runtime key deploy minted. A plain call answers the run (a failed run is a 502 carrying its id and error);
 * a streaming call follows its own run's log rows, live, until the run's terminal row. An upstream 429 or 503 keeps
 * its status and {@code Retry-After}.
 */
final class ClientRunForwarder implements EndpointRunForwarder {

    /** Gives a fresh live-only log stream time to attach before the run starts; a missed row is recovered by status. */
    private static final Duration ATTACH = Duration.ofMillis(300);

    /** Keeps the shared log stream open this long after its last streaming call, for the next one. */
    private static final Duration IDLE_GRACE = Duration.ofSeconds(5);

    /** Built at the first call: the client's HTTP stack is not needed to start the application. */
    private final Supplier<AraClient> client;

    private final Duration streamTimeout;

    private final SharedRunEvents runEvents;

    ClientRunForwarder(Supplier<AraClient> client, Duration streamTimeout) {
        this.client = SingletonSupplier.of(client);
        this.streamTimeout = streamTimeout;
        this.runEvents = new SharedRunEvents(this.client, ATTACH, IDLE_GRACE);
    }

    @Override
    public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
        return client.get().run(agentId, input).onErrorMap(AraApiException.class, ClientRunForwarder::upstream)
                .flatMap(response -> "failed".equals(response.status())
                        ? Mono.error(EndpointForwardingException.failedRun(runId(response), error(response)))
                        : Mono.just(new ForwardedRun(runId(response), response.raw())));
    }

    @Override
    public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
        return Flux.defer(() -> {
            String runId = RunIds.newRunId();
            // subscribed before the run starts (the app's one shared live stream, filtered to this run)
            ConnectableFlux<LogEvent> events = runEvents.runEvents(runId).replay();
            Disposable connection = events.connect();
            AsyncRunRequest request = new AsyncRunRequest(agentId, input, "poll", null, runId, null, false,
                    RuntimeAuth.DEFAULT);
            AtomicBoolean ended = new AtomicBoolean();
            Flux<ServerSentEvent<?>> own = runEvents.attached()
                    .then(client.get().runAsync(request)
                            .onErrorMap(AraApiException.class, ClientRunForwarder::upstream))
                    .thenMany(events.<ServerSentEvent<?>>map(ClientRunForwarder::event))
                    .take(streamTimeout)
                    .doOnNext(event -> ended.compareAndSet(false, isTerminal(event)));
            return own.concatWith(Flux.defer(() -> ended.get() ? Flux.empty() : afterStreamEnded(runId)))
                    .doFinally(signal -> connection.dispose());
        });
    }

    /** The stream ended or timed out without a terminal row: the run's status decides, or the run counts as lost. */
    private Flux<ServerSentEvent<?>> afterStreamEnded(String runId) {
        return client.get().runStatus(runId).onErrorResume(ex -> Mono.empty()).flatMapMany(status -> status.isTerminal()
                ? Flux.<ServerSentEvent<?>>just(terminal(runId, status)) : Flux.empty())
                .switchIfEmpty(Flux.error(() -> new EndpointForwardingException(HttpStatus.GATEWAY_TIMEOUT,
                        "The agent run " + runId + " did not end within " + streamTimeout.toSeconds()
                                + " s; the runtime may have lost it.", Map.of("run_id", runId), null)));
    }

    private static boolean isTerminal(ServerSentEvent<?> event) {
        return "run.completed".equals(event.event()) || "run.failed".equals(event.event())
                || "run.cancelled".equals(event.event());
    }

    private static ServerSentEvent<?> terminal(String runId, RunResponse status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run_id", runId);
        data.put("event_type", "run." + status.status());
        data.put("status", status.status());
        String error = error(status);
        if (error != null) {
            data.put("error", error);
        }
        return ServerSentEvent.builder(data).event("run." + status.status()).build();
    }

    private static ServerSentEvent<?> event(LogEvent event) {
        return ServerSentEvent.builder(event.raw()).id(event.id()).event(event.eventType()).build();
    }

    private static String runId(RunResponse response) {
        return response.runId() != null ? response.runId() : "unknown";
    }

    private static String error(RunResponse response) {
        if (response.run() != null && response.run().errorMessage() != null) {
            return response.run().errorMessage();
        }
        return response.raw().path("error").isString() ? response.raw().path("error").asString() : null;
    }

    /**
     * 429 and 503 keep their status and Retry-After; a 413 (the runtime's own body limit, below this endpoint's) is a
     * 413, since nothing ran; other upstream errors stay as they are (a 502).
     */
    static Throwable upstream(AraApiException ex) {
        if (ex.getStatus() == 413) {
            return new EndpointForwardingException(HttpStatus.CONTENT_TOO_LARGE,
                    "The Ara runtime refused the request as too large; send a smaller body.", ex);
        }
        if (ex.getStatus() == 429 || ex.getStatus() == 503) {
            Long seconds = ex.getRetryAfterSeconds();
            return EndpointForwardingException.retryLater(HttpStatusCode.valueOf(ex.getStatus()),
                    seconds != null ? Duration.ofSeconds(seconds) : null, ex);
        }
        return ex;
    }
}
