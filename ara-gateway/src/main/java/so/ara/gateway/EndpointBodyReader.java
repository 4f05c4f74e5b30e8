package so.ara.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The one request-body reader of ara-local and the starter: reads the raw bytes once, up to the size limit (413; auth
 * verifies over exactly these bytes), then decodes them as JSON with the nesting depth capped, so a body nested
 * deeper than the runtime accepts is a 400 here rather than a failure after the run was started. ara-local's control
 * plane reads its JSON bodies with {@link #readJson} and parses them with its own rules.
 */
public final class EndpointBodyReader {

    private final int maxBytes;

    private final int maxDepth;

    private final JsonMapper mapper;

    public EndpointBodyReader(long maxBytes, int maxDepth) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, maxBytes));
        this.maxDepth = Math.max(1, maxDepth);
        this.mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(this.maxDepth).build())
            .build()).build();
    }

    public int maxBytes() {
        return this.maxBytes;
    }

    /** The body's bytes (empty when there is none), or {@link BodyException} (413) beyond the limit. */
    public Mono<byte[]> read(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > this.maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), this.maxBytes)
            .map(EndpointBodyReader::toBytes)
            .defaultIfEmpty(new byte[0])
            .onErrorMap(DataBufferLimitException.class, ex -> tooLarge());
    }

    /** As {@link #read}, and a non-blank body whose content type is not JSON is refused with 415. */
    public Mono<byte[]> readJson(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        return read(request).doOnNext(body -> {
            if (!isBlank(body)) {
                requireJson(headers);
            }
        });
    }

    /**
     * The body as JSON ({@code Map}, {@code List} or scalar); a blank body is {@code {}}. A content type other than
     * JSON is a 415, malformed or too deeply nested JSON a 400 ({@link BodyException}). An absent content type is
     * read as JSON.
     */
    public Object decode(byte[] body, HttpHeaders headers) {
        if (isBlank(body)) {
            return new LinkedHashMap<String, Object>();
        }
        requireJson(headers);
        try {
            return this.mapper.readValue(body, Object.class);
        }
        catch (StreamConstraintsException ex) {
            throw new BodyException(400, "The request body is nested deeper than " + this.maxDepth + " levels.");
        }
        catch (JacksonException ex) {
            throw new BodyException(400, "The request body is not valid JSON.");
        }
    }

    private static void requireJson(HttpHeaders headers) {
        MediaType contentType;
        try {
            contentType = headers.getContentType();
        }
        catch (InvalidMediaTypeException ex) {
            throw BodyException.unsupported();
        }
        if (contentType != null && !isJson(contentType)) {
            throw BodyException.unsupported();
        }
    }

    private BodyException tooLarge() {
        return new BodyException(413, "The request body exceeds " + this.maxBytes + " bytes.");
    }

    private static boolean isJson(MediaType contentType) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** A body refused with a client error status; the detail is safe to send to the caller. */
    public static final class BodyException extends RuntimeException {

        private final int status;

        BodyException(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }

        static BodyException unsupported() {
            return new BodyException(415, "Send the request body as application/json.");
        }

        public int status() {
            return this.status;
        }
    }
}
