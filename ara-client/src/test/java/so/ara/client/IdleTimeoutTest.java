package so.ara.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class IdleTimeoutTest {

    static final Duration IDLE = Duration.ofMillis(200);

    /** Long enough that a loaded machine never trips it where a test expects no timeout. */
    static final Duration GENEROUS = Duration.ofSeconds(10);

    static Flux<Integer> apply(Flux<Integer> source) {
        return apply(source, GENEROUS);
    }

    static Flux<Integer> apply(Flux<Integer> source, Duration idle) {
        return IdleTimeout.apply(source, idle, () -> new IllegalStateException("idle"));
    }

    @Test
    void aSteadySourcePassesAndCompletes() {
        // rows every 40 ms keep a 200 ms idle period from expiring, for longer than the period
        StepVerifier.create(apply(Flux.interval(Duration.ofMillis(40)).take(12).map(Long::intValue), IDLE))
                .expectNextCount(12)
                .verifyComplete();
    }

    @Test
    void aSilentSourceFailsAfterTheIdlePeriodAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        long start = System.nanoTime();
        StepVerifier.create(
                apply(Flux.concat(Flux.just(1, 2), Flux.<Integer>never()).doOnCancel(() -> cancelled.set(true)), IDLE))
                .expectNext(1, 2)
                .expectErrorMessage("idle")
                .verify(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE);
        assertThat(cancelled).isTrue();
    }

    @Test
    void sourceErrorsPassThrough() {
        StepVerifier.create(apply(Flux.concat(Flux.just(1), Flux.error(new IllegalArgumentException("boom")))))
                .expectNext(1)
                .expectErrorMessage("boom")
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void demandIsPassedThrough() {
        StepVerifier.create(apply(Flux.range(1, 1000)), 0)
                .thenRequest(3)
                .expectNext(1, 2, 3)
                .thenRequest(997)
                .expectNextCount(997)
                .verifyComplete();
    }

    @Test
    void eachSubscriptionHasItsOwnClock() {
        Flux<Integer> stream = apply(Flux.just(1));
        StepVerifier.create(stream).expectNext(1).verifyComplete();
        StepVerifier.create(stream).expectNext(1).verifyComplete();
    }
}
