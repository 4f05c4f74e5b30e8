package so.ara.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.ObservationRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import so.ara.credentials.AraCredentials;
import so.ara.json.AraJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The shared HTTP layer of the Ara clients (docs/ara-reference.md §4.1): JSON in and out with {@link AraJson#mapper()}, error
 * messages as the Python SDK, retries of idempotent calls, and a separate streaming connector without response timeout
 * for SSE. Requests go out as URI templates with variables, so the WebClient's own observation (Boot's instrumented
 * {@code WebClient.Builder}, or the given registry) names them {@code ara.client.requests} with the template as the
 * {@code uri} key ({@link AraClientRequestObservationConvention}).
 */
final class AraHttp {

    static final String OBSERVATION_NAME = AraClientRequestObservationConvention.NAME;

    /** An authorization header to send, or {@link #NONE} for none. */
    record Auth(@Nullable String header, @Nullable String value) {

        static final Auth NONE = new Auth(null, null);

        static Auth bearer(String token) {
            return new Auth(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }

        static Auth appKey(String key) {
            return new Auth("X-Ara-App-Key", key);
        }

        @Override
        public String toString() {
            return "Auth[" + this.header + "]";
        }
    }

    private static final ByteBufAllocator STREAM_BUFFERS = new UnpooledByteBufAllocator(false);

    private final AraCredentials credentials;
    private final AraClientSettings settings;
    private final WebClient web;
    private final WebClient stream;
    private final HttpClient streamClient;

    AraHttp(WebClient.Builder builder, AraCredentials credentials, AraClientSettings settings,
            @Nullable ObservationRegistry registry, @Nullable HttpClient streamHttpClient) {
        this(builder, credentials, settings, registry, streamHttpClient, new AraClientRequestObservationConvention());
    }

