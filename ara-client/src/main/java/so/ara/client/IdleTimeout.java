package so.ara.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Fails a stream that signals nothing for an idle period, checked by one periodic timer per subscription (every
 * quarter of the period). Reactor's {@code timeout(Duration)} arms and cancels a timer for every element, which cost
 * about a third of a log row's parsing time.
 */
final class IdleTimeout {

    private IdleTimeout() {
    }

    /** {@code source}, failing with {@code error} once it has been silent for between {@code idle} and 1.25 x that. */
    static <T> Flux<T> apply(Flux<T> source, Duration idle, Supplier<? extends Throwable> error) {
        return Flux.defer(() -> {
            long idleNanos = idle.toNanos();
            AtomicLong lastSignal = new AtomicLong(System.nanoTime());
            AtomicBoolean timedOut = new AtomicBoolean();
            Sinks.One<Boolean> expired = Sinks.one();
            Duration period = Duration.ofNanos(Math.max(1_000_000, idleNanos / 4));
            Disposable timer = Flux.interval(period, period, Schedulers.parallel()).subscribe(tick -> {
                if (System.nanoTime() - lastSignal.get() >= idleNanos && timedOut.compareAndSet(false, true)) {
                    expired.tryEmitValue(Boolean.TRUE);
                }
            });
            return source.doOnNext(item -> lastSignal.lazySet(System.nanoTime()))
                    .takeUntilOther(expired.asMono())
                    .concatWith(Mono.defer(() -> timedOut.get() ? Mono.error(error.get()) : Mono.empty()))
                    .doFinally(signal -> timer.dispose());
        });
    }

    static TimeoutException timeoutException(Duration idle) {
        return new TimeoutException("Did not observe any item or terminal signal within " + idle.toMillis() + "ms");
    }
}
