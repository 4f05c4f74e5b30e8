package so.ara.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import so.ara.client.AraException;
import so.ara.json.AraJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AraCredentialsTest {

    static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z");

    @TempDir
    Path home;

    @TempDir
    Path cwd;

    final Map<String, String> env = new HashMap<>();

    DisposableServer supabase;

    @AfterEach
    void stop() {
        if (this.supabase != null) {
            this.supabase.disposeNow();
        }
    }

    AraCredentials.Builder builder() {
        return AraCredentials.builder().environment(this.env::get).workingDirectory(this.cwd).home(this.home)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void writeCredentials(String json) throws Exception {
        Files.createDirectories(this.home.resolve(".ara"));
        Files.writeString(this.home.resolve(".ara/credentials.json"), json);
    }

    @Test
    void explicitWinsOverEverything() throws Exception {
        this.env.put("ARA_API_KEY", "env-key");
        writeCredentials("{\"auth_type\":\"cli_api_key\",\"api_key\":\"file-key\",\"api_base_url\":\"http://file\"}");
        AraCredentials credentials = builder().apiKey("explicit-key").build();
        assertThat(credentials.source()).isEqualTo(CredentialSource.EXPLICIT);
        assertThat(credentials.controlPlaneToken().block()).isEqualTo("explicit-key");
        assertThat(credentials.apiBaseUrl()).isEqualTo("http://file");
    }

    @Test
    void orderEnvApiKeyThenAccessTokenThenFile() throws Exception {
        writeCredentials("{\"auth_type\":\"cli_api_key\",\"api_key\":\"file-key\"}");
        this.env.put("ARA_ACCESS_TOKEN", " legacy-token ");
        assertThat(builder().build().controlPlaneToken().block()).isEqualTo("legacy-token");
        assertThat(builder().build().source()).isEqualTo(CredentialSource.ENV_ACCESS_TOKEN);
        this.env.put("ARA_API_KEY", "env-key");
        assertThat(builder().build().controlPlaneToken().block()).isEqualTo("env-key");
        this.env.clear();
        AraCredentials fromFile = builder().build();
        assertThat(fromFile.source()).isEqualTo(CredentialSource.CLI_API_KEY);
        assertThat(fromFile.controlPlaneToken().block()).isEqualTo("file-key");
    }

    @Test
    void legacyApiKeyOnlyFile() throws Exception {
        writeCredentials("{\"api_key\":\"legacy\"}");
        AraCredentials credentials = builder().build();
        assertThat(credentials.source()).isEqualTo(CredentialSource.LEGACY_API_KEY);
        assertThat(credentials.controlPlaneToken().block()).isEqualTo("legacy");
        assertThat(credentials.apiBaseUrl()).isEqualTo("https://api.ara.so");
    }

    @Test
    void noCredentials() {
        AraCredentials credentials = builder().build();
        assertThat(credentials.hasControlPlaneCredentials()).isFalse();
        StepVerifier.create(credentials.controlPlaneToken())
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(AraException.class)
                        .hasMessage("No credentials found. Set ARA_API_KEY or run `ara auth login`."))
                .verify();
    }

    @Test
    void dotenvProvidesKeysAndBaseUrlOrder() throws Exception {
        Files.writeString(this.cwd.resolve(".env"), "ARA_API_KEY='dotenv-key'\nARA_API_BASE_URL=http://dotenv/\n");
        Files.writeString(this.cwd.resolve(".env.local"), "ARA_RUNTIME_KEY=rt-local\nARA_APP_HEADER_KEY=\"xk\"\n");
        AraCredentials credentials = builder().build();
        assertThat(credentials.controlPlaneToken().block()).isEqualTo("dotenv-key");
        assertThat(credentials.source()).isEqualTo(CredentialSource.ENV_API_KEY);
        assertThat(credentials.apiBaseUrl()).isEqualTo("http://dotenv");
        assertThat(credentials.runtimeKey()).isEqualTo("rt-local");
        assertThat(credentials.appHeaderKey()).isEqualTo("xk");
        assertThat(builder().apiBaseUrl("http://explicit").build().apiBaseUrl()).isEqualTo("http://explicit");
        assertThat(credentials.toString()).doesNotContain("dotenv-key").doesNotContain("rt-local").doesNotContain("xk\"");
    }

    @Test
    void debugFlagFromEnvOrExplicit() {
        this.env.put("ARA_SDK_DEBUG_HTTP_ERRORS", "Yes");
        assertThat(builder().build().debugHttpErrors()).isTrue();
        assertThat(builder().debugHttpErrors(false).build().debugHttpErrors()).isFalse();
        this.env.clear();
        assertThat(builder().build().debugHttpErrors()).isFalse();
    }

    @Test
    void validJwtIsUsedWithoutRefresh() throws Exception {
        writeCredentials("""
                {"auth_type":"supabase_jwt","api_base_url":"http://jwt-base","access_token":"jwt-1",
                 "refresh_token":"r1","supabase_url":"http://127.0.0.1:1","supabase_anon_key":"anon",
                 "expires_at": %d}
                """.formatted(NOW.getEpochSecond() + 31));
        AraCredentials credentials = builder().build();
        assertThat(credentials.source()).isEqualTo(CredentialSource.SUPABASE_JWT);
        assertThat(credentials.apiBaseUrl()).isEqualTo("http://jwt-base");
        assertThat(credentials.controlPlaneToken().block()).isEqualTo("jwt-1");
    }

    @Test
    void expiringJwtIsRefreshedOnceAndSavedAtomically() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        List<String> apikeys = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        this.supabase = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes.post("/auth/v1/token",
                (request, response) -> request.receive().aggregate().asString().flatMap(body -> {
                    calls.incrementAndGet();
                    bodies.add(AraJson.mapper().readTree(body));
                    apikeys.add(request.requestHeaders().get("apikey"));
                    uris.add(request.uri());
                    return Mono.delay(java.time.Duration.ofMillis(100)).thenReturn(body);
                }).flatMap(ignored -> response.header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"access_token\":\"jwt-2\",\"refresh_token\":\"r2\","
                                + "\"expires_in\":3600,\"user\":{\"id\":\"u1\",\"email\":\"a@b.c\",\"role\":\"x\"}}"))
                        .then())))
                .bindNow();
        writeCredentials("""
                {"auth_type":"supabase_jwt","api_base_url":"http://jwt-base","supabase_url":"http://127.0.0.1:%d/",
                 "supabase_anon_key":"anon-key","access_token":"jwt-1","refresh_token":"r1",
                 "expires_at": %d,"user":{"id":"u0","email":"old@b.c"}}
                """.formatted(this.supabase.port(), NOW.getEpochSecond() + 30));
        AraCredentials credentials = builder().build();
        List<String> tokens = reactor.core.publisher.Flux.merge(credentials.controlPlaneToken(),
                credentials.controlPlaneToken(), credentials.controlPlaneToken()).collectList().block();
        assertThat(tokens).containsExactly("jwt-2", "jwt-2", "jwt-2");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(uris).containsExactly("/auth/v1/token?grant_type=refresh_token");
        assertThat(apikeys).containsExactly("anon-key");
        assertThat(bodies.get(0).toString()).isEqualTo("{\"refresh_token\":\"r1\"}");
        assertThat(credentials.controlPlaneToken().block()).isEqualTo("jwt-2");
        assertThat(calls.get()).isEqualTo(1);

        Path file = this.home.resolve(".ara/credentials.json");
        String saved = Files.readString(file);
        assertThat(saved).isEqualTo("""
                {
                  "auth_type": "supabase_jwt",
                  "api_base_url": "http://jwt-base",
                  "supabase_url": "http://127.0.0.1:%d/",
                  "supabase_anon_key": "anon-key",
                  "access_token": "jwt-2",
                  "refresh_token": "r2",
                  "expires_at": %d,
                  "user": {
                    "id": "u1",
                    "email": "a@b.c"
                  },
                  "updated_at": "2026-11-24T16:00:00+00:00"
                }
                """.formatted(this.supabase.port(), NOW.getEpochSecond() + 3600));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("credentials.json");
        }
    }

    @Test
    void supabaseErrorIncludesBody() throws Exception {
        this.supabase = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes.post("/auth/v1/token",
                (request, response) -> response.status(400).sendString(Mono.just("{\"error\":\"invalid_grant\"}"))))
                .bindNow();
        writeCredentials("""
                {"auth_type":"supabase_jwt","supabase_url":"http://127.0.0.1:%d","supabase_anon_key":"anon",
                 "access_token":"jwt-1","refresh_token":"r1","expires_at":"2026-11-24T15:00:00"}
                """.formatted(this.supabase.port()));
        StepVerifier.create(builder().build().controlPlaneToken())
                .expectErrorSatisfies(ex -> assertThat(ex)
                        .hasMessage("Supabase auth request failed (400): {\"error\":\"invalid_grant\"}"))
                .verify();
    }

    @Test
    void refreshWithoutMetadataFails() throws Exception {
        writeCredentials("{\"auth_type\":\"supabase_jwt\",\"access_token\":\"jwt-1\"}");
        StepVerifier.create(builder().build().controlPlaneToken())
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage(
                        "Stored CLI credentials are missing refresh metadata; run `ara auth login` again."))
                .verify();
    }

    @Test
    void refreshWithoutExpiryFails() throws Exception {
        this.supabase = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes.post("/auth/v1/token",
                (request, response) -> response.sendString(Mono.just("{\"access_token\":\"jwt-2\"}"))))
                .bindNow();
        writeCredentials("""
                {"auth_type":"supabase_jwt","supabase_url":"http://127.0.0.1:%d","supabase_anon_key":"anon",
                 "access_token":"jwt-1","refresh_token":"r1"}
                """.formatted(this.supabase.port()));
        StepVerifier.create(builder().build().controlPlaneToken())
                .expectErrorSatisfies(ex -> assertThat(ex).hasMessage(
                        "Supabase auth response did not include a valid expires_at or expires_in field."))
                .verify();
    }

    @Test
    void expiryParsing() {
        assertThat(AraCredentials.parseExpiry(AraJson.mapper().readTree("1700000000"))).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(AraCredentials.parseExpiry(AraJson.mapper().readTree("\"2026-11-24T16:00:00Z\""))).isEqualTo(NOW);
        assertThat(AraCredentials.parseExpiry(AraJson.mapper().readTree("\"2026-11-24T17:00:00+01:00\""))).isEqualTo(NOW);
        assertThat(AraCredentials.parseExpiry(AraJson.mapper().readTree("\"2026-11-24T16:00:00\""))).isEqualTo(NOW);
        assertThat(AraCredentials.parseExpiry(AraJson.mapper().readTree("\"soon\""))).isNull();
    }

    @Test
    void writesPythonFormat() {
        CredentialsFile file = new CredentialsFile(this.home, Clock.fixed(Instant.parse("2026-11-24T16:00:00.123456Z"), ZoneOffset.UTC));
        var node = AraJson.mapper().createObjectNode();
        node.put("auth_type", "cli_api_key");
        node.put("api_key", "k\u00e9\"");
        node.putArray("empty");
        node.putObject("obj");
        node.putArray("list").add(1).add(true);
        file.write(node);
        assertThat(file.read().orElseThrow().get("api_key").asString()).isEqualTo("k\u00e9\"");
        assertThat(assertThatFile()).isEqualTo("""
                {
                  "auth_type": "cli_api_key",
                  "api_key": "k\\u00e9\\"",
                  "empty": [],
                  "obj": {},
                  "list": [
                    1,
                    true
                  ],
                  "updated_at": "2026-11-24T16:00:00.123456+00:00"
                }
                """);
    }

    private String assertThatFile() {
        try {
            return Files.readString(this.home.resolve(".ara/credentials.json"));
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
