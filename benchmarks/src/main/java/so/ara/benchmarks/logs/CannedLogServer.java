package so.ara.benchmarks.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Replays bytes captured from ara-local's log stream over loopback at memory speed, so a read measures the client
 * alone (ara-local writes about as fast as the Python reader reads). Answers {@code GET /apps} with the one app and
 * every other request with the captured stream, then waits for the client to hang up. One thread per connection.
 */
final class CannedLogServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] apps;
    private final byte[] stream;

    private CannedLogServer(byte[] apps, byte[] stream) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.apps = apps;
        this.stream = stream;
        Thread acceptor = new Thread(this::accept, "canned-log-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Captures the first {@code rows} rows of the fixture's stream (and its app list) from ara-local. */
    static CannedLogServer capture(LogsFixture fixture, int rows) throws IOException {
        byte[] apps = get(fixture.baseUrl() + "/apps", "Bearer " + fixture.apiKey(), Integer.MAX_VALUE);
        String appId = so.ara.json.AraJson.mapper().readTree(apps).path("apps").get(0).path("id").asString();
        byte[] stream = get(fixture.baseUrl() + "/v1/apps/" + appId + "/logs/stream", "Bearer " + fixture.readerKey(),
                rows);
        return new CannedLogServer(apps, stream);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + this.socket.getLocalPort();
    }

    /** The body of a GET, up to the end of the {@code dataLines}-th {@code data:} line's event (or the end). */
    private static byte[] get(String url, String authorization, int dataLines) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", authorization);
        connection.setRequestProperty("Last-Event-ID", "0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = connection.getInputStream()) {
            int seen = 0;
            int previous = -1;
            int b;
            boolean lineStart = true;
            while ((b = in.read()) >= 0) {
                out.write(b);
                if (lineStart && b == 'd') {
                    seen++;
                }
                if (b == '\n' && previous == '\n' && seen >= dataLines) {
                    break;
                }
                lineStart = b == '\n';
                previous = b;
            }
        }
        finally {
            connection.disconnect();
        }
        return out.toByteArray();
    }

    private void accept() {
        while (!this.socket.isClosed()) {
            try {
                Socket client = this.socket.accept();
                Thread worker = new Thread(() -> serve(client), "canned-log-connection");
                worker.setDaemon(true);
                worker.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            String requestLine = readHead(in);
            boolean appList = requestLine.startsWith("GET /apps ");
            String head = appList
                    ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + this.apps.length
                            + "\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                            + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(appList ? this.apps : this.stream);
            out.flush();
            if (!appList) {
                // an SSE stream stays open: wait for the reader to hang up
                while (in.read() >= 0) {
                    // discard
                }
            }
        }
        catch (IOException ignored) {
            // the reader hung up
        }
    }

    /** Reads the request head; returns its first line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 2) == '\r'
                    && head.charAt(n - 1) == '\n') {
                break;
            }
        }
        int end = head.indexOf("\r\n");
        return end < 0 ? head.toString() : head.substring(0, end);
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }
}
