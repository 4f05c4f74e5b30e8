package so.ara.testcontainers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until {@code GET http://127.0.0.1:<port><path>} answers 2xx. Testcontainers' own HTTP wait uses mapped ports,
 * which a host-network container does not have.
 */
final class LoopbackHttpWaitStrategy extends AbstractWaitStrategy {

    private final int port;
    private final String path;

    LoopbackHttpWaitStrategy(int port, String path) {
        this.port = port;
        this.path = path;
        withStartupTimeout(Duration.ofSeconds(60));
    }

    @Override
    protected void waitUntilReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("ara-local exited before it listened on 127.0.0.1:" + port
                        + "; its log: " + waitStrategyTarget.getLogs());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for ara-local", ex);
            }
        }
        throw new ContainerLaunchException("ara-local did not answer on 127.0.0.1:" + port + path + " within "
                + startupTimeout.toSeconds() + " s; its log: " + waitStrategyTarget.getLogs());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status >= 200 && status < 300;
        }
        catch (IOException notYet) {
            return false;
        }
    }
}
