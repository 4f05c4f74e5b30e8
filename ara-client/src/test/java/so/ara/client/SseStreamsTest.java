package so.ara.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SseStreamsTest {

    static final AraClientSettings FAST = AraClientSettings.defaults()
            .withReconnect(true, Duration.ofMillis(5), Duration.ofMillis(40), 5)
            .withStreamIdleTimeout(Duration.ofSeconds(5));

    static SseDecoder.Event row(int id, String type) {
        return SseDecoder.Event.data(Integer.toString(id), type, "{\"id\":\"" + id + "\",\"timestamp\":\"2026-11-24T00:00:0" + id + "Z\",\"level\":\""
                        + (type.endsWith("failed") ? "error" : "info") + "\",\"run_id\":\"run-1\",\"event_type\":\""
                        + type + "\",\"message\":\"m" + id + "\",\"data\":{\"n\":" + id + "}}");
    }

    static SseDecoder.Event comment() {
        return SseDecoder.Event.comment(" keep-alive");
    }

    @Test
    void parsesRowsAndSkipsCommentsAndBadJson() {
        Flux<SseDecoder.Event> source = Flux.just(SseDecoder.Event.retry(Duration.ofMillis(1000)), comment(),
                row(1, "run.started"), SseDecoder.Event.data(null, null, "not json"),
                SseDecoder.Event.data(null, null, " {\"message\":\"bare\"}\n"), SseDecoder.Event.data(null, null, " "),
                row(2, "run.failed"));
        StepVerifier.create(SseStreams.logEvents(lastId -> source, "/p", false, FAST, null))
                .assertNext(e -> {
                    assertThat(e.id()).isEqualTo("1");
                    assertThat(e.timestamp()).isEqualTo("2026-11-24T00:00:01Z");
                    assertThat(e.level()).isEqualTo("info");
                    assertThat(e.runId()).isEqualTo("run-1");
                    assertThat(e.eventType()).isEqualTo("run.started");
                    assertThat(e.message()).isEqualTo("m1");
                    assertThat(e.data().get("n").asInt()).isEqualTo(1);
                    assertThat(e.format()).isEqualTo("2026-11-24T00:00:01Z INFO run=run-1 event=run.started m1");
                })
                .assertNext(e -> {
                    assertThat(e.id()).isNull();
                    assertThat(e.format()).isEqualTo("INFO run=- event=runtime.event bare");
                })
                .assertNext(e -> assertThat(AraClient.format(e))
                        .isEqualTo("2026-11-24T00:00:02Z ERROR run=run-1 event=run.failed m2"))
                .verifyComplete();
    }

    @Test
    void createdAtFallbackAndDefaults() {
        LogEvent e = LogEventParser.parse(null,
                "{\"id\":\"7\",\"created_at\":\"2026-04-10T01:02:04Z\",\"run_id\":\"run_abc123\",\"event_type\":\"run.failed\",\"level\":\"error\",\"message\":\"Tool failed\"}");
        assertThat(e.id()).isEqualTo("7");
        assertThat(e.format()).isEqualTo("2026-04-10T01:02:04Z ERROR run=run_abc123 event=run.failed Tool failed");
        assertThat(e.isTerminal()).isTrue();
    }

    @Test
    void reconnectsWithLastEventIdAfterErrorAndCleanEndWithoutDuplicates() {
        List<String> lastIds = new ArrayList<>();
        AtomicInteger connection = new AtomicInteger();
        Flux<LogEvent> stream = SseStreams.logEvents(lastId -> {
            lastIds.add(String.valueOf(lastId));
            return switch (connection.incrementAndGet()) {
                case 1 -> Flux.concat(Flux.just(row(1, "run.started"), row(2, "run.prompt.built")),
                        Flux.error(new AraConnectionException("GET", "/p", "Connection prematurely closed", null)));
                // server replays 2 (duplicate) then 3, then ends cleanly
                case 2 -> Flux.just(row(2, "run.prompt.built"), row(3, "run.tool.started"));
                case 3 -> Flux.error(new AraApiException(503, "GET", "/p", "", false, null));
                default -> Flux.just(row(3, "run.tool.started"), row(4, "run.completed"), comment());
            };
        }, "/p", true, FAST, null);
        StepVerifier.create(stream.map(LogEvent::id).take(4))
                .expectNext("1", "2", "3", "4")
                .verifyComplete();
        assertThat(lastIds).containsExactly("null", "2", "3", "3");
    }

    @Test
    void fatalHttpErrorIsNotRetried() {
        AtomicInteger connection = new AtomicInteger();
        Flux<LogEvent> stream = SseStreams.logEvents(lastId -> {
            connection.incrementAndGet();
            return Flux.error(new AraApiException(401, "GET", "/p", "", false, null));
        }, "/p", true, FAST, null);
        StepVerifier.create(stream)
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraApiException.class).hasMessage(
                        "GET /p failed (401). Response body hidden by default; set ARA_SDK_DEBUG_HTTP_ERRORS=true to include it."))
                .verify();
        assertThat(connection.get()).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        AtomicInteger connection = new AtomicInteger();
        AraClientSettings settings = FAST.withReconnect(true, Duration.ofMillis(1), Duration.ofMillis(2), 3);
        Flux<LogEvent> stream = SseStreams.logEvents(lastId -> {
            connection.incrementAndGet();
            return Flux.error(new AraConnectionException("GET", "/p", "Connection refused", null));
        }, "/p", true, settings, null);
        StepVerifier.create(stream)
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage("GET /p failed (network): Connection refused"))
                .verify();
        assertThat(connection.get()).isEqualTo(4);
    }

    @Test
    void idleStreamIsReconnected() {
        AtomicInteger connection = new AtomicInteger();
        AraClientSettings settings = FAST.withStreamIdleTimeout(Duration.ofMillis(100));
        Flux<LogEvent> stream = SseStreams.logEvents(lastId -> connection.incrementAndGet() == 1
                ? Flux.concat(Flux.just(row(1, "run.started")), Flux.never())
                : Flux.just(row(1, "run.started"), row(2, "run.completed")), "/p", true, settings, null);
        StepVerifier.create(stream.map(LogEvent::id).take(2)).expectNext("1", "2").verifyComplete();
        assertThat(connection.get()).isEqualTo(2);
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() {
        AtomicInteger connection = new AtomicInteger();
        AraClientSettings settings = FAST.withStreamIdleTimeout(Duration.ofMillis(300));
        Flux<LogEvent> stream = SseStreams.logEvents(lastId -> {
            connection.incrementAndGet();
            return Flux.concat(Flux.interval(Duration.ofMillis(50)).take(12).map(i -> comment()),
                    Flux.just(row(1, "run.completed")));
        }, "/p", true, settings, null);
        StepVerifier.create(stream.map(LogEvent::id).take(1)).expectNext("1").verifyComplete();
        assertThat(connection.get()).isEqualTo(1);
    }

    @Test
    void backpressureIsHonoured() {
        Flux<SseDecoder.Event> source = Flux.range(1, 1000).map(i -> row(i, "run.started"));
        StepVerifier.create(SseStreams.logEvents(lastId -> source, "/p", false, FAST, null), 0)
                .thenRequest(2)
                .expectNextCount(2)
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(998)
                .expectNextCount(998)
                .verifyComplete();
    }

    @Test
    void isAfterComparesNumerically() {
        assertThat(SseStreams.isAfter("10", "9")).isTrue();
        assertThat(SseStreams.isAfter("9", "10")).isFalse();
        assertThat(SseStreams.isAfter("5", "5")).isFalse();
        assertThat(SseStreams.isAfter("b", "a")).isTrue();
    }
}
