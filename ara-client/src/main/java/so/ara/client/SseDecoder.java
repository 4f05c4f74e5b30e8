package so.ara.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * Decodes a {@code text/event-stream} body into events, per the SSE specification: lines end with LF, CRLF or CR,
 * {@code :} starts a comment, {@code data} lines are joined with LF, an empty line dispatches the event, and an
 * event not closed by an empty line at the end of the stream is dropped. It splits lines on the raw bytes and
 * decodes each line once, which log streams of tens of thousands of rows per second need: Spring's general SSE
 * reader spends most of its time splitting and copying buffers.
 */
final class SseDecoder {

    private SseDecoder() {
    }

    static Flux<ServerSentEvent<String>> decode(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            Lines lines = new Lines();
            return body.concatMapIterable(buffer -> {
                try {
                    return lines.feed(buffer);
                }
                finally {
                    DataBufferUtils.release(buffer);
                }
            });
        });
    }

    /** The decoding state of one stream: an unfinished line, and the fields of the event being read. */
    private static final class Lines {

        private byte[] partial = new byte[256];
        private int partialLength;
        private boolean skipLineFeed;
        private final Event event = new Event();

        List<ServerSentEvent<String>> feed(DataBuffer buffer) {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            List<ServerSentEvent<String>> events = new ArrayList<>(4);
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                byte b = bytes[i];
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (b == '\n') {
                        lineStart = i + 1;
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    line(bytes, lineStart, i, events);
                    skipLineFeed = b == '\r';
                    lineStart = i + 1;
                }
            }
            append(bytes, lineStart, bytes.length);
            return events;
        }

        private void line(byte[] bytes, int start, int end, List<ServerSentEvent<String>> events) {
            String text;
            if (partialLength == 0) {
                text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            }
            else {
                append(bytes, start, end);
                text = new String(partial, 0, partialLength, StandardCharsets.UTF_8);
                partialLength = 0;
            }
            ServerSentEvent<String> dispatched = event.line(text);
            if (dispatched != null) {
                events.add(dispatched);
            }
        }

        private void append(byte[] bytes, int start, int end) {
            int length = end - start;
            if (length <= 0) {
                return;
            }
            if (partialLength + length > partial.length) {
                partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
            }
            System.arraycopy(bytes, start, partial, partialLength, length);
            partialLength += length;
        }
    }

    /** The fields of one event, filled line by line. */
    private static final class Event {

        private @Nullable String id;
        private @Nullable String type;
        private @Nullable StringBuilder data;
        private @Nullable StringBuilder comment;
        private @Nullable Duration retry;

        /** Applies one line; returns the event an empty line completes, else null. */
        @Nullable ServerSentEvent<String> line(String line) {
            if (line.isEmpty()) {
                return dispatch();
            }
            if (line.charAt(0) == ':') {
                comment = append(comment, value(line, 1));
                return null;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : value(line, colon + 1);
            switch (field) {
                case "data" -> data = append(data, value);
                case "id" -> id = value;
                case "event" -> type = value;
                case "retry" -> retry = parseRetry(value);
                default -> {
                    // unknown fields are ignored, as the specification says
                }
            }
            return null;
        }

        private @Nullable ServerSentEvent<String> dispatch() {
            if (data == null && comment == null && id == null && type == null && retry == null) {
                return null;
            }
            ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
            if (data != null) {
                builder.data(data.toString());
            }
            if (id != null) {
                builder.id(id);
            }
            if (type != null) {
                builder.event(type);
            }
            if (comment != null) {
                builder.comment(comment.toString());
            }
            if (retry != null) {
                builder.retry(retry);
            }
            id = null;
            type = null;
            data = null;
            comment = null;
            retry = null;
            return builder.build();
        }

        private static String value(String line, int from) {
            return from < line.length() && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
        }

        private static StringBuilder append(@Nullable StringBuilder existing, String value) {
            return existing == null ? new StringBuilder(value) : existing.append('\n').append(value);
        }

        private static @Nullable Duration parseRetry(String value) {
            try {
                return Duration.ofMillis(Long.parseLong(value.trim()));
            }
            catch (NumberFormatException ignored) {
                return null;
            }
        }
    }
}
