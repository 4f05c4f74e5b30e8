package so.ara.sample;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * What stands in front of the replicas in production, reduced to what the tests need: one loopback URL that forwards
 * each request to the instances in turn (round robin) and, like a load balancer's health-checked pool, passes a
 * request on to the next instance when one refuses the connection (it is stopped). Requests are buffered whole;
 * nothing is retried once an instance accepted the connection. Records which backend port served each request.
 */
final class LoopbackLoadBalancer implements AutoCloseable {

    private final List<Integer> backends = new CopyOnWriteArrayList<>();

    private final List<String> served = new CopyOnWriteArrayList<>();

    private final AtomicInteger next = new AtomicInteger();

    private final HttpClient client = HttpClient.create(ConnectionProvider.newConnection());

    private final DisposableServer server;

    LoopbackLoadBalancer() {
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::forward).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + this.server.port();
    }

    void add(int port) {
        this.backends.add(port);
    }

    /** {@code <port> <method> <path>} of each forwarded request, in order. */
    List<String> served() {
        return this.served;
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
            .aggregate()
            .asByteArray()
            .defaultIfEmpty(new byte[0])
            .flatMap(body -> tryFrom(request, body, this.next.getAndIncrement(), 0))
            .flatMap(reply -> {
                response.status(reply.status());
                copy(reply.headers(), response.responseHeaders());
                response.responseHeaders().set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
                return response.sendByteArray(Mono.just(reply.body())).then();
            })
            .onErrorResume(ex -> response.status(HttpResponseStatus.BAD_GATEWAY).send());
    }

    private Mono<Reply> tryFrom(HttpServerRequest request, byte[] body, int start, int attempt) {
        List<Integer> ports = List.copyOf(this.backends);
        if (attempt >= ports.size()) {
            return Mono.error(new ConnectException("no backend accepted the connection"));
        }
        int port = ports.get(Math.floorMod(start + attempt, ports.size()));
        return this.client.headers(headers -> copy(request.requestHeaders(), headers))
            .request(request.method())
            .uri("http://127.0.0.1:" + port + request.uri())
            .send(ByteBufFlux.fromInbound(Mono.just(body)))
            .responseSingle((reply, content) -> content.asByteArray()
                .defaultIfEmpty(new byte[0])
                .map(bytes -> new Reply(reply.status(), reply.responseHeaders(), bytes)))
            .doOnNext(reply -> this.served.add(port + " " + request.method() + " " + request.uri()))
            .onErrorResume(LoopbackLoadBalancer::refused, ex -> tryFrom(request, body, start, attempt + 1));
    }

    private static boolean refused(Throwable ex) {
        for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach(entry -> {
            String name = entry.getKey();
            if (!name.equalsIgnoreCase(HttpHeaderNames.HOST.toString())
                    && !name.equalsIgnoreCase(HttpHeaderNames.CONTENT_LENGTH.toString())
                    && !name.equalsIgnoreCase(HttpHeaderNames.TRANSFER_ENCODING.toString())
                    && !name.equalsIgnoreCase(HttpHeaderNames.CONNECTION.toString())) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }

    @Override
    public void close() {
        this.server.disposeNow();
    }

    private record Reply(HttpResponseStatus status, HttpHeaders headers, byte[] body) {
    }
}
