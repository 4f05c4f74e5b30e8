package so.ara.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import so.ara.credentials.AraCredentials;
import so.ara.credentials.CredentialSource;
import so.ara.credentials.CredentialsFile;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ara auth login|whoami|rotate|logout} (docs/ara-reference.md §7.3); credentials in {@code <home>/.ara/credentials.json}. */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Log in to Ara and manage CLI credentials.",
        subcommands = { AuthCommands.Login.class, AuthCommands.WhoAmI.class, AuthCommands.Rotate.class,
                AuthCommands.Logout.class })
final class AuthCommands implements Runnable {

    static final String NOT_LOGGED_IN = "ara auth: not logged in. Run `ara auth login` or set ARA_API_KEY.";

    static final List<String> PROVIDERS = List.of("azure", "bitbucket", "discord", "facebook", "github", "gitlab",
            "google", "linkedin_oidc", "notion", "slack", "spotify", "twitch", "twitter");

    @Spec
    CommandSpec spec;

    /** {@code ara auth} alone prints its help. */
    @Override
    public void run() {
        this.spec.commandLine().usage(this.spec.commandLine().getOut());
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Log in with an API key (--api-key, verified with whoami) or through the browser/device "
                    + "OAuth flow (PKCE, polling /auth/cli/device/status).")
    static class Login implements Callable<Integer> {

        @Option(names = "--api-base-url", paramLabel = "<url>", description = "Ara API base URL.")
        String apiBaseUrl;

        @Option(names = "--api-key", paramLabel = "<key>", description = "Store this API key instead of OAuth.")
        String apiKey;

        @Option(names = "--provider", defaultValue = "google", paramLabel = "<provider>",
                description = "OAuth provider (default: ${DEFAULT-VALUE}).")
        String provider;

        @Option(names = "--timeout-seconds", defaultValue = "180", paramLabel = "<s>",
                description = "How long to wait for approval (at least 30; default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--auth-flow", defaultValue = "poll", paramLabel = "<poll>",
                description = "Login flow; only poll is supported.")
        String authFlow;

        @Option(names = "--no-browser", description = "Do not open a browser; print the URL only.")
        boolean noBrowser;

        @Option(names = "--supabase-url", paramLabel = "<url>", description = "Supabase URL (with --supabase-anon-key).")
        String supabaseUrl;

        @Option(names = "--supabase-anon-key", paramLabel = "<key>", description = "Supabase anon key.")
        String supabaseAnonKey;

        @Spec
        CommandSpec spec;

        private final AraCliContext cli;

        Login(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws Exception {
            if (!"poll".equals(this.authFlow)) {
                throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
                        "argument --auth-flow: invalid choice: '" + this.authFlow + "' (choose from 'poll')");
            }
            AraCredentials resolved = this.cli.credentials(this.apiBaseUrl);
            String base = resolved.apiBaseUrl();
            String key = CliInputs.blankToNull(this.apiKey);
            if (key != null) {
                return apiKeyLogin(base, key);
            }
            try {
                return oauthLogin(base);
            }
            catch (CliException ex) {
                throw ex.getMessage().startsWith("ara auth:") ? ex
                        : new CliException("ara auth: login failed (" + ex.getMessage() + ")", ex);
            }
        }

