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
 * event not closed by an empty line at the end of the stream is dropped. It frames lines and matches field names on
 * the raw bytes and keeps an event's data as UTF-8 bytes, so a log row goes from the network buffer to the JSON
 * parser without a {@code String} per line: log streams of tens of thousands of rows per second need that, and a
 * fresh JVM runs this loop interpreted for its first rows.
 */
final class SseDecoder {

    private SseDecoder() {
    }

    /** One dispatched event; {@code data} is the joined {@code data} lines as UTF-8 bytes (null when none). */
    record Event(@Nullable String id, @Nullable String type, byte @Nullable [] data, @Nullable String comment,
            @Nullable Duration retry) {

        static Event data(@Nullable String id, @Nullable String type, String data) {
            return new Event(id, type, data.getBytes(StandardCharsets.UTF_8), null, null);
        }

        static Event comment(String comment) {
            return new Event(null, null, null, comment, null);
        }

        static Event retry(Duration retry) {
            return new Event(null, null, null, null, retry);
        }

        @Nullable String dataText() {
            return this.data != null ? new String(this.data, StandardCharsets.UTF_8) : null;
        }

        ServerSentEvent<String> toServerSentEvent() {
            ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
            if (this.data != null) {
                builder.data(dataText());
            }
            if (this.id != null) {
                builder.id(this.id);
            }
            if (this.type != null) {
                builder.event(this.type);
            }
            if (this.comment != null) {
                builder.comment(this.comment);
            }
            if (this.retry != null) {
                builder.retry(this.retry);
            }
            return builder.build();
        }
    }

    /** Spring's event type, for streams read through WebClient (chat). */
    static Flux<ServerSentEvent<String>> decode(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            Frames frames = new Frames();
            return body.concatMapIterable(buffer -> {
                try {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    List<Event> events = frames.feed(bytes, bytes.length);
                    List<ServerSentEvent<String>> out = new ArrayList<>(events.size());
                    events.forEach(event -> out.add(event.toServerSentEvent()));
                    return out;
                }
                finally {
                    DataBufferUtils.release(buffer);
                }
            });
        });
    }

    /** The decoding state of one stream: an unfinished line, and the fields of the event being read. */
    static final class Frames {

        private static final List<Event> NONE = List.of();

        private byte[] partial = new byte[256];
        private int partialLength;
        private boolean skipLineFeed;
        private @Nullable List<Event> events;

        private @Nullable String id;
        private @Nullable String type;
        private byte @Nullable [] data;
        private int dataLength = -1;
        private @Nullable StringBuilder comment;
        private @Nullable Duration retry;

        /** Feeds the first {@code length} bytes of a chunk; returns the events its empty lines completed. */
        List<Event> feed(byte[] bytes, int length) {
            return feed(bytes, 0, length);
        }

        /** Feeds {@code bytes[offset, end)} (a network buffer's backing array, read in place). */
        List<Event> feed(byte[] bytes, int offset, int end) {
            this.events = null;
            int lineStart = offset;
            for (int i = offset; i < end; i++) {
                byte b = bytes[i];
                if (b != '\n' && b != '\r') {
                    continue;
                }
                if (this.skipLineFeed && b == '\n' && i == lineStart) {
                    // the LF of a CRLF split after the CR
                    this.skipLineFeed = false;
                    lineStart = i + 1;
                    continue;
                }
                line(bytes, lineStart, i);
                this.skipLineFeed = b == '\r';
                lineStart = i + 1;
                if (this.skipLineFeed && i + 1 < end && bytes[i + 1] == '\n') {
                    this.skipLineFeed = false;
                    i++;
                    lineStart = i + 1;
                }
            }
            if (lineStart < end) {
                this.skipLineFeed = false;
                append(bytes, lineStart, end);
            }
            List<Event> done = this.events;
            return done != null ? done : NONE;
        }

        private void line(byte[] bytes, int start, int end) {
            if (this.partialLength == 0) {
                field(bytes, start, end);
            }
            else {
                append(bytes, start, end);
                int length = this.partialLength;
                this.partialLength = 0;
                field(this.partial, 0, length);
            }
        }

        private void append(byte[] bytes, int start, int end) {
            int length = end - start;
            if (length <= 0) {
                return;
            }
            if (this.partialLength + length > this.partial.length) {
                this.partial = Arrays.copyOf(this.partial, Math.max(this.partial.length * 2, this.partialLength + length));
            }
            System.arraycopy(bytes, start, this.partial, this.partialLength, length);
            this.partialLength += length;
        }

        /** Applies one line {@code bytes[start, end)}. */
        private void field(byte[] bytes, int start, int end) {
            if (start == end) {
                dispatch();
                return;
            }
            int colon = start;
            while (colon < end && bytes[colon] != ':') {
                colon++;
            }
            int value = colon + 1;
            if (value < end && bytes[value] == ' ') {
                value++;
            }
            value = Math.min(value, end);
            int nameLength = colon - start;
            if (nameLength == 0) {
                this.comment = appendLine(this.comment, text(bytes, value, end));
            }
            else if (is(bytes, start, nameLength, "data")) {
                appendData(bytes, value, end);
            }
            else if (is(bytes, start, nameLength, "id")) {
                this.id = text(bytes, value, end);
            }
            else if (is(bytes, start, nameLength, "event")) {
                this.type = text(bytes, value, end);
            }
            else if (is(bytes, start, nameLength, "retry")) {
                this.retry = parseRetry(text(bytes, value, end));
            }
            // unknown fields are ignored, as the specification says
        }

        private void appendData(byte[] bytes, int start, int end) {
            int length = end - start;
            if (this.dataLength < 0) {
                if (this.data == null || this.data.length < length) {
                    this.data = new byte[Math.max(256, length)];
                }
                System.arraycopy(bytes, start, this.data, 0, length);
                this.dataLength = length;
                return;
            }
            int needed = this.dataLength + 1 + length;
            if (this.data.length < needed) {
                this.data = Arrays.copyOf(this.data, Math.max(this.data.length * 2, needed));
            }
            this.data[this.dataLength] = '\n';
            System.arraycopy(bytes, start, this.data, this.dataLength + 1, length);
            this.dataLength = needed;
        }

        private void dispatch() {
            if (this.dataLength < 0 && this.comment == null && this.id == null && this.type == null
                    && this.retry == null) {
                return;
            }
            byte[] payload = this.dataLength >= 0 ? Arrays.copyOf(this.data, this.dataLength) : null;
            Event event = new Event(this.id, this.type, payload, this.comment != null ? this.comment.toString() : null,
                    this.retry);
            if (this.events == null) {
                this.events = new ArrayList<>(8);
            }
            this.events.add(event);
            this.id = null;
            this.type = null;
            this.dataLength = -1;
            this.comment = null;
            this.retry = null;
        }

        private static boolean is(byte[] bytes, int start, int length, String name) {
            if (length != name.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (bytes[start + i] != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static String text(byte[] bytes, int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }

        private static StringBuilder appendLine(@Nullable StringBuilder existing, String value) {
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
