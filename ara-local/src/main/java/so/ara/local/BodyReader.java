package so.ara.local;

import java.util.Map;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The one request-body reader of ara-local: size limit (413), JSON content type (415), JSON parsing (400). */
final class BodyReader {

    private final int maxBytes;

    BodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** The raw body bytes (empty array when there is none); a non-JSON content type with a body answers 415. */
    Mono<byte[]> bytes(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            return Mono.error(new DataBufferLimitException("too large"));
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    if (bytes.length > 0 && type != null && !isJson(type)) {
                        throw new ApiException(415, "Unsupported Media Type",
                                "Content-Type must be application/json, not " + type);
                    }
                    return bytes;
                });
    }

    /** The body as a JSON object; an empty body is an empty object when {@code emptyOk}. */
    Mono<Map<String, Object>> object(ServerRequest request, boolean emptyOk) {
        return bytes(request).map(bytes -> Json.parseObject(bytes, emptyOk));
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getSubtype() != null && type.getSubtype().endsWith("+json"));
    }
}