        private int apiKeyLogin(String base, String key) {
            CredentialsFile file = this.cli.credentialsFile();
            ObjectNode creds = AraJson.mapper().createObjectNode();
            creds.put("auth_type", "cli_api_key");
            creds.put("api_base_url", base);
            creds.put("api_key", key);
            file.write(creds);
            JsonNode user = null;
            try {
                JsonNode whoami = new CliHttp(base, false).call("GET", "/auth/cli/whoami", null, key,
                        Duration.ofSeconds(30));
                user = whoami.get("user");
            }
            catch (RuntimeException ex) {
                this.cli.io().err().println("Warning: could not verify API key against server; stored locally anyway.");
                this.cli.io().err().flush();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("status", "logged_in");
            out.put("auth_type", "cli_api_key");
            out.put("api_base_url", base);
            out.put("user", user);
            out.put("credentials_path", file.path().toString());
            this.cli.print(out);
            return 0;
        }

        private int oauthLogin(String base) throws Exception {
            String chosen = this.provider.strip().toLowerCase(Locale.ROOT);
            if (!PROVIDERS.contains(chosen)) {
                throw new CliException("ara auth: unsupported OAuth provider '" + this.provider
                        + "'. Allowed providers: " + String.join(", ", PROVIDERS) + ".");
            }
            String apiBase = base;
            String supabase = CliInputs.blankToNull(this.supabaseUrl);
            String anonKey = CliInputs.blankToNull(this.supabaseAnonKey);
            if (supabase == null || anonKey == null) {
                JsonNode config;
                try {
                    config = new CliHttp(base, false).call("GET", "/auth/cli/config", null, null,
                            Duration.ofSeconds(30));
                }
                catch (RuntimeException ex) {
                    throw new CliException("ara auth: could not resolve Supabase auth config.", ex);
                }
                supabase = CliInputs.blankToNull(text(config, "supabase_url"));
                anonKey = CliInputs.blankToNull(text(config, "supabase_anon_key"));
                String configured = CliInputs.blankToNull(text(config, "api_base_url"));
                if (configured != null && CliInputs.blankToNull(this.apiBaseUrl) == null) {
                    apiBase = configured;
                }
            }
            if (supabase == null || anonKey == null) {
                throw new CliException("ara auth: could not resolve Supabase auth config.");
            }
            CliHttp api = new CliHttp(apiBase, false);
            byte[] random = new byte[64];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = challenge(verifier);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("provider", chosen);
            start.put("code_challenge", challenge);
            start.put("code_challenge_method", "s256");
            start.put("timeout_seconds", this.timeoutSeconds);
            JsonNode started = login(() -> api.call("POST", "/auth/cli/device/start", start, null,
                    Duration.ofSeconds(30)));
            String url = text(started, "authorize_url") != null ? text(started, "authorize_url")
                    : text(started, "verification_uri");
            String sessionId = text(started, "session_id");
            String pollToken = text(started, "poll_token");
            if (url == null || sessionId == null || pollToken == null) {
                throw new CliException("ara auth: login failed (device start response was incomplete)");
            }
            long interval = Math.max(1, Math.min(10, started.path("interval_seconds").asLong(2) <= 0 ? 2
                    : started.path("interval_seconds").asLong(2)));
            this.cli.io().err().println("Open this URL to sign in with " + chosen + ":");
            this.cli.io().err().println(url);
            this.cli.io().err().flush();
            if (!this.noBrowser) {
                openBrowser(url);
            }
            Instant deadline = Instant.now().plusSeconds(Math.max(30, this.timeoutSeconds));
            Set<String> warned = new HashSet<>();
            JsonNode approved = null;
            while (Instant.now().isBefore(deadline)) {
                String path = "/auth/cli/device/status?session_id=" + encode(sessionId) + "&poll_token="
                        + encode(pollToken);
                JsonNode status = login(() -> api.call("GET", path, null, null, Duration.ofSeconds(30)));
                String state = String.valueOf(text(status, "status")).toLowerCase(Locale.ROOT);
                switch (state) {
                    case "pending", "waiting", "queued" -> { }
                    case "approved" -> approved = status;
                    case "error", "failed", "denied" -> {
                        String detail = text(status, "error_description") != null ? text(status, "error_description")
                                : (text(status, "error") != null ? text(status, "error") : "OAuth login failed.");
                        throw new CliException("OAuth login failed: " + detail);
                    }
                    case "expired" -> throw new CliException("OAuth login expired before completion.");
                    case "consumed" -> throw new CliException(
                            "OAuth login code already used. Retry `ara auth login` if this was unexpected.");
                    default -> {
                        if (warned.add(state)) {
                            this.cli.io().err().println("Warning: unexpected OAuth login status '" + state + "'.");
                        }
                    }
                }
                if (approved != null) {
                    break;
                }
                Thread.sleep(interval * 1000);
            }
            if (approved == null) {
                throw new CliException("No OAuth approval received before timeout. Retry `ara auth login` or use "
                        + "`ara auth login --api-key <ARA_API_KEY>`.");
            }
            String authCode = text(approved, "auth_code");
            String redirectUri = text(approved, "redirect_uri");
            if (authCode == null || redirectUri == null) {
                throw new CliException("Polling login approved but callback payload was incomplete.");
            }
            Map<String, Object> exchange = new LinkedHashMap<>();
            exchange.put("auth_code", authCode);
            exchange.put("code_verifier", verifier);
            exchange.put("redirect_uri", redirectUri);
            String supabaseBase = supabase.endsWith("/") ? supabase.substring(0, supabase.length() - 1) : supabase;
            String anon = anonKey;
            JsonNode tokens = login(() -> api.external("POST", supabaseBase + "/auth/v1/token?grant_type=pkce",
                    exchange, Map.of("apikey", anon, "Accept", "application/json"), "Supabase auth request failed"));
            String access = text(tokens, "access_token");
            String refresh = text(tokens, "refresh_token");
            if (access == null || refresh == null) {
                throw new CliException("ara auth: login failed, missing access or refresh token.");
            }
            JsonNode expiresAt = tokens.get("expires_at");
            JsonNode expiry;
            if (expiresAt != null && (expiresAt.isNumber() || expiresAt.isString())) {
                expiry = expiresAt;
            }
            else if (tokens.path("expires_in").asLong(0) > 0) {
                expiry = AraJson.mapper().getNodeFactory()
                        .numberNode(Instant.now().getEpochSecond() + tokens.path("expires_in").asLong());
            }
            else {
                throw new CliException("ara auth: login failed (Supabase auth response did not include a valid "
                        + "expires_at or expires_in field.)");
            }
            ObjectNode creds = AraJson.mapper().createObjectNode();
            creds.put("auth_type", "supabase_jwt");
            creds.put("api_base_url", apiBase);
            creds.put("supabase_url", supabaseBase);
            creds.put("supabase_anon_key", anonKey);
            creds.put("access_token", access);
            creds.put("refresh_token", refresh);
            creds.set("expires_at", expiry);
            ObjectNode user = creds.putObject("user");
            user.put("id", text(tokens.get("user"), "id"));
            user.put("email", text(tokens.get("user"), "email"));
            CredentialsFile file = this.cli.credentialsFile();
            file.write(creds);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("status", "logged_in");
            out.put("api_base_url", apiBase);
            out.put("expires_at", expiry);
            out.put("user", user);
            out.put("credentials_path", file.path().toString());
            this.cli.print(out);
            return 0;
        }

        private static JsonNode login(Callable<JsonNode> step) {
            try {
                return step.call();
            }
            catch (CliException ex) {
                throw ex.getMessage().startsWith("ara auth:") ? ex
                        : new CliException("ara auth: login failed (" + ex.getMessage() + ")", ex);
            }
            catch (Exception ex) {
                throw new CliException("ara auth: login failed (" + ex.getMessage() + ")", ex);
            }
        }

        static String challenge(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private void openBrowser(String url) {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(URI.create(url));
                }
            }
            catch (Exception | LinkageError ex) {
                // no browser: the URL is printed above
            }
        }
    }

