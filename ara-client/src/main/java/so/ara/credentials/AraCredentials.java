package so.ara.credentials;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import so.ara.client.AraApiException;
import so.ara.client.AraConnectionException;
import so.ara.client.AraException;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolved Ara credentials (docs/ara-reference.md §6): the control-plane bearer (explicit → {@code ARA_API_KEY} →
 * {@code ARA_ACCESS_TOKEN} → {@code ~/.ara/credentials.json}), the API base URL (explicit → {@code ARA_API_BASE_URL} →
 * credentials {@code api_base_url} → {@code https://api.ara.so}), the runtime key ({@code ARA_RUNTIME_KEY}), the
 * app-header key ({@code ARA_APP_HEADER_KEY}) and the debug flag ({@code ARA_SDK_DEBUG_HTTP_ERRORS}).
 * A {@code supabase_jwt} login is refreshed through Supabase when it expires within 30 s and saved back.
 * {@link #toString()} never shows key values.
 */
public final class AraCredentials {

    public static final String DEFAULT_API_BASE_URL = "https://api.ara.so";
    public static final String NO_CREDENTIALS = "No credentials found. Set ARA_API_KEY or run `ara auth login`.";
    static final String MISSING_REFRESH =
            "Stored CLI credentials are missing refresh metadata; run `ara auth login` again.";
    static final Duration REFRESH_SKEW = Duration.ofSeconds(30);

    private final CredentialSource source;
    private final @Nullable String staticToken;
    private final String apiBaseUrl;
    private final @Nullable String runtimeKey;
    private final @Nullable String appHeaderKey;
    private final boolean debugHttpErrors;
    private final AraEnvironment environment;
    private final CredentialsFile file;
    private final Clock clock;
    private final WebClient.Builder webClientBuilder;
    private final Object lock = new Object();
    private @Nullable ObjectNode stored;
    private @Nullable Mono<String> refreshing;

    private AraCredentials(Builder b) {
        this.clock = b.clock;
        this.environment = b.environmentLookup != null ? AraEnvironment.of(b.environmentLookup, b.workingDirectory)
                : (b.environment != null ? b.environment : AraEnvironment.system());
        Path home = b.home != null ? b.home : Path.of(Objects.requireNonNullElse(System.getProperty("user.home"), "."));
        this.file = b.credentialsFile != null ? CredentialsFile.at(b.credentialsFile, this.clock)
                : new CredentialsFile(home, this.clock);
        this.webClientBuilder = b.webClientBuilder != null ? b.webClientBuilder.clone() : WebClient.builder();
        ObjectNode fileCredentials = b.skipCredentialsFile ? null : this.file.read().orElse(null);
        String explicit = trim(b.apiKey);
        String envKey = this.environment.getTrimmed("ARA_API_KEY");
        String envToken = this.environment.getTrimmed("ARA_ACCESS_TOKEN");
        if (explicit != null) {
            this.source = CredentialSource.EXPLICIT;
            this.staticToken = explicit;
        }
        else if (envKey != null) {
            this.source = CredentialSource.ENV_API_KEY;
            this.staticToken = envKey;
        }
        else if (envToken != null) {
            this.source = CredentialSource.ENV_ACCESS_TOKEN;
            this.staticToken = envToken;
        }
        else if (fileCredentials != null && "supabase_jwt".equals(text(fileCredentials, "auth_type"))) {
            this.source = CredentialSource.SUPABASE_JWT;
            this.staticToken = null;
            this.stored = fileCredentials;
        }
        else if (fileCredentials != null && text(fileCredentials, "api_key") != null) {
            this.source = "cli_api_key".equals(text(fileCredentials, "auth_type")) ? CredentialSource.CLI_API_KEY
                    : CredentialSource.LEGACY_API_KEY;
            this.staticToken = text(fileCredentials, "api_key");
        }
        else {
            this.source = CredentialSource.NONE;
            this.staticToken = null;
        }
        String base = trim(b.apiBaseUrl);
        if (base == null) {
            base = this.environment.getTrimmed("ARA_API_BASE_URL");
        }
        if (base == null && fileCredentials != null) {
            base = text(fileCredentials, "api_base_url");
        }
        if (base == null) {
            base = DEFAULT_API_BASE_URL;
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.apiBaseUrl = base;
        this.runtimeKey = trim(b.runtimeKey) != null ? trim(b.runtimeKey) : this.environment.getTrimmed("ARA_RUNTIME_KEY");
        this.appHeaderKey = trim(b.appHeaderKey) != null ? trim(b.appHeaderKey)
                : this.environment.getTrimmed("ARA_APP_HEADER_KEY");
        this.debugHttpErrors = b.debugHttpErrors != null ? b.debugHttpErrors
                : this.environment.isTrue("ARA_SDK_DEBUG_HTTP_ERRORS");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Process environment, {@code .env} files of the working directory and {@code ~/.ara/credentials.json}. */
    public static AraCredentials fromEnvironment() {
        return builder().build();
    }

    /** Fixed base URL and control-plane key; nothing else is looked up (no environment, no files). */
    public static AraCredentials of(String apiBaseUrl, String apiKey) {
        return builder().environment(AraEnvironment.of(key -> null)).skipCredentialsFile().apiBaseUrl(apiBaseUrl)
                .apiKey(apiKey).build();
    }

    public CredentialSource source() {
        return this.source;
    }

    public boolean hasControlPlaneCredentials() {
        return this.source != CredentialSource.NONE;
    }

    public String apiBaseUrl() {
        return this.apiBaseUrl;
    }

    public @Nullable String runtimeKey() {
        return this.runtimeKey;
    }

    public @Nullable String appHeaderKey() {
        return this.appHeaderKey;
    }

    public boolean debugHttpErrors() {
        return this.debugHttpErrors;
    }

    public AraEnvironment environment() {
        return this.environment;
    }

    public Path credentialsPath() {
        return this.file.path();
    }

    /**
     * The control-plane bearer. For a {@code supabase_jwt} login the stored token is refreshed first when it expires
     * within 30 s (or its expiry is missing/unparseable); concurrent callers share one refresh.
     */
    public Mono<String> controlPlaneToken() {
        if (this.staticToken != null) {
            return Mono.just(this.staticToken);
        }
        if (this.source == CredentialSource.NONE) {
            return Mono.error(() -> new AraException(NO_CREDENTIALS));
        }
        return Mono.defer(() -> {
            synchronized (this.lock) {
                ObjectNode current = Objects.requireNonNull(this.stored);
                String token = text(current, "access_token");
                if (token != null && !expiresSoon(current)) {
                    return Mono.just(token);
                }
                if (this.refreshing == null) {
                    this.refreshing = refresh(current).doFinally(signal -> {
                        synchronized (this.lock) {
                            this.refreshing = null;
                        }
                    }).cache();
                }
                return this.refreshing;
            }
        });
    }

    private boolean expiresSoon(ObjectNode credentials) {
        Instant expiresAt = parseExpiry(credentials.get("expires_at"));
        return expiresAt == null || !expiresAt.isAfter(this.clock.instant().plus(REFRESH_SKEW));
    }

    static @Nullable Instant parseExpiry(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
        }
        if (value.isString()) {
            String s = value.stringValue().strip();
            if (s.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli((long) (Double.parseDouble(s) * 1000));
            }
            try {
                return OffsetDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) + "+00:00" : s)
                        .toInstant();
            }
            catch (DateTimeParseException ex) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                }
                catch (DateTimeParseException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private Mono<String> refresh(ObjectNode current) {
        String refreshToken = text(current, "refresh_token");
        String supabaseUrl = text(current, "supabase_url");
        String anonKey = text(current, "supabase_anon_key");
        if (refreshToken == null || supabaseUrl == null || anonKey == null) {
            return Mono.error(new AraException(MISSING_REFRESH));
        }
        String base = supabaseUrl.replaceAll("/+$", "");
        String path = "/auth/v1/token?grant_type=refresh_token";
        WebClient client = this.webClientBuilder.build();
        return client.post().uri(java.net.URI.create(base + path))
                .header("apikey", anonKey)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(AraJson.mapper().writeValueAsString(Map.of("refresh_token", refreshToken)))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
                    int status = response.statusCode().value();
                    if (status >= 400) {
                        throw new SupabaseException(status, body);
                    }
                    return body.isBlank() ? AraJson.mapper().createObjectNode() : AraJson.mapper().readTree(body);
                }))
                .timeout(Duration.ofSeconds(30))
                .onErrorMap(WebClientRequestException.class,
                        ex -> new AraConnectionException("POST", path, rootMessage(ex), ex))
                .onErrorMap(java.util.concurrent.TimeoutException.class,
                        ex -> new AraConnectionException("POST", path, "timed out", ex))
                .map(answer -> apply(current, answer));
    }

    private String apply(ObjectNode current, JsonNode answer) {
        String accessToken = text(answer, "access_token");
        if (accessToken == null) {
            throw new AraException("Supabase refresh did not return access_token");
        }
        ObjectNode updated = current.deepCopy();
        updated.put("access_token", accessToken);
        String newRefresh = text(answer, "refresh_token");
        if (newRefresh != null) {
            updated.put("refresh_token", newRefresh);
        }
        JsonNode expiresAt = answer.get("expires_at");
        JsonNode expiresIn = answer.get("expires_in");
        if (expiresAt != null && expiresAt.isNumber()) {
            updated.put("expires_at", expiresAt.asLong());
        }
        else if (expiresAt != null && expiresAt.isString() && parseExpiry(expiresAt) != null) {
            updated.put("expires_at", expiresAt.stringValue());
        }
        else if (expiresIn != null && expiresIn.isNumber() && expiresIn.asDouble() > 0) {
            updated.put("expires_at", this.clock.instant().getEpochSecond() + expiresIn.asLong());
        }
        else {
            throw new AraException("Supabase auth response did not include a valid expires_at or expires_in field.");
        }
        JsonNode user = answer.get("user");
        if (user != null && user.isObject()) {
            ObjectNode slim = AraJson.mapper().createObjectNode();
            slim.put("id", text(user, "id"));
            slim.put("email", text(user, "email"));
            updated.set("user", slim);
        }
        this.file.write(updated);
        synchronized (this.lock) {
            this.stored = updated;
        }
        return accessToken;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return trim(value.asString());
    }

    private static @Nullable String trim(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String toString() {
        return "AraCredentials[source=" + this.source + ", apiBaseUrl=" + this.apiBaseUrl + ", runtimeKey="
                + (this.runtimeKey != null ? "<set>" : "<none>") + ", appHeaderKey="
                + (this.appHeaderKey != null ? "<set>" : "<none>") + "]";
    }

    /** A Supabase error answer; its message always includes the body, as the Python SDK does. */
    public static final class SupabaseException extends AraApiException {

        SupabaseException(int status, String body) {
            super("Supabase auth request failed (" + status + "): " + body, status, "POST",
                    "/auth/v1/token?grant_type=refresh_token", body, null);
        }
    }

    /** Builder; every value is optional. */
    public static final class Builder {

        private @Nullable String apiKey;
        private @Nullable String apiBaseUrl;
        private @Nullable String runtimeKey;
        private @Nullable String appHeaderKey;
        private @Nullable Boolean debugHttpErrors;
        private @Nullable Function<String, @Nullable String> environmentLookup;
        private @Nullable AraEnvironment environment;
        private @Nullable Path workingDirectory = Path.of("").toAbsolutePath();
        private @Nullable Path home;
        private Clock clock = Clock.systemUTC();
        private WebClient.@Nullable Builder webClientBuilder;
        private boolean skipCredentialsFile;
        private @Nullable Path credentialsFile;

        private Builder() {
        }

        /** Explicit control-plane key (e.g. {@code ara.api-key}); wins over everything. Blank = not set. */
        public Builder apiKey(@Nullable String value) {
            this.apiKey = value;
            return this;
        }

        public Builder apiBaseUrl(@Nullable String value) {
            this.apiBaseUrl = value;
            return this;
        }

        public Builder runtimeKey(@Nullable String value) {
            this.runtimeKey = value;
            return this;
        }

        public Builder appHeaderKey(@Nullable String value) {
            this.appHeaderKey = value;
            return this;
        }

        /** Explicit debug flag; null means {@code ARA_SDK_DEBUG_HTTP_ERRORS}. */
        public Builder debugHttpErrors(@Nullable Boolean value) {
            this.debugHttpErrors = value;
            return this;
        }

        /** Environment lookup (default {@code System::getenv}); combined with the working directory's .env files. */
        public Builder environment(Function<String, @Nullable String> lookup) {
            this.environmentLookup = lookup;
            this.environment = null;
            return this;
        }

        public Builder environment(AraEnvironment value) {
            this.environment = value;
            this.environmentLookup = null;
            return this;
        }

        /** Directory whose {@code .env}/{@code .env.local} are read (default: current directory; null = none). */
        public Builder workingDirectory(@Nullable Path value) {
            this.workingDirectory = value;
            return this;
        }

        /** Home directory holding {@code .ara/credentials.json} (default: {@code user.home}). */
        public Builder home(Path value) {
            this.home = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Builder used for the Supabase refresh call. */
        public Builder webClientBuilder(WebClient.Builder value) {
            this.webClientBuilder = value;
            return this;
        }

        /** The credentials file itself (instead of {@code <home>/.ara/credentials.json}). */
        public Builder credentialsFile(Path value) {
            this.credentialsFile = value;
            return this;
        }

        /** Do not read {@code ~/.ara/credentials.json}. */
        public Builder skipCredentialsFile() {
            this.skipCredentialsFile = true;
            return this;
        }

        public AraCredentials build() {
            if (this.environmentLookup == null && this.environment == null) {
                this.environmentLookup = System::getenv;
            }
            return new AraCredentials(this);
        }
    }
}
