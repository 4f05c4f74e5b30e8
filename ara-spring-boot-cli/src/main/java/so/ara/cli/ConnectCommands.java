package so.ara.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import so.ara.credentials.AraCredentials;
import tools.jackson.databind.JsonNode;

/** {@code connect} and {@code ssh-proxy} (docs/ara-reference.md §7.5). */
final class ConnectCommands {

    static final List<Integer> RETRY_DELAYS = List.of(0, 4, 10, 20);

    static final List<String> RETRYABLE = List.of("post /session/connect/exchange failed (503)",
            "post /session/connect/exchange failed (network)", "timed out", "connection reset",
            "temporarily unavailable", "ssh_bootstrap_failed", "sandbox_unavailable");

    private ConnectCommands() {
    }

    /** The token of an {@code ara://connect?token=...} URI, or the raw token. */
    static String token(@Nullable String uri) {
        String value = uri == null ? "" : uri.strip();
        if (value.isEmpty()) {
            throw new CliException("connect URI is required");
        }
        if (!value.contains("://")) {
            return value;
        }
        URI parsed = URI.create(value);
        if (!"ara".equalsIgnoreCase(parsed.getScheme())) {
            throw new CliException("connect URI must use ara:// scheme");
        }
        String query = parsed.getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).equals("token")) {
                    String token = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8).strip();
                    if (!token.isEmpty()) {
                        return token;
                    }
                }
            }
        }
        throw new CliException("connect URI missing token query parameter");
    }

    static String shellQuote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    static void writePrivate(Path file, String content) throws IOException {
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(dir);
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Replaces the {@code Host <alias>} block of an SSH config (or appends one). */
    static String upsertHostBlock(String config, String alias, String block) {
        String[] lines = config.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.regionMatches(true, 0, "Host ", 0, 5)) {
                skipping = trimmed.substring(5).strip().equals(alias);
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        String kept = out.toString().replaceAll("\\n+$", "");
        return (kept.isEmpty() ? "" : kept + "\n\n") + block;
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Connect your machine to your Ara runtime over SSH: exchanges the connect token "
                    + "(POST /session/connect/exchange), creates ~/.ara/ssh/ara_personal_ed25519 with ssh-keygen if "
                    + "missing, writes the proxy token file and a `Host <alias>` block in ~/.ssh/config.")
    static class Connect implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "<ara://connect?token=...>",
                description = "Connect URI (or the raw token).")
        String uri;

        @Option(names = "--key-comment", paramLabel = "<comment>", description = "SSH key comment (default: host name).")
        String keyComment;

        private final AraCliContext cli;

        Connect(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws Exception {
            String token = token(this.uri);
            AraCredentials credentials = AraCliContext.requireControlPlane(this.cli.credentials(null),
                    "ara connect: not logged in. Run `ara auth login` first.");
            String comment = CliInputs.blankToNull(this.keyComment);
            if (comment == null) {
                try {
                    comment = InetAddress.getLocalHost().getHostName();
                }
                catch (IOException ex) {
                    comment = "ara-cli";
                }
            }
            Path sshDir = this.cli.home().resolve(".ara").resolve("ssh");
            Path privateKey = sshDir.resolve("ara_personal_ed25519");
            Path publicKey = sshDir.resolve("ara_personal_ed25519.pub");
            ensureKeyPair(sshDir, privateKey, publicKey, comment);
            String bearer = this.cli.await(credentials.controlPlaneToken());
            CliHttp http = new CliHttp(credentials.apiBaseUrl(), credentials.debugHttpErrors());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("public_key", Files.readString(publicKey, StandardCharsets.UTF_8).strip());
            body.put("key_comment", comment);
            JsonNode exchanged = null;
            RuntimeException last = null;
            for (int delay : RETRY_DELAYS) {
                if (delay > 0) {
                    this.cli.io().progress("Runtime not ready yet; retrying in " + delay + " s ...");
                    TimeUnit.SECONDS.sleep(delay);
                }
                try {
                    exchanged = http.call("POST", "/session/connect/exchange", body, bearer, Duration.ofSeconds(180));
                    break;
                }
                catch (RuntimeException ex) {
                    last = ex;
                    String text = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
                    if (RETRYABLE.stream().noneMatch(text::contains)) {
                        throw ex;
                    }
                }
            }
            if (exchanged == null) {
                throw last;
            }
            String proxyToken = AuthCommands.text(exchanged, "proxy_token");
            if (proxyToken == null || proxyToken.isBlank()) {
                throw new CliException("ara connect: exchange failed (missing proxy token)");
            }
            String alias = AuthCommands.text(exchanged, "host_alias") != null ? AuthCommands.text(exchanged, "host_alias")
                    : "ara-personal";
            Path tokenFile = sshDir.resolve("ara_personal_proxy_token");
            writePrivate(tokenFile, proxyToken + "\n");
            Path sshConfig = this.cli.home().resolve(".ssh").resolve("config");
            String block = "Host " + alias + "\n" + "  HostName 127.0.0.1\n" + "  Port 22\n" + "  User root\n"
                    + "  IdentityFile \"" + privateKey + "\"\n" + "  IdentitiesOnly yes\n"
                    + "  StrictHostKeyChecking no\n" + "  UserKnownHostsFile /dev/null\n"
                    + "  ProxyCommand ara ssh-proxy --token-file " + shellQuote(tokenFile.toString()) + "\n";
            String existing = Files.isRegularFile(sshConfig) ? Files.readString(sshConfig, StandardCharsets.UTF_8) : "";
            writePrivate(sshConfig, upsertHostBlock(existing, alias, block));
            JsonNode commands = exchanged.get("commands");
            Map<String, Object> cmds = new LinkedHashMap<>();
            cmds.put("ssh", orDefault(commands, "ssh", "ssh " + alias));
            cmds.put("vscode", orDefault(commands, "vscode", "code --remote ssh-remote+" + alias
                    + " /root/.ara/workspace"));
            cmds.put("sshfs_mount", orDefault(commands, "sshfs_mount", "mkdir -p ~/AraWorkspace && sshfs " + alias
                    + ":/root/.ara/workspace ~/AraWorkspace"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("host_alias", alias);
            out.put("ssh_config_path", sshConfig.toString());
            out.put("private_key_path", privateKey.toString());
            out.put("proxy_token_file", tokenFile.toString());
            out.put("session_id", AuthCommands.text(exchanged, "session_id"));
            out.put("commands", cmds);
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("terminal", cmds.get("ssh"));
            next.put("vscode", cmds.get("vscode"));
            out.put("next", next);
            this.cli.print(out);
            return 0;
        }

        private static String orDefault(@Nullable JsonNode node, String field, String fallback) {
            String value = AuthCommands.text(node, field);
            return value == null || value.isBlank() ? fallback : value;
        }

        private void ensureKeyPair(Path dir, Path privateKey, Path publicKey, String comment) throws Exception {
            if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
                return;
            }
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Files.deleteIfExists(privateKey);
            Files.deleteIfExists(publicKey);
            Process process;
            try {
                process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f",
                        privateKey.toString()).redirectErrorStream(true).start();
            }
            catch (IOException ex) {
                throw new CliException("ara connect: ssh-keygen not found; install OpenSSH to create the key pair.", ex);
            }
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CliException("ara connect: ssh-keygen failed to create " + privateKey);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
                Files.setPosixFilePermissions(publicKey, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    @Command(name = "ssh-proxy", mixinStandardHelpOptions = true,
            description = "SSH ProxyCommand: relays stdin/stdout over a WebSocket to <ws|wss>://<API host>/session/ssh/proxy "
                    + "with the proxy token as bearer (binary frames, stdin read in <= 64 KiB chunks, ends on stdin "
                    + "EOF), ping every 30 s. Inferred: the socket carries raw SSH bytes only (no other framing); a missing "
                    + "pong is left to the server to detect.")
    static class SshProxy implements Callable<Integer> {

        @Option(names = "--token", paramLabel = "<token>", description = "Proxy token.")
        String token;

        @Option(names = "--token-file", paramLabel = "<path>", description = "File holding the proxy token.")
        Path tokenFile;

        private final AraCliContext cli;

        SshProxy(AraCliContext cli) {
            this.cli = cli;
        }

        static URI proxyUri(String apiBaseUrl) {
            URI base = URI.create(apiBaseUrl);
            String scheme = "http".equalsIgnoreCase(base.getScheme()) ? "ws" : "wss";
            String authority = base.getRawAuthority();
            return URI.create(scheme + "://" + authority + "/session/ssh/proxy");
        }

        @Override
        public Integer call() throws Exception {
            String bearer = CliInputs.blankToNull(this.token);
            if (bearer == null && this.tokenFile != null) {
                if (!Files.isRegularFile(this.tokenFile)) {
                    throw new CliException("ara ssh-proxy: token file not found: " + this.tokenFile);
                }
                bearer = CliInputs.blankToNull(Files.readString(this.tokenFile, StandardCharsets.UTF_8));
            }
            if (bearer == null) {
                throw new CliException("ara ssh-proxy: --token or --token-file is required");
            }
            URI uri = proxyUri(this.cli.credentials(null).apiBaseUrl());
            // raw bytes of the SSH stream: the process's stdout, not the command's text writer
            OutputStream stdout = System.out;
            CompletableFuture<Void> closed = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + bearer).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                            try {
                                byte[] bytes = new byte[data.remaining()];
                                data.get(bytes);
                                stdout.write(bytes);
                                stdout.flush();
                            }
                            catch (IOException ex) {
                                closed.completeExceptionally(ex);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(null);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            closed.completeExceptionally(error);
                        }
                    }).get(30, TimeUnit.SECONDS);
            Thread pinger = new Thread(() -> {
                while (!closed.isDone()) {
                    try {
                        TimeUnit.SECONDS.sleep(30);
                        socket.sendPing(ByteBuffer.allocate(0));
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "ara-ssh-proxy-ping");
            pinger.setDaemon(true);
            pinger.start();
            InputStream stdin = System.in;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (!closed.isDone() && (read = stdin.read(buffer)) >= 0) {
                socket.sendBinary(ByteBuffer.wrap(buffer, 0, read).asReadOnlyBuffer(), true).join();
            }
            if (!closed.isDone()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
                // frames already on their way still reach stdout before the server's close
                try {
                    closed.get(10, TimeUnit.SECONDS);
                }
                catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
                    socket.abort();
                }
            }
            pinger.interrupt();
            stdout.flush();
            return 0;
        }
    }
}
