package so.ara.testcontainers;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The standalone ara-local control plane in a container, for tests:
 *
 * <pre>{@code
 * @Container
 * @ServiceConnection
 * static AraLocalContainer ara = new AraLocalContainer();
 * }</pre>
 *
 * The image is built locally (see the README: {@code ara-local/src/main/docker/build-image.sh}); it is never pulled.
 * The container uses the host's network and listens on 127.0.0.1 only, on a free port chosen here, so the app under
 * test and ara-local reach each other (ara-local calls the app's Java tools back) on loopback.
 */
public class AraLocalContainer extends GenericContainer<AraLocalContainer> {

    /** The tag the build gives the image. */
    public static final String DEFAULT_IMAGE = "so.ara/ara-local:0.1.0-SNAPSHOT";

    private final int port;
    private final String apiKey;

    public AraLocalContainer() {
        this(DockerImageName.parse(DEFAULT_IMAGE));
    }

    public AraLocalContainer(DockerImageName image) {
        super(image);
        this.port = freeLoopbackPort();
        this.apiKey = "ak_local_" + randomHex();
        withNetworkMode("host");
        withEnv("SERVER_PORT", Integer.toString(port));
        withEnv("ARA_LOCAL_API_KEY", apiKey);
        withImagePullPolicy(imageName -> false);
        waitingFor(new LoopbackHttpWaitStrategy(port, "/auth/cli/config"));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The control-plane key this ara-local accepts. */
    public String apiKey() {
        return apiKey;
    }

    public int port() {
        return port;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("no free port on 127.0.0.1", ex);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
