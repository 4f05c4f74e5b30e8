package so.ara.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSE decoder against the specification's rules, whatever the chunking of the bytes. */
class SseDecoderTest {

    private static final String STREAM = "retry: 1000\n\n"
            + ": keep-alive\n\n"
            + "id: 41\nevent: run.started\ndata: {\"message\":\"Größe ✓\"}\n\n"
            + "id: 42\r\nevent: run.completed\r\ndata: line one\r\ndata:line two\r\nunknown: x\r\n\r\n"
            + "data\n\n"
            + "id: 43\rdata: cr only\r\r"
            + "id: 44\ndata: not finished";

    @Test
    void decodesEveryFieldAndDropsTheUnfinishedEvent() {
        List<ServerSentEvent<String>> events = decode(chunks(STREAM.getBytes(StandardCharsets.UTF_8), 1_000_000));
        assertEvents(events);
    }

    @Test
    void chunkBoundariesAnywhereGiveTheSameEvents() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 17; size++) {
            assertEvents(decode(chunks(bytes, size)));
        }
    }

    @Test
    void decodesChunksInPlaceInsideALargerBuffer() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        // a network buffer's backing array holds other bytes around the chunk: line ends that must not be read
        byte[] noise = "\n\ndata: outside\n\n".getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 17; size++) {
            SseDecoder.Frames frames = new SseDecoder.Frames();
            List<ServerSentEvent<String>> events = new ArrayList<>();
            for (byte[] chunk : chunks(bytes, size)) {
                byte[] backing = new byte[noise.length + chunk.length + noise.length];
                System.arraycopy(noise, 0, backing, 0, noise.length);
                System.arraycopy(chunk, 0, backing, noise.length, chunk.length);
                System.arraycopy(noise, 0, backing, noise.length + chunk.length, noise.length);
                frames.feed(backing, noise.length, noise.length + chunk.length)
                        .forEach(event -> events.add(event.toServerSentEvent()));
            }
            assertEvents(events);
        }
    }

    private static void assertEvents(List<ServerSentEvent<String>> events) {
        assertThat(events).hasSize(6);
        assertThat(events.get(0).retry()).isEqualTo(Duration.ofMillis(1000));
        assertThat(events.get(1).comment()).isEqualTo("keep-alive");
        assertThat(events.get(1).data()).isNull();
        assertThat(events.get(2).id()).isEqualTo("41");
        assertThat(events.get(2).event()).isEqualTo("run.started");
        assertThat(events.get(2).data()).isEqualTo("{\"message\":\"Größe ✓\"}");
        assertThat(events.get(3).id()).isEqualTo("42");
        assertThat(events.get(3).data()).isEqualTo("line one\nline two");
        assertThat(events.get(4).data()).isEmpty();
        assertThat(events.get(5).id()).isEqualTo("43");
        assertThat(events.get(5).data()).isEqualTo("cr only");
    }

    private static List<ServerSentEvent<String>> decode(List<byte[]> chunks) {
        DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> body = Flux.fromIterable(chunks).map(factory::wrap);
        return SseDecoder.decode(body).collectList().block(Duration.ofSeconds(5));
    }

    private static List<byte[]> chunks(byte[] bytes, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int start = 0; start < bytes.length; start += size) {
            chunks.add(java.util.Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + size)));
        }
        return chunks;
    }
}
