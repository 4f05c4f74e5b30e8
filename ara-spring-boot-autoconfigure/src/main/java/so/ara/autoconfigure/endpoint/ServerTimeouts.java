package so.ara.autoconfigure.endpoint;

import java.time.Duration;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.env.Environment;

/**
 * Sets an idle timeout (unless {@code server.netty.idle-timeout} is set) and a request-body read timeout on the
 * Reactor Netty server: without them, a client sending half a request keeps its connection open indefinitely.
 */
final class ServerTimeouts implements NettyServerCustomizer {

    private final AraServerProperties properties;

    private final Environment environment;

    ServerTimeouts(AraServerProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        HttpServer customized = server;
        if (!this.environment.containsProperty("server.netty.idle-timeout") && isSet(this.properties.idleTimeout())) {
            customized = customized.idleTimeout(this.properties.idleTimeout());
        }
        if (isSet(this.properties.readTimeout())) {
            customized = customized.readTimeout(this.properties.readTimeout());
        }
        return customized;
    }

    private static boolean isSet(Duration timeout) {
        return timeout != null && !timeout.isZero() && !timeout.isNegative();
    }
}
