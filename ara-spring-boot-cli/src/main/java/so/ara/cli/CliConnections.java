package so.ara.cli;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The CLI's own Reactor Netty resources (one daemon event loop, one connection pool), created on first use and
 * disposed without a shutdown quiet period when the command ends: a CLI process never waits the 2 s Netty grants
 * event loops of a long-running server, and never touches the global resources an application may share.
 */
final class CliConnections implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private LoopResources loops;

    private ConnectionProvider pool;

    private synchronized HttpClient httpClient() {
        if (this.loops == null) {
            this.loops = LoopResources.create("ara-cli", 1, true);
            this.pool = ConnectionProvider.create("ara-cli", 16);
        }
        return HttpClient.create(this.pool).runOn(this.loops);
    }

    WebClient.Builder webClient() {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient()));
    }

    /** For log streams: no read timeout, only a connect timeout. */
    HttpClient streamClient(Duration connectTimeout) {
        return httpClient().option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    @Override
    public synchronized void close() {
        if (this.loops != null) {
            try {
                this.pool.disposeLater().block(SHUTDOWN_TIMEOUT);
                // no quiet period: nothing else runs on these loops
                this.loops.disposeLater(Duration.ZERO, SHUTDOWN_TIMEOUT).block(SHUTDOWN_TIMEOUT);
            }
            catch (RuntimeException ex) {
                // the command's outcome stands; the daemon loop threads end with the process
            }
            this.loops = null;
            this.pool = null;
        }
    }
}
