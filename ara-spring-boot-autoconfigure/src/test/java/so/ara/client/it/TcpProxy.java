package so.ara.client.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A byte-pumping TCP proxy on 127.0.0.1 whose live connections can be cut at will: the client sees the server close
 * the connection mid-stream, while ara-local keeps its log ring buffer for the resume.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile int accepted;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return this.listener.getLocalPort();
    }

    int acceptedConnections() {
        return this.accepted;
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                this.accepted++;
                this.sockets.add(client);
                this.sockets.add(server);
                pump(client, server);
                pump(server, client);
            }
            catch (IOException ex) {
                // listener closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // cut
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes every live connection (new ones are still accepted). */
    void cutAll() {
        for (Socket socket : this.sockets) {
            closeQuietly(socket);
        }
        this.sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        this.listener.close();
        cutAll();
    }
}
