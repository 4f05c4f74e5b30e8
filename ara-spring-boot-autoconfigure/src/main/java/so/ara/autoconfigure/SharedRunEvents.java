package so.ara.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.client.AraClient;
import so.ara.client.LogEvent;
import so.ara.client.LogStreamOptions;

/**
 * One live upstream log stream of the app, shared by all streaming endpoint calls: each call filters its own run's
 * rows (instead of every call opening its own stream and receiving every run's rows). The connection opens with the
 * first subscriber and closes after an idle grace once the last one left; a later call opens it again.
 */
final class SharedRunEvents {

    private final Flux<LogEvent> shared;

    private final Duration attach;

    /** Completes once the current connection had time to attach; replaced per connection. */
    private volatile Mono<Void> attached = Mono.empty();

    SharedRunEvents(Supplier<AraClient> client, Duration attach, Duration grace) {
        this.attach = attach;
        // live only (no replay of the app's log history)
        this.shared = Flux.defer(() -> client.get().logs(LogStreamOptions.defaults()))
                .doOnSubscribe(subscription -> connecting())
                .publish()
                .refCount(1, grace);
    }

    /** The live rows of one run, ending with its terminal row. Subscribe first, then wait {@link #attached()}. */
    Flux<LogEvent> runEvents(String runId) {
        return this.shared.filter(event -> runId.equals(event.runId())).takeUntil(LogEvent::isTerminal);
    }

    /**
     * Completes when the shared connection is live: no row signals that, so a fresh connection gets a short attach
     * delay (shared by every call that arrives meanwhile); an established one completes at once.
     */
    Mono<Void> attached() {
        return this.attached;
    }

    private void connecting() {
        Mono<Void> delay = Mono.delay(this.attach).then().cache();
        delay.subscribe();
        this.attached = delay;
    }
}
