package so.ara.autoconfigure.endpoint;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Half-sent requests do not hold connections: the server closes a connection whose request headers stop arriving
 * (idle timeout) and one whose body stops arriving (read timeout), on a real Reactor Netty server.
 */
class ServerTimeoutsTests {

    private static ConfigurableApplicationContext context;

    private static int port;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(AraEndpointsServerTests.App.class).web(WebApplicationType.REACTIVE)
            .properties("server.port=0", "server.address=127.0.0.1", "HOOK_SECRET=s3cr3t",
                    "ara.server.idle-timeout=300ms", "ara.server.read-timeout=300ms")
            .run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aConnectionWhoseHeadersStopArrivingIsClosed() throws Exception {
        assertClosedAfter("POST /open HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }

    @Test
    void aConnectionWhoseBodyStopsArrivingIsClosed() throws Exception {
        assertClosedAfter("POST /open HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"a\":");
    }

    @Test
    void defaultsApplyUnlessServerNettyIdleTimeoutIsSetAndZeroTurnsThemOff() {
        AraServerProperties defaults = new AraServerProperties(Duration.ofSeconds(60), Duration.ofSeconds(30));
        HttpServer server = new ServerTimeouts(defaults, new MockEnvironment()).apply(HttpServer.create());
        assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(server.configuration().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        HttpServer users = new ServerTimeouts(defaults,
                new MockEnvironment().withProperty("server.netty.idle-timeout", "5m")).apply(HttpServer.create());
        assertThat(users.configuration().idleTimeout()).isNull();
        HttpServer off = new ServerTimeouts(new AraServerProperties(Duration.ZERO, Duration.ZERO), new MockEnvironment())
            .apply(HttpServer.create());
        assertThat(off.configuration().idleTimeout()).isNull();
        assertThat(off.configuration().readTimeout()).isNull();
    }

    /** Sends {@code partial}, then waits (bounded by the socket timeout) for the server to close or answer. */
    private static void assertClosedAfter(String partial) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) != -1) {
                // a 408-style answer may come first; the connection must still close
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
        }
    }
}
