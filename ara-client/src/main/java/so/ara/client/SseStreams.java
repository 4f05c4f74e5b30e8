package so.ara.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * SSE reconnect for log streams: tracks the last {@code id:}, reconnects with {@code Last-Event-ID} after a drop
 * (clean end, network error, idle timeout, 5xx/429) with exponential backoff starting at the server's {@code retry:}
 * (else the configured initial delay), and drops rows whose id is not greater than the last one seen.
 */
final class SseStreams {

    private SseStreams() {
    }

    static Flux<LogEvent> logEvents(Function<@Nullable String, Flux<SseDecoder.Event>> connect, String path,
            boolean reconnect, AraClientSettings settings, @Nullable String initialLastId) {
        AtomicReference<@Nullable String> lastId = new AtomicReference<>(initialLastId);
        AtomicLong serverRetryMillis = new AtomicLong(-1);
        AtomicLong failures = new AtomicLong();
        Duration idle = settings.streamIdleTimeout();
        Flux<LogEvent> once = IdleTimeout.apply(Flux.defer(() -> connect.apply(lastId.get())), idle,
                () -> new AraTimeoutException("GET", path, idle, IdleTimeout.timeoutException(idle)))
                .doOnNext(sse -> {
                    if (sse.retry() != null) {
                        serverRetryMillis.set(sse.retry().toMillis());
                    }
                    failures.set(0);
                })
                .handle((sse, sink) -> {
                    LogEvent event = toLogEvent(sse);
                    if (event == null) {
                        return;
                    }
                    if (event.id() != null) {
                        String previous = lastId.get();
                        if (previous != null && !isAfter(event.id(), previous)) {
                            return;
                        }
                        lastId.set(event.id());
                    }
                    sink.next(event);
                });
        if (!reconnect) {
            return once;
        }
        Function<Long, Duration> delay = attempt -> {
            long base = serverRetryMillis.get() >= 0 ? serverRetryMillis.get()
                    : settings.reconnectInitialBackoff().toMillis();
            long shift = Math.min(20, Math.max(0, attempt - 1));
            long millis = Math.min(settings.reconnectMaxBackoff().toMillis(), base * (1L << shift));
            return Duration.ofMillis(Math.max(0, millis));
        };
        return once
                .repeatWhen(ends -> ends.concatMap(ignored -> {
                    long attempt = failures.incrementAndGet();
                    if (attempt > settings.maxReconnectAttempts()) {
                        return Mono.empty();
                    }
                    return Mono.delay(delay.apply(attempt));
                }))
                .retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
                    Throwable failure = signal.failure();
                    long attempt = failures.incrementAndGet();
                    if (!isRetryable(failure) || attempt > settings.maxReconnectAttempts()) {
                        return Mono.error(failure);
                    }
                    return Mono.delay(delay.apply(attempt));
                })));
    }

    static boolean isRetryable(Throwable failure) {
        if (failure instanceof AraConnectionException) {
            return true;
        }
        return failure instanceof AraApiException api && (api.getStatus() >= 500 || api.getStatus() == 429);
    }

    /** True when {@code id} comes after {@code previous}: numerically when both are integers, else when different. */
    static boolean isAfter(String id, String previous) {
        try {
            return Long.parseLong(id.strip()) > Long.parseLong(previous.strip());
        }
        catch (NumberFormatException ex) {
            return !id.equals(previous);
        }
    }

    /** A data event decoded as a log row; comments, empty and undecodable data yield null. */
    static @Nullable LogEvent toLogEvent(SseDecoder.Event sse) {
        byte[] data = sse.data();
        return data != null ? LogEventParser.parse(sse.id(), data) : null;
    }

    static @Nullable JsonNode parseObject(String data) {
        try {
            JsonNode node = AraJson.mapper().readTree(data.strip());
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }
}
