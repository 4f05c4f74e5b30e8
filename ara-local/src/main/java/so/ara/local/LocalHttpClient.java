package so.ara.local;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Outbound JSON POSTs (callback bridge, webhooks, model calls) on a dedicated connection pool. */
final class LocalHttpClient implements AutoCloseable {

    record Response(int status, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ConnectionProvider pool;
    private final WebClient client;

    LocalHttpClient() {
        this.pool = ConnectionProvider.builder("ara-local-out").maxConnections(500)
                .pendingAcquireMaxCount(10_000).maxIdleTime(Duration.ofSeconds(20)).build();
        HttpClient http = HttpClient.create(pool).responseTimeout(Duration.ofMinutes(10));
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    Mono<Response> postJson(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .bodyValue(body)
                .exchangeToMono(resp -> resp.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(resp.statusCode().value(), bytes)))
                .timeout(timeout);
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
    }
}