    AraHttp(WebClient.Builder builder, AraCredentials credentials, AraClientSettings settings,
            @Nullable ObservationRegistry registry, @Nullable HttpClient streamHttpClient,
            ClientRequestObservationConvention convention) {
        this.credentials = credentials;
        this.settings = settings;
        WebClient.Builder configured = builder.clone().codecs(codecs -> {
            codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(AraJson.mapper()));
            codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(AraJson.mapper()));
            codecs.defaultCodecs().maxInMemorySize(settings.maxInMemorySize());
        }).observationConvention(convention);
        if (registry != null) {
            configured.observationRegistry(registry);
        }
        this.web = configured.clone().build();
        // Unpooled heap buffers: a stream's bytes are decoded in place and dropped, so pooling buys nothing, while
        // setting up Netty's default adaptive pool (it loads JFR) is a visible part of a fresh JVM's first log read
        HttpClient streaming = streamHttpClient != null ? streamHttpClient
                : HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                        .option(ChannelOption.ALLOCATOR, STREAM_BUFFERS);
        this.stream = configured.clone().clientConnector(new ReactorClientHttpConnector(streaming)).build();
        this.streamClient = streaming;
    }

    AraCredentials credentials() {
        return this.credentials;
    }

    AraClientSettings settings() {
        return this.settings;
    }

    Mono<Auth> controlPlane() {
        return this.credentials.controlPlaneToken().map(Auth::bearer);
    }

    /** Expands {@code {name}} placeholders of a template with encoded path segments, in order. */
    static String path(String template, String... values) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                out.append(UriUtils.encodePathSegment(values[index++], java.nio.charset.StandardCharsets.UTF_8));
                i = end + 1;
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the query, dropping parameters whose value is null or empty (docs/ara-reference.md §8). */
    static String withQuery(String path, Map<String, ?> query) {
        StringBuilder out = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            Object value = entry.getValue();
            if (value == null || String.valueOf(value).isEmpty()) {
                continue;
            }
            out.append(sep).append(UriUtils.encodeQueryParam(entry.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('=')
                    .append(UriUtils.encodeQueryParam(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }

    static Map<String, Object> query(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    Mono<JsonNode> call(HttpMethod method, AraUri uri, @Nullable Object body, Mono<Auth> auth) {
        return call(method, uri, body, auth, Map.of(), this.settings.timeout());
    }

    /**
     * One JSON call. 204 → {@link NullNode}; empty body → {@code {}}. Idempotent methods (GET, PUT, DELETE, HEAD)
     * retry connection errors and 502/503/504; POST/PATCH never retry.
     */
    Mono<JsonNode> call(HttpMethod method, AraUri uri, @Nullable Object body, Mono<Auth> auth,
            Map<String, String> headers, Duration timeout) {
        String m = method.name();
        String path = uri.expanded();
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.DELETE
                || method == HttpMethod.HEAD;
        Mono<JsonNode> attempt = auth.flatMap(a -> this.web.method(method)
                .uri(this.credentials.apiBaseUrl() + uri.template(), uri.values())
                .headers(h -> {
                    h.setContentType(MediaType.APPLICATION_JSON);
                    apply(h, a, headers);
                })
                .body(body == null ? (request, context) -> request.setComplete()
                        : org.springframework.web.reactive.function.BodyInserters.fromValue(body))
                .exchangeToMono(response -> handle(response, m, path)))
                .timeout(timeout)
                .onErrorMap(ex -> mapError(ex, m, path, timeout));
        return idempotent && this.settings.maxRetries() > 0
                ? attempt.retryWhen(Retry.fixedDelay(this.settings.maxRetries(), this.settings.retryBackoff())
                        .filter(AraHttp::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                : attempt;
    }

    private Mono<JsonNode> handle(ClientResponse response, String method, String path) {
        int code = response.statusCode().value();
        if (code >= 400) {
            return response.bodyToMono(String.class).defaultIfEmpty("")
                    .flatMap(text -> Mono.error(apiError(response, code, method, path, text)));
        }
        if (code == 204) {
            return response.releaseBody().thenReturn(NullNode.getInstance());
        }
        return response.bodyToMono(JsonNode.class).defaultIfEmpty(AraJson.mapper().createObjectNode());
    }

    AraApiException apiError(ClientResponse response, int code, String method, String path, String body) {
        return apiError(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), code, method, path,
                body);
    }

    private AraApiException apiError(@Nullable String retryAfterHeader, int code, String method, String path,
            String body) {
        Long retryAfter = null;
        String header = retryAfterHeader;
        if (header != null && header.strip().matches("\\d+")) {
            retryAfter = Long.parseLong(header.strip());
        }
        return new AraApiException(code, method, path, body, this.credentials.debugHttpErrors(), retryAfter);
    }

    private static void apply(HttpHeaders h, Auth auth, Map<String, String> headers) {
        if (auth.header() != null && auth.value() != null) {
            h.set(auth.header(), auth.value());
        }
        headers.forEach(h::set);
    }

    static boolean isTransient(Throwable ex) {
        if (ex instanceof AraConnectionException) {
            return true;
        }
        return ex instanceof AraApiException api
                && (api.getStatus() == 502 || api.getStatus() == 503 || api.getStatus() == 504);
    }

    static Throwable mapError(Throwable ex, String method, String path, Duration timeout) {
        if (ex instanceof AraException) {
            return ex;
        }
        if (ex instanceof TimeoutException) {
            return new AraTimeoutException(method, path, timeout, ex);
        }
        if (ex instanceof DecodingException || ex instanceof JacksonException) {
            return new AraException(method + " " + path + " failed: response is not valid JSON", ex);
        }
        return new AraConnectionException(method, path, reason(ex), ex);
    }

    static String reason(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message != null && !message.isBlank() ? message : root.getClass().getSimpleName();
    }

    /**
     * One SSE connection (no reconnect): HTTP errors become {@link AraApiException} (or {@code errorFactory}'s),
     * network failures {@link AraConnectionException}.
     */
    Flux<ServerSentEvent<String>> sse(HttpMethod method, AraUri uri, @Nullable Object body, Auth auth,
            Map<String, String> headers, @Nullable ErrorFactory errorFactory) {
        String m = method.name();
        String path = uri.expanded();
        return Flux.defer(() -> {
            WebClient.RequestBodySpec spec = this.stream.method(method)
                    .uri(this.credentials.apiBaseUrl() + uri.template(), uri.values())
                    .headers(h -> {
                        if (body != null) {
                            h.setContentType(MediaType.APPLICATION_JSON);
                        }
                        h.setAccept(java.util.List.of(MediaType.TEXT_EVENT_STREAM));
                        apply(h, auth, headers);
                    });
            WebClient.RequestHeadersSpec<?> ready = body != null ? spec.bodyValue(body) : spec;
            return ready.exchangeToFlux(response -> {
                int code = response.statusCode().value();
                if (code >= 400) {
                    return response.bodyToMono(String.class).defaultIfEmpty("").flatMapMany(text -> Flux.error(
                            errorFactory != null ? errorFactory.create(code, text)
                                    : apiError(response, code, m, path, text)));
                }
                return SseDecoder.decode(response.bodyToFlux(DataBuffer.class));
            });
        }).onErrorMap(ex -> mapError(ex, m, path, Duration.ZERO));
    }

    /**
     * One log-stream connection (GET, no reconnect) on Reactor Netty's client directly, framed on the raw bytes:
     * WebClient's exchange, codec and {@code DataBuffer} layers add classes to a fresh JVM's first read and work to
     * every chunk, and a log stream needs none of them. Unlike {@link #call}, the connection is not observed as an
     * {@code ara.client.requests} exchange. Errors map as {@link #sse}'s; {@code FluxReceive} reads only on demand,
     * so a slow subscriber stops the socket instead of buffering rows.
     */
    Flux<SseDecoder.Event> eventStream(AraUri uri, Auth auth, Map<String, String> headers) {
        String path = uri.expanded();
        return Flux.defer(() -> {
            SseDecoder.Frames frames = new SseDecoder.Frames();
            return this.streamClient.headers(h -> {
                h.set(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
                if (auth.header() != null && auth.value() != null) {
                    h.set(auth.header(), auth.value());
                }
                headers.forEach(h::set);
            }).get().uri(this.credentials.apiBaseUrl() + path).response((response, body) -> {
                int code = response.status().code();
                if (code >= 400) {
                    return body.aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMapMany(
                            text -> Flux.error(apiError(response.responseHeaders().get(HttpHeaders.RETRY_AFTER),
                                    code, "GET", path, text)));
                }
                // a chunk is decoded where it arrives (Reactor Netty releases it after onNext), in place when it is
                // a heap buffer (the default stream client reads into heap buffers)
                return body.map(chunk -> {
                    int length = chunk.readableBytes();
                    if (chunk.hasArray()) {
                        int start = chunk.arrayOffset() + chunk.readerIndex();
                        return frames.feed(chunk.array(), start, start + length);
                    }
                    byte[] bytes = new byte[length];
                    chunk.readBytes(bytes);
                    return frames.feed(bytes, length);
                }).concatMapIterable(events -> events, 1);
            });
        }).onErrorMap(ex -> mapError(ex, "GET", path, Duration.ZERO));
    }

    @FunctionalInterface
    interface ErrorFactory {
        AraApiException create(int status, String body);
    }
}
