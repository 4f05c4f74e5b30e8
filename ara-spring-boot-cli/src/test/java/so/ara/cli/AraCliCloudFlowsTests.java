package so.ara.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import so.ara.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI flows that talk to the Ara cloud and Supabase routes ara-local does not implement (device login
 * {@code /auth/cli/device/*}, Supabase {@code /auth/v1/token}, {@code /session/connect/exchange}). Those belong to
 * the hosted Ara control plane and Supabase, which cannot run here, so a tiny HTTP server on 127.0.0.1 plays them.
 */
class AraCliCloudFlowsTests {

    @TempDir
    Path home;

    HttpServer cloud;

    String base;

    final Map<String, JsonNode> requests = new ConcurrentHashMap<>();

    final List<String> headers = new CopyOnWriteArrayList<>();

    final AtomicInteger polls = new AtomicInteger();

    volatile String finalStatus = "approved";

    @BeforeEach
    void startCloud() throws IOException {
        this.cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.base = "http://127.0.0.1:" + this.cloud.getAddress().getPort();
        this.cloud.createContext("/", this::handle);
        this.cloud.start();
    }

    @AfterEach
    void stopCloud() {
        this.cloud.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            this.requests.put(path, AraJson.mapper().readTree(body));
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        this.headers.add(path + " auth=" + auth + " apikey=" + exchange.getRequestHeaders().getFirst("apikey"));
        String answer;
        int status = 200;
        switch (path) {
            case "/auth/cli/config" -> answer = "{\"supabase_url\":\"" + this.base + "/supabase\","
                    + "\"supabase_anon_key\":\"anon-123\",\"api_base_url\":\"" + this.base + "\"}";
            case "/auth/cli/device/start" -> answer = "{\"authorize_url\":\"" + this.base + "/authorize?s=1\","
                    + "\"session_id\":\"dev_1\",\"poll_token\":\"poll_1\",\"interval_seconds\":0}";
            case "/auth/cli/device/status" -> {
                String query = exchange.getRequestURI().getQuery();
                assertThat(query).isEqualTo("session_id=dev_1&poll_token=poll_1");
                answer = this.polls.incrementAndGet() < 2 ? "{\"status\":\"pending\"}"
                        : "approved".equals(this.finalStatus)
                                ? "{\"status\":\"approved\",\"auth_code\":\"code-9\",\"redirect_uri\":\"http://localhost/cb\"}"
                                : "{\"status\":\"" + this.finalStatus + "\",\"error_description\":\"access denied\"}";
            }
            case "/supabase/auth/v1/token" -> answer = "{\"access_token\":\"jwt-access\",\"refresh_token\":\"jwt-refresh\","
                    + "\"expires_in\":3600,\"user\":{\"id\":\"u_1\",\"email\":\"dev@example.com\"}}";
            case "/auth/cli/whoami" -> {
                if (!"Bearer jwt-access".equals(auth)) {
                    status = 401;
                    answer = "{\"error\":\"unauthorized\"}";
                }
                else {
                    answer = "{\"user\":{\"id\":\"u_1\",\"email\":\"dev@example.com\"}}";
                }
            }
            case "/session/connect/exchange" -> answer = "{\"host_alias\":\"ara-personal\",\"proxy_token\":\"proxy-tok\","
                    + "\"session_id\":\"sess_7\",\"commands\":{\"ssh\":\"ssh ara-personal\"}}";
            default -> {
                status = 404;
                answer = "{}";
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    Result cli(String... args) {
        return CliHarness.run(AraCliIntegrationTests.TestApp.class, Map.of("ara.project-name", "cloud-flows",
                "ara.cli.home", this.home.toString(), "ara.cli.working-dir", this.home.toString()), args);
    }

    @Test
    void deviceLoginWithPkceSavesSupabaseCredentials() throws Exception {
        Result login = cli("auth", "login", "--no-browser", "--provider", "github", "--api-base-url", this.base,
                "--timeout-seconds", "30");
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.err()).startsWith("Open this URL to sign in with github:\n" + this.base + "/authorize?s=1\n");
        JsonNode start = this.requests.get("/auth/cli/device/start");
        assertThat(start.get("provider").asString()).isEqualTo("github");
        assertThat(start.get("code_challenge_method").asString()).isEqualTo("s256");
        assertThat(start.get("timeout_seconds").asInt()).isEqualTo(30);
        JsonNode exchange = this.requests.get("/supabase/auth/v1/token");
        String verifier = exchange.get("code_verifier").asString();
        assertThat(verifier).hasSize(86).matches("[A-Za-z0-9_-]+");
        assertThat(AuthCommands.Login.challenge(verifier)).isEqualTo(start.get("code_challenge").asString());
        assertThat(exchange.get("auth_code").asString()).isEqualTo("code-9");
        assertThat(exchange.get("redirect_uri").asString()).isEqualTo("http://localhost/cb");
        assertThat(this.headers).contains("/supabase/auth/v1/token auth=null apikey=anon-123");
        assertThat(this.polls.get()).isEqualTo(2);

        JsonNode out = login.json();
        assertThat(out.propertyNames()).containsExactly("ok", "status", "api_base_url", "expires_at", "user",
                "credentials_path");
        assertThat(out.get("user").get("email").asString()).isEqualTo("dev@example.com");
        Path creds = this.home.resolve(".ara/credentials.json");
        JsonNode stored = AraJson.mapper().readTree(Files.readString(creds));
        assertThat(stored.propertyNames()).containsExactly("auth_type", "api_base_url", "supabase_url",
                "supabase_anon_key", "access_token", "refresh_token", "expires_at", "user", "updated_at");
        assertThat(stored.get("auth_type").asString()).isEqualTo("supabase_jwt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(login.out()).doesNotContain("jwt-access").doesNotContain("jwt-refresh");

        Result whoami = cli("auth", "whoami");
        assertThat(whoami.code()).as(whoami.err()).isZero();
        assertThat(whoami.json().get("auth_source").asString()).isEqualTo("supabase_jwt");
    }

    @Test
    void deniedLoginAndUnsupportedProvider() {
        this.finalStatus = "denied";
        Result denied = cli("auth", "login", "--no-browser", "--api-base-url", this.base);
        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("ara auth: login failed (OAuth login failed: access denied)");
        Result provider = cli("auth", "login", "--provider", "evil-provider", "--api-base-url", this.base);
        assertThat(provider.code()).isEqualTo(1);
        assertThat(provider.err().strip()).isEqualTo("ara auth: unsupported OAuth provider 'evil-provider'. Allowed "
                + "providers: azure, bitbucket, discord, facebook, github, gitlab, google, linkedin_oidc, notion, slack, "
                + "spotify, twitch, twitter.");
    }

    @Test
    void connectWritesKeyPairProxyTokenAndSshConfig() throws Exception {
        Path ssh = this.home.resolve(".ssh");
        Files.createDirectories(ssh);
        Files.writeString(ssh.resolve("config"), "Host other\n  HostName example.com\n\nHost ara-personal\n  Port 1\n");
        String dirWithSpace = this.home.resolve("my home").toString();
        Result connect = cliWithHome(dirWithSpace, "connect", "ara://connect?token=abc123", "--key-comment", "laptop");
        assertThat(connect.code()).as(connect.err()).isZero();
        JsonNode exchange = this.requests.get("/session/connect/exchange");
        assertThat(exchange.get("token").asString()).isEqualTo("abc123");
        assertThat(exchange.get("public_key").asString()).startsWith("ssh-ed25519 ").endsWith("laptop");
        assertThat(exchange.get("key_comment").asString()).isEqualTo("laptop");
        JsonNode out = connect.json();
        assertThat(out.get("host_alias").asString()).isEqualTo("ara-personal");
        assertThat(out.get("session_id").asString()).isEqualTo("sess_7");
        assertThat(out.get("commands").get("ssh").asString()).isEqualTo("ssh ara-personal");
        assertThat(out.get("commands").get("vscode").asString())
                .isEqualTo("code --remote ssh-remote+ara-personal /root/.ara/workspace");
        Path homeWithSpace = Path.of(dirWithSpace);
        Path tokenFile = homeWithSpace.resolve(".ara/ssh/ara_personal_proxy_token");
        assertThat(Files.readString(tokenFile)).isEqualTo("proxy-tok\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        Path key = homeWithSpace.resolve(".ara/ssh/ara_personal_ed25519");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String config = Files.readString(homeWithSpace.resolve(".ssh/config"));
        assertThat(config).contains("Host ara-personal\n  HostName 127.0.0.1\n  Port 22\n  User root\n")
                .contains("  IdentityFile \"" + key + "\"\n")
                .contains("  ProxyCommand ara ssh-proxy --token-file '" + tokenFile + "'\n");

        Result scheme = cli("connect", "https://connect?token=x");
        assertThat(scheme.err().strip()).isEqualTo("connect URI must use ara:// scheme");
        Result noToken = cli("connect", "ara://connect?foo=1");
        assertThat(noToken.err().strip()).isEqualTo("connect URI missing token query parameter");
        Result proxy = cli("ssh-proxy");
        assertThat(proxy.code()).isEqualTo(1);
        assertThat(proxy.err().strip()).isEqualTo("ara ssh-proxy: --token or --token-file is required");
        Result missingFile = cli("ssh-proxy", "--token-file", this.home.resolve("nope").toString());
        assertThat(missingFile.err().strip()).isEqualTo("ara ssh-proxy: token file not found: " + this.home.resolve("nope"));
    }

    @Test
    void sshProxyRelaysStdinAndStdoutOverTheWebSocket() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> authorization = new java.util.concurrent.atomic.AtomicReference<>();
        reactor.netty.DisposableServer ws = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/session/ssh/proxy", (in, out) -> {
                    authorization.set(in.headers().get("Authorization"));
                    return out.sendByteArray(in.receive().asByteArray()
                            .map(bytes -> ("echo:" + new String(bytes, StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8)));
                })).bindNow();
        java.io.InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        try {
            Path tokenFile = this.home.resolve("proxy_token");
            Files.writeString(tokenFile, "proxy-tok\n");
            System.setIn(new java.io.ByteArrayInputStream("SSH-2.0-test".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(relayed, true, StandardCharsets.UTF_8));
            System.setProperty("ara.api-base-url", "http://127.0.0.1:" + ws.port() + "/ignored/base/path");
            Result proxy = cli("ssh-proxy", "--token-file", tokenFile.toString());
            assertThat(proxy.code()).as(proxy.err()).isZero();
        }
        finally {
            System.clearProperty("ara.api-base-url");
            System.setIn(originalIn);
            System.setOut(originalOut);
            ws.disposeNow();
        }
        assertThat(authorization.get()).isEqualTo("Bearer proxy-tok");
        assertThat(relayed.toString(StandardCharsets.UTF_8)).isEqualTo("echo:SSH-2.0-test");
    }

    Result cliWithHome(String otherHome, String... args) {
        Path saved = this.home;
        this.home = Path.of(otherHome);
        try {
            List<String> argv = new ArrayList<>(List.of(args));
            // the control-plane key and base URL come from properties here
            System.setProperty("ara.api-key", "cp-key");
            System.setProperty("ara.api-base-url", this.base);
            return cli(argv.toArray(String[]::new));
        }
        finally {
            System.clearProperty("ara.api-key");
            System.clearProperty("ara.api-base-url");
            this.home = saved;
        }
    }
}
