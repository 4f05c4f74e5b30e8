package so.ara.autoconfigure.callback;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import so.ara.auth.AraSignature;
import so.ara.autoconfigure.AraConnection;
import so.ara.autoconfigure.AraManifestAutoConfiguration;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.replay.AraReplayAutoConfiguration;
import so.ara.autoconfigure.replay.ReplayStore;
import so.ara.credentials.AraCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts replicas must share for Java callbacks: the same secret on every instance without configuration, and a
 * shared callback base URL in remote mode (startup says what is missing otherwise).
 */
class SharedCallbackFactsTests {

    private static final String REMOTE = "https://api.ara.example";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class, AraReplayAutoConfiguration.class,
                AraCallbackAutoConfiguration.class, WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
                JacksonAutoConfiguration.class, CodecsAutoConfiguration.class))
        .withPropertyValues("ara.project-name=support-desk")
        .withBean(SupportDeskTools.class);

    @Test
    void derivedSecretIsTheSameForOneCredentialAndAppAndDiffersOtherwise() {
        String one = CallbackSecrets.choose(null, remote(REMOTE, "ak_shared"), "support-desk").value();
        String again = CallbackSecrets.choose(" ", remote(REMOTE, "ak_shared"), "support-desk").value();
        assertThat(one).isEqualTo(again).hasSize(64).doesNotContain("ak_shared");
        assertThat(CallbackSecrets.choose(null, remote(REMOTE, "ak_other"), "support-desk").value()).isNotEqualTo(one);
        assertThat(CallbackSecrets.choose(null, remote(REMOTE, "ak_shared"), "billing").value()).isNotEqualTo(one);
        AraCallbackSecret derived = CallbackSecrets.choose(null, remote(REMOTE, "ak_shared"), "support-desk");
        assertThat(derived.source()).isEqualTo(AraCallbackSecret.Source.DERIVED);
        assertThat(derived.generated()).isFalse();
        assertThat(derived).hasToString("AraCallbackSecret[derived, value hidden]");
    }

    @Test
    void configuredSecretWinsAndNoStableCredentialMeansGenerated() {
        AraCallbackSecret configured = CallbackSecrets.choose("  set-by-ops ", remote(REMOTE, "ak_shared"), "desk");
        assertThat(configured.value()).isEqualTo("set-by-ops");
        assertThat(configured.source()).isEqualTo(AraCallbackSecret.Source.CONFIGURED);
        AraConnection manifestOnly = new AraConnection(AraProperties.Mode.MANIFEST_ONLY,
                AraCredentials.of(REMOTE, "ak_shared"));
        assertThat(CallbackSecrets.choose(null, manifestOnly, "desk").source())
            .isEqualTo(AraCallbackSecret.Source.GENERATED);
        assertThat(CallbackSecrets.choose(null, null, "desk").source()).isEqualTo(AraCallbackSecret.Source.GENERATED);
    }

    @Test
    void twoContextsWithTheSameCredentialVerifyEachOthersSignatures() {
        runner.withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared"))
            .withPropertyValues("ara.callback.base-url=https://desk.example.com")
            .run(first -> runner.withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared"))
                .withPropertyValues("ara.callback.base-url=https://desk.example.com")
                .run(second -> {
                    String secret = first.getBean(AraCallbackSecret.class).value();
                    assertThat(second.getBean(AraCallbackSecret.class).value()).isEqualTo(secret);
                    long now = Instant.now().getEpochSecond();
                    WebTestClient client = WebTestClient.bindToApplicationContext(second).build();
                    byte[] body = "{\"team\":\"ops\"}".getBytes();
                    client.post()
                        .uri("/ara/callbacks/tools/countOpen")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(AraSignature.TIMESTAMP_HEADER, Long.toString(now))
                        .header(AraSignature.DELIVERY_ID_HEADER, "d-shared")
                        .header(AraSignature.SIGNATURE_HEADER, AraSignature.sign(secret, now, "d-shared", body))
                        .bodyValue(body)
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody(String.class).isEqualTo("{\"result\":30}");
                }));
    }

    @Test
    void remoteModeWithoutSharedBaseUrlFailsStartupSayingWhatToSet() {
        runner.withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared")).run(context -> {
            assertThat(context).getFailure().rootCause().isInstanceOf(CallbackBaseUrlException.class);
            CallbackBaseUrlException failure = (CallbackBaseUrlException) rootCause(context.getStartupFailure());
            FailureAnalysis analysis = new CallbackBaseUrlFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.getMessage())
                .startsWith("Ara app 'support-desk' deploys ")
                .contains("to the Ara control plane at https://api.ara.example")
                .contains("ara.callback.base-url is not set")
                .contains("only the last one to deploy would be called");
            assertThat(analysis.getAction()).startsWith(
                    "Set ara.callback.base-url to the URL your load balancer serves this app at");
        });
        runner.withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared"))
            .withPropertyValues("ara.callback.base-url=http://localhost:8080")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(CallbackBaseUrlException.class)
                .hasMessageContaining("(http://localhost:8080) is a loopback address"));
    }

    @Test
    void loopbackControlPlaneLocalModeNoDeployOrNoJavaCallbacksKeepZeroConfig() {
        runner.withBean(AraConnection.class, () -> remote("http://127.0.0.1:9321", "ak_local"))
            .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AraCallbackSecret.class));
        runner.withBean(AraConnection.class,
                () -> new AraConnection(AraProperties.Mode.LOCAL, AraCredentials.of("http://127.0.0.1:9", "k")))
            .run(context -> assertThat(context).hasNotFailed());
        runner.withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared"))
            .withPropertyValues("ara.deploy.on-startup=false")
            .run(context -> assertThat(context).hasNotFailed());
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class,
                    AraCallbackAutoConfiguration.class, WebFluxAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class))
            .withPropertyValues("ara.project-name=no-java")
            .withBean(AraConnection.class, () -> remote(REMOTE, "ak_shared"))
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void replayStoreThatCannotAnswerIsA503WithRetryAfter() {
        ReplayStore down = (key, ttl) -> Mono.error(new IllegalStateException("redis down"));
        runner.withBean(ReplayStore.class, () -> down)
            .withPropertyValues("ara.callback.secret=s3cret")
            .run(context -> {
                long now = Instant.now().getEpochSecond();
                byte[] body = "{\"team\":\"ops\"}".getBytes();
                WebTestClient.bindToApplicationContext(context)
                    .build()
                    .post()
                    .uri("/ara/callbacks/tools/countOpen")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(AraSignature.TIMESTAMP_HEADER, Long.toString(now))
                    .header(AraSignature.DELIVERY_ID_HEADER, "d-1")
                    .header(AraSignature.SIGNATURE_HEADER, AraSignature.sign("s3cret", now, "d-1", body))
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("Replay protection is unavailable right now; retry later.");
            });
    }

    private static AraConnection remote(String baseUrl, String apiKey) {
        return new AraConnection(AraProperties.Mode.REMOTE, AraCredentials.of(baseUrl, apiKey));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
