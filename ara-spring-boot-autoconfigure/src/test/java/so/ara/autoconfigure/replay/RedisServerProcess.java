package so.ara.autoconfigure.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, without persistence, started as a
 * subprocess for one test class and stopped after it. Tests that need it are skipped, with the reason, when the binary
 * is not installed ({@code apt-get install -y redis-server}; {@code .ci/run} installs it).
 */
public final class RedisServerProcess implements AutoCloseable {

    private final Process process;

    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server, or skips the calling test when {@code redis-server} is not on the PATH. */
    public static RedisServerProcess startOrSkip(Path workDirectory) throws IOException {
        Assumptions.assumeTrue(installed(), "redis-server is not installed (apt-get install -y redis-server): the"
                + " Redis replay store cannot be tested against a real server on this machine");
        int port = freePort();
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDirectory.toString(), "--protected-mode", "yes")
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile(workDirectory, "redis", ".log").toFile())
            .start();
        RedisServerProcess server = new RedisServerProcess(process, port);
        try {
            Awaitility.await("redis-server answering PING on port " + port)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(server::answersPing);
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        return server;
    }

    public int port() {
        return this.port;
    }

    public String url() {
        return "redis://127.0.0.1:" + this.port;
    }

    boolean answersPing() {
        if (!this.process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + this.process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return read == 7 && "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean installed() {
        try {
            Process probe = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