    static String authSource(AraCredentials credentials, AraCliContext cli) {
        CredentialSource source = credentials.source();
        return switch (source) {
            case EXPLICIT, ENV_API_KEY, ENV_ACCESS_TOKEN -> "env";
            case SUPABASE_JWT -> "supabase_jwt";
            case CLI_API_KEY, LEGACY_API_KEY -> {
                String type = cli.credentialsFile().read().map(node -> text(node, "auth_type")).orElse(null);
                yield type != null ? type : "cli_api_key";
            }
            case NONE -> "unknown";
        };
    }

    /** The control-plane credentials, or the reference's "not logged in" error. */
    static AraCredentials loggedIn(AraCliContext cli, String apiBaseUrl) {
        return AraCliContext.requireControlPlane(cli.credentials(apiBaseUrl), NOT_LOGGED_IN);
    }

    /** A bodiless control-plane call with the bearer of {@code credentials} (30 s, as the reference). */
    static JsonNode controlPlaneCall(AraCliContext cli, AraCredentials credentials, String method, String path) {
        String token = cli.await(credentials.controlPlaneToken());
        return new CliHttp(credentials.apiBaseUrl(), credentials.debugHttpErrors()).call(method, path, null, token,
                Duration.ofSeconds(30));
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true,
            description = "Print the logged-in user (GET /auth/cli/whoami) and auth_source.")
    static class WhoAmI implements Callable<Integer> {

        @Option(names = "--api-base-url", paramLabel = "<url>", description = "Ara API base URL.")
        String apiBaseUrl;

        private final AraCliContext cli;

        WhoAmI(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            AraCredentials credentials = loggedIn(this.cli, this.apiBaseUrl);
            JsonNode answer = controlPlaneCall(this.cli, credentials, "GET", "/auth/cli/whoami");
            ObjectNode out = answer instanceof ObjectNode object ? object.deepCopy()
                    : AraJson.mapper().createObjectNode();
            out.put("auth_source", authSource(credentials, this.cli));
            this.cli.print(out);
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Rotate the API key (POST /apps/api-key/rotate); updates the credentials file of an "
                    + "--api-key login.")
    static class Rotate implements Callable<Integer> {

        @Option(names = "--api-base-url", paramLabel = "<url>", description = "Ara API base URL.")
        String apiBaseUrl;

        private final AraCliContext cli;

        Rotate(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            AraCredentials credentials = loggedIn(this.cli, this.apiBaseUrl);
            JsonNode answer = controlPlaneCall(this.cli, credentials, "POST", "/apps/api-key/rotate");
            String newKey = text(answer, "api_key");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("status", "rotated");
            out.put("key_prefix", text(answer, "key_prefix"));
            out.put("key_identifier", text(answer, "key_identifier"));
            boolean updated = false;
            CredentialsFile file = this.cli.credentialsFile();
            if (this.cli.env("ARA_API_KEY") != null) {
                out.put("warning", "Your ARA_API_KEY environment variable still holds the old key. Update it to: "
                        + newKey);
            }
            else {
                ObjectNode stored = file.read().orElse(null);
                if (stored != null && "cli_api_key".equals(text(stored, "auth_type")) && newKey != null) {
                    stored.put("api_key", newKey);
                    file.write(stored);
                    updated = true;
                }
            }
            out.put("credentials_updated", updated);
            if (updated) {
                out.put("credentials_path", file.path().toString());
            }
            this.cli.print(out);
            return 0;
        }
    }

    @Command(name = "logout", mixinStandardHelpOptions = true, description = "Delete the credentials file.")
    static class Logout implements Callable<Integer> {

        private final AraCliContext cli;

        Logout(AraCliContext cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws Exception {
            Path path = this.cli.credentialsFile().path();
            Files.deleteIfExists(path);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("status", "logged_out");
            this.cli.print(out);
            return 0;
        }
    }
}
