package so.ara.autoconfigure.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import so.ara.autoconfigure.replay.InMemoryReplayStore;
import so.ara.autoconfigure.replay.ReplayProtection;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SECRETS;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SLUG;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_BODY;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_CLOCK;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_ID;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_SIGNATURE;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_TS;

/** hmac endpoints claim message ids in the given replay store, after the signature check, and fail closed. */
class EndpointReplayStoreTests {

    private final EndpointTestSupport.RecordingForwarder forwarder = new EndpointTestSupport.RecordingForwarder();

    @Test
    void twoRouteSetsSharingOneStoreAcceptAMessageOnce() {
        InMemoryReplayStore shared = new InMemoryReplayStore(SPEC_CLOCK, 100);
        List<String> claimed = new ArrayList<>();
        ReplayProtection protection = new ReplayProtection((key, ttl) -> {
            claimed.add(key + " " + ttl);
            return shared.claim(key, ttl);
        }, SLUG, Duration.ofSeconds(1));
        WebTestClient first = client(protection);
        WebTestClient second = client(protection);
        post(first, SPEC_SIGNATURE).expectStatus().isOk();
        AraEndpointRoutesTests.assertProblem(post(second, SPEC_SIGNATURE), HttpStatus.UNAUTHORIZED,
                "replayed message");
        AraEndpointRoutesTests.assertProblem(post(second, "v1,AAAA"), HttpStatus.UNAUTHORIZED, "invalid signature");
        assertThat(this.forwarder.inputs).hasSize(1);
        assertThat(claimed).containsExactly("support-desk:endpoint:hook:standard-webhooks:" + SPEC_ID + " PT10M",
                "support-desk:endpoint:hook:standard-webhooks:" + SPEC_ID + " PT10M");
    }

    @Test
    void aStoreThatCannotAnswerIs503WithRetryAfterAndNothingRuns() {
        ReplayProtection down = new ReplayProtection((key, ttl) -> Mono.error(new IllegalStateException("down")),
                SLUG, Duration.ofSeconds(1));
        AraEndpointRoutesTests.assertProblem(post(client(down), SPEC_SIGNATURE)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "1"), HttpStatus.SERVICE_UNAVAILABLE,
                "Replay protection is unavailable right now; retry later.");
        assertThat(this.forwarder.inputs).isEmpty();
    }

    @Test
    void replayProtectionOffNeverAsksTheStore() {
        ReplayProtection failing = new ReplayProtection((key, ttl) -> Mono.error(new AssertionError(key)), SLUG,
                Duration.ofSeconds(1));
        WebTestClient client = WebTestClient
            .bindToRouterFunction(new AraEndpointRoutes(SLUG, EndpointTestSupport.specs(), this.forwarder,
                    SECRETS::get, AraEndpointsProperties.defaults().withReplayProtection(false), SPEC_CLOCK, failing)
                .routerFunction())
            .build();
        post(client, SPEC_SIGNATURE).expectStatus().isOk();
        post(client, SPEC_SIGNATURE).expectStatus().isOk();
    }

    private WebTestClient client(ReplayProtection protection) {
        return WebTestClient
            .bindToRouterFunction(new AraEndpointRoutes(SLUG, EndpointTestSupport.specs(), this.forwarder,
                    SECRETS::get, AraEndpointsProperties.defaults(), SPEC_CLOCK, protection)
                .routerFunction())
            .build();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String signature) {
        return client.post()
            .uri("/hooks/in")
            .contentType(MediaType.APPLICATION_JSON)
            .header("webhook-id", SPEC_ID)
            .header("webhook-timestamp", Long.toString(SPEC_TS))
            .header("webhook-signature", signature)
            .bodyValue(SPEC_BODY.getBytes(StandardCharsets.UTF_8))
            .exchange();
    }
}
