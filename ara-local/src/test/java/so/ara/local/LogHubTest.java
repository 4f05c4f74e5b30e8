package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class LogHubTest {

    LogHub hub = new LogHub(5, 4, Duration.ofMillis(100), Clock.systemUTC());

    @Test
    void ringBufferKeepsNewestRows() {
        for (int i = 0; i < 8; i++) {
            hub.publish("app", "run-" + i, "run.started", "m" + i, null);
        }
        assertThat(hub.rows("app", 0)).extracting(LogHub.Row::id).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(hub.rows("app", 6)).extracting(LogHub.Row::id).containsExactly(7L, 8L);
        assertThat(hub.rows("app", 0).get(0).json().get("level")).isEqualTo("info");
        assertThat(hub.publish("app", "r", "run.failed", "x", null).json().get("level")).isEqualTo("error");
    }

    @Test
    void rowsAreBoundedByBytesOverAllAppsOldestFirst() {
        LogHub bounded = new LogHub(10_000, 20_000, 16, Duration.ofSeconds(10), Clock.systemUTC(), LogRowStore.NONE);
        String kb = "x".repeat(1000);
        for (int i = 0; i < 50; i++) {
            bounded.publish(i % 2 == 0 ? "a" : "b", "r", "run.started", kb, null);
            assertThat(bounded.bytes()).isLessThanOrEqualTo(20_000);
        }
        List<LogHub.Row> a = bounded.rows("a", 0);
        List<LogHub.Row> b = bounded.rows("b", 0);
        assertThat(a.size() + b.size()).isBetween(10, 20);
        assertThat(a.get(a.size() - 1).id()).isEqualTo(25); // the newest rows are kept
        assertThat(b.get(b.size() - 1).id()).isEqualTo(25);
        assertThat(a.get(0).id()).isGreaterThan(1); // the oldest went first
    }

    @Test
    void resumePointOlderThanTheBufferIsReportedAsAGap() {
        for (int i = 0; i < 9; i++) {
            hub.publish("g", "r", "run.started", "m", null);
        }
        StepVerifier.create(hub.sseFrames("g", 2).take(4))
                .expectNext("retry: 1000\n\n")
                .expectNext(": gap: rows 3-4 were evicted from the ring buffer\n\n")
                .assertNext(f -> assertThat(f).startsWith("id: 5\nevent: run.started\ndata: {\"id\":\"5\""))
                .assertNext(f -> assertThat(f).startsWith("id: 6\n"))
                .verifyComplete();
        StepVerifier.create(hub.sseFrames("g", 4).take(2))
                .expectNext("retry: 1000\n\n")
                .assertNext(f -> assertThat(f).startsWith("id: 5\n"))
                .verifyComplete();
    }

    @Test
    void unknownFutureIdReplaysTheBuffer() {
        hub.publish("f", "r", "run.started", "m", null);
        StepVerifier.create(hub.sseFrames("f", 500).take(3))
                .expectNext("retry: 1000\n\n")
                .expectNext(": gap: Last-Event-ID 500 is unknown to this server (restarted?); replaying the buffer\n\n")
                .assertNext(f -> assertThat(f).startsWith("id: 1\n"))
                .verifyComplete();
    }

    @Test
    void replayThenLiveWithoutDuplicates() {
        hub.publish("a", "r1", "run.started", "one", null);
        hub.publish("a", "r1", "run.completed", "two", null);
        StepVerifier.create(hub.rowFlux("a", 1).map(LogHub.Row::id).take(3))
                .expectNext(2L)
                .then(() -> hub.publish("a", "r2", "run.started", "three", null))
                .expectNext(3L)
                .then(() -> hub.publish("a", "r2", "run.completed", "four", null))
                .expectNext(4L)
                .verifyComplete();
        assertThat(hub.subscriberCount("a")).isZero();
    }

    @Test
    void concurrentPublishingDuringResumeLosesNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            hub = new LogHub(100_000, 100_000, Duration.ofSeconds(10), Clock.systemUTC());
            AtomicBoolean go = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int n = 0; n < 20_000; n++) {
                    hub.publish("a", "r", "run.started", "x", null);
                }
                go.set(false);
            });
            writer.start();
            await().until(() -> !hub.rows("a", 0).isEmpty());
            List<Long> ids = hub.rowFlux("a", 0).map(LogHub.Row::id).take(20_000).collectList()
                    .block(Duration.ofSeconds(20));
            writer.join();
            List<Long> expected = new ArrayList<>();
            for (long n = 1; n <= 20_000; n++) {
                expected.add(n);
            }
            assertThat(ids).isEqualTo(expected);
        }
    }

    @Test
    void slowSubscriberIsDroppedWithAFinalComment() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<ServerSentEvent<String>> got = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Flux<ServerSentEvent<String>> stream = hub.sse("slow", 0);
        stream.publishOn(Schedulers.single(), 1).doOnNext(e -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            got.add(e);
        }).doOnTerminate(done::countDown).subscribe();
        await().until(() -> hub.subscriberCount("slow") == 1);
        for (int i = 0; i < 50; i++) {
            hub.publish("slow", "r", "run.started", "x", null);
        }
        assertThat(hub.subscriberCount("slow")).isZero();
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        ServerSentEvent<String> last = got.get(got.size() - 1);
        assertThat(last.comment()).isEqualTo("dropped: slow consumer; reconnect with Last-Event-ID");
        // bounded: subscriber queue (4) + merge prefetch (16) + retry/heartbeat/final comment
        assertThat(got.size()).isLessThan(30);
    }

    @Test
    void sseStartsWithRetryAndSendsHeartbeats() {
        StepVerifier.create(hub.sse("hb", 0).take(3))
                .assertNext(e -> assertThat(e.retry()).isEqualTo(Duration.ofMillis(1000)))
                .assertNext(e -> assertThat(e.comment()).isEqualTo("keep-alive"))
                .assertNext(e -> assertThat(e.comment()).isEqualTo("keep-alive"))
                .verifyComplete();
    }
}
