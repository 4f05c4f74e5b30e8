package so.ara.autoconfigure.endpoint;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_CLOCK;
import so.ara.gateway.EndpointBodyReader;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;
import so.ara.gateway.EndpointForwardingException;
import so.ara.gateway.EndpointProblemMapper;
import so.ara.gateway.DefaultEndpointProblemMapper;

/** The parts of the endpoint pipeline: availability gate, body reader limits, problem mapping and its headers. */
class EndpointPipelineTests {

    private final EndpointTestSupport.RecordingForwarder recording = new EndpointTestSupport.RecordingForwarder();

    private WebTestClient client(EndpointRunForwarder forwarder, EndpointAvailability availability,
            EndpointProblemMapper problems) {
        AraEndpointsProperties properties = AraEndpointsProperties.defaults();
        return WebTestClient.bindToRouterFunction(new AraEndpointRoutes(EndpointTestSupport.SLUG,
                EndpointTestSupport.specs(), forwarder, EndpointTestSupport.SECRETS::get, properties, SPEC_CLOCK,
                availability, new EndpointBodyReader(properties.maxBodySize().toBytes(), properties.maxJsonDepth()),
                problems, so.ara.autoconfigure.replay.ReplayProtection.inMemory(EndpointTestSupport.SLUG))
            .routerFunction()).build();
    }

    @Test
    void untilAvailableEveryEndpointAnswers503WithRetryAfterAndRunsNothing() {
        AtomicBoolean deployed = new AtomicBoolean();
        WebTestClient client = client(this.recording, deployed::get, new DefaultEndpointProblemMapper());
        client.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().valueEquals("Retry-After", "5")
            .expectHeader().exists("X-Request-Id");
        assertThat(this.recording.inputs).isEmpty();
        deployed.set(true);
        client.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
            .expectStatus().isOk();
    }

    @Test
    void jsonAtTheDepthCapRunsAndDeeperJsonIsA400() {
        WebTestClient client = client(this.recording, EndpointAvailability.ALWAYS, new DefaultEndpointProblemMapper());
        client.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("[".repeat(100) + "]".repeat(100)).exchange().expectStatus().isOk();
        for (int depth : new int[] { 101, 498, 500, 5000 }) {
            AraEndpointRoutesTests.assertProblem(client.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[".repeat(depth) + "]".repeat(depth)).exchange(), HttpStatus.BAD_REQUEST,
                    "nested deeper than 100 levels");
        }
        assertThat(this.recording.inputs).hasSize(1);
    }

    @Test
    void anUpstreamRateLimitKeepsItsStatusAndRetryAfter() {
        EndpointRunForwarder limited = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
                return Mono.error(EndpointForwardingException.retryLater(HttpStatus.TOO_MANY_REQUESTS,
                        Duration.ofSeconds(17), null));
            }
        };
        AraEndpointRoutesTests.assertProblem(client(limited, EndpointAvailability.ALWAYS,
                new DefaultEndpointProblemMapper()).post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange().expectHeader().valueEquals("Retry-After", "17"),
                HttpStatus.TOO_MANY_REQUESTS, "rate limiting");
    }

    @Test
    void aFailedRunIsA502CarryingTheRunIdAndError() {
        EndpointRunForwarder failing = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
                return Mono.error(EndpointForwardingException.failedRun("run_failed_1", "tool lookup failed: boom"));
            }
        };
        client(failing, EndpointAvailability.ALWAYS, new DefaultEndpointProblemMapper()).post().uri("/open")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
            .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
            .expectHeader().valueEquals("X-Ara-Run-Id", "run_failed_1")
            .expectBody().jsonPath("$.run_id").isEqualTo("run_failed_1")
            .jsonPath("$.error").isEqualTo("tool lookup failed: boom");
    }

    @Test
    void aProblemMapperBeanDecidesTheProblem() {
        EndpointProblemMapper teapot = (failure, instance, requestId) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.I_AM_A_TEAPOT, "custom");
            problem.setProperty("request_id", requestId);
            return problem;
        };
        client(new EndpointTestSupport.DownForwarder(), EndpointAvailability.ALWAYS, teapot).post().uri("/open")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
            .expectStatus().isEqualTo(HttpStatus.I_AM_A_TEAPOT)
            .expectBody().jsonPath("$.detail").isEqualTo("custom");
    }

    @Test
    void aStreamThatFailsAfterItsFirstEventEndsWithAProblemEvent() {
        EndpointRunForwarder lost = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
                return Flux.concat(Flux.just(ServerSentEvent.builder(Map.of("run_id", "run_lost")).event("run.started")
                    .build()), Flux.error(new EndpointForwardingException(HttpStatus.GATEWAY_TIMEOUT, "lost",
                            Map.of("run_id", "run_lost"), null)));
            }
        };
        String body = client(lost, EndpointAvailability.ALWAYS, new DefaultEndpointProblemMapper()).post()
            .uri("/open").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue("{}")
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("event:run.started").contains("event:error").contains("\"status\":504")
            .contains("\"run_id\":\"run_lost\"");
    }
}
