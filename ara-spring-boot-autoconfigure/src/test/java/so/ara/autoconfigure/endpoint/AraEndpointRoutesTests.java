package so.ara.autoconfigure.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import so.ara.auth.AraSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_BODY;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_CLOCK;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_ID;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_SIGNATURE;
import static so.ara.autoconfigure.endpoint.EndpointTestSupport.SPEC_TS;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;
import so.ara.gateway.EndpointForwardingException;

class AraEndpointRoutesTests {

    private EndpointTestSupport.RecordingForwarder forwarder;

    private WebTestClient client;

    @BeforeEach
    void setUp() {
        this.forwarder = new EndpointTestSupport.RecordingForwarder();
        this.client = client(this.forwarder, AraEndpointsProperties.defaults(), SPEC_CLOCK);
    }

    static WebTestClient client(EndpointRunForwarder forwarder, AraEndpointsProperties properties, Clock clock) {
        return WebTestClient.bindToRouterFunction(EndpointTestSupport.routes(forwarder, properties, clock).routerFunction())
            .build();
    }

    private WebTestClient.ResponseSpec postSpecVector(WebTestClient client, String signature, String body) {
        return client.post()
            .uri("/hooks/in")
            .contentType(MediaType.APPLICATION_JSON)
            .header("webhook-id", SPEC_ID)
            .header("webhook-timestamp", Long.toString(SPEC_TS))
            .header("webhook-signature", signature)
            .bodyValue(body.getBytes(StandardCharsets.UTF_8))
            .exchange();
    }

    static void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
        response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists("X-Request-Id")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status.value())
            .jsonPath("$.title")
            .isEqualTo(status.getReasonPhrase())
            .jsonPath("$.detail")
            .value(d -> assertThat((String) d).contains(detail))
            .jsonPath("$.type")
            .isEqualTo("about:blank")
            .jsonPath("$.instance")
            .exists()
            .jsonPath("$.request_id")
            .exists();
    }

    @Test
    void noneModeForwardsBodyAndGatewayMetadata() {
        this.client.post()
            .uri("/open?priority=high&tag=a&tag=b")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer should-not-be-forwarded")
            .header("X-Request-Id", "req-abc")
            .header("User-Agent", "tests")
            .bodyValue("{\"ticket\": 42}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .valueEquals("X-Ara-Run-Id", "run_123")
            .expectHeader()
            .valueEquals("X-Request-Id", "req-abc")
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody()
            .jsonPath("$.ok")
            .isEqualTo(true)
            .jsonPath("$.agent")
            .isEqualTo("triage");
        assertThat(this.forwarder.agents).containsExactly("triage");
        Map<String, Object> input = this.forwarder.inputs.get(0);
        assertThat(input).containsOnlyKeys("input", "gateway");
        assertThat(input.get("input")).isEqualTo(Map.of("ticket", 42));
        @SuppressWarnings("unchecked")
        Map<String, Object> gateway = (Map<String, Object>) input.get("gateway");
        assertThat(gateway).containsEntry("app", "support-desk")
            .containsEntry("label", "open")
            .containsEntry("method", "POST")
            .containsEntry("path", "/open")
            .containsEntry("route", "/open")
            .containsEntry("request_id", "req-abc")
            .containsEntry("query", Map.of("priority", "high", "tag", List.of("a", "b")))
            .containsEntry("auth", Map.of("mode", "none", "scheme", "none"));
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) gateway.get("headers");
        assertThat(headers).containsEntry("user-agent", "tests")
            .containsEntry("content-type", "application/json")
            .doesNotContainKey("authorization");
    }

    @Test
    void gatewayPathServesTheSameEndpoint() {
        this.client.post()
            .uri("/v1/apps/support-desk/endpoints/open")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Ara-Run-Id", "run_123");
        assertThat(this.forwarder.inputs.get(0)).extractingByKey("gateway")
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("path", "/v1/apps/support-desk/endpoints/open")
            .containsEntry("route", "/open");
    }

    @Test
    void emptyBodyBecomesEmptyObject() {
        this.client.get().uri("/status").exchange().expectStatus().isOk();
        assertThat(this.forwarder.inputs.get(0).get("input")).isEqualTo(Map.of());
    }

    @Test
    void standardWebhooksPublishedVector() {
        postSpecVector(this.client, SPEC_SIGNATURE, SPEC_BODY).expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .valueEquals("X-Ara-Run-Id", "run_123");
        assertThat(this.forwarder.inputs.get(0).get("input")).isEqualTo(Map.of("test", 2432232314L));
        assertThat(this.forwarder.inputs.get(0)).extractingByKey("gateway")
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("auth", Map.of("mode", "hmac", "scheme", "standard-webhooks", "message_id", SPEC_ID));
        assertProblem(postSpecVector(this.client, SPEC_SIGNATURE, SPEC_BODY), HttpStatus.UNAUTHORIZED,
                "replayed message");
        assertThat(this.forwarder.inputs).hasSize(1);
    }

    @Test
    void tamperedBodyIsRejectedBeforeDecoding() {
        assertProblem(postSpecVector(this.client, SPEC_SIGNATURE, "{\"test\": 2432232315}"), HttpStatus.UNAUTHORIZED,
                "invalid signature");
        // malformed JSON with a bad signature: 401, never 400 (auth runs over the raw bytes first)
        assertProblem(postSpecVector(this.client, SPEC_SIGNATURE, "{not json"), HttpStatus.UNAUTHORIZED,
                "invalid signature");
        assertThat(this.forwarder.inputs).isEmpty();
    }

    @Test
    void wrongSecretIsRejected() {
        String signature = EndpointTestSupport.standardSignature("wrong".getBytes(StandardCharsets.UTF_8), SPEC_ID,
                SPEC_TS, SPEC_BODY);
        assertProblem(postSpecVector(this.client, signature, SPEC_BODY), HttpStatus.UNAUTHORIZED, "invalid signature");
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        for (long offset : new long[] { -301, 301 }) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(SPEC_TS + offset), ZoneOffset.UTC);
            WebTestClient shifted = client(this.forwarder, AraEndpointsProperties.defaults(), clock);
            assertProblem(postSpecVector(shifted, SPEC_SIGNATURE, SPEC_BODY), HttpStatus.UNAUTHORIZED,
                    "timestamp outside tolerance");
        }
        assertThat(this.forwarder.inputs).isEmpty();
    }

    @Test
    void severalSignaturesOneValid() {
        String header = "v1,bm90LXRoZS1zaWduYXR1cmU= v2,whatever " + SPEC_SIGNATURE;
        postSpecVector(this.client, header, SPEC_BODY).expectStatus().isOk();
    }

    @Test
    void missingSignatureHeaders() {
        assertProblem(this.client.post().uri("/hooks/in").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange(), HttpStatus.UNAUTHORIZED, "missing signature headers");
        assertProblem(this.client.post().uri("/hooks/in").header("webhook-signature", SPEC_SIGNATURE)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(SPEC_BODY)
            .exchange(), HttpStatus.UNAUTHORIZED, "missing signature headers");
    }

    @Test
    void araSchemeSignatures() {
        long now = Instant.now().getEpochSecond();
        WebTestClient live = client(this.forwarder, AraEndpointsProperties.defaults(), Clock.systemUTC());
        byte[] body = "{\"event\":\"run.completed\"}".getBytes(StandardCharsets.UTF_8);
        String signature = AraSignature.sign("ara-plain-secret", now, "dlv_42", body);
        live.post().uri("/ara-hook").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now)).header("X-Ara-Delivery-Id", "dlv_42")
            .header("X-Ara-Signature", signature).bodyValue(body)
            .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Ara-Run-Id", "run_123");
        assertProblem(live.post().uri("/ara-hook").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now)).header("X-Ara-Delivery-Id", "dlv_42")
            .header("X-Ara-Signature", signature).bodyValue(body)
            .exchange(), HttpStatus.UNAUTHORIZED, "replayed message");
        assertProblem(live.post().uri("/ara-hook").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now)).header("X-Ara-Delivery-Id", "dlv_43")
            .header("X-Ara-Signature", signature).bodyValue(body)
            .exchange(), HttpStatus.UNAUTHORIZED, "invalid signature");
        String stale = AraSignature.sign("ara-plain-secret", now - 3600, "dlv_44", body);
        assertProblem(live.post().uri("/ara-hook").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now - 3600)).header("X-Ara-Delivery-Id", "dlv_44")
            .header("X-Ara-Signature", stale).bodyValue(body)
            .exchange(), HttpStatus.UNAUTHORIZED, "timestamp outside tolerance");
        // the whsec_ endpoint also accepts the Ara scheme, keyed with the secret's UTF-8 bytes
        String araOnSpecEndpoint = AraSignature.sign(EndpointTestSupport.SPEC_SECRET, now, "dlv_45", body);
        live.post().uri("/hooks/in").contentType(MediaType.APPLICATION_JSON)
            .header("X-Ara-Timestamp", Long.toString(now)).header("X-Ara-Delivery-Id", "dlv_45")
            .header("X-Ara-Signature", araOnSpecEndpoint).bodyValue(body)
            .exchange().expectStatus().isOk();
    }

    @Test
    void headerMode() {
        this.client.post().uri("/hdr").header("X-Ara-Endpoint-Secret", "header-secret")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":1}")
            .exchange().expectStatus().isOk();
        assertThat(this.forwarder.inputs.get(0)).extractingByKey("gateway")
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .extractingByKey("headers")
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .doesNotContainKey("x-ara-endpoint-secret");
        assertProblem(this.client.post().uri("/hdr").header("X-Ara-Endpoint-Secret", "nope")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange(), HttpStatus.UNAUTHORIZED, "invalid credentials");
        WebTestClient.ResponseSpec missing = this.client.post().uri("/hdr").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange();
        missing.expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        assertProblem(missing, HttpStatus.UNAUTHORIZED, "missing credentials");
    }

    @Test
    void bearerMode() {
        this.client.put().uri("/bear").header("Authorization", "Bearer bearer-secret")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Ara-Run-Id", "run_123");
        WebTestClient.ResponseSpec wrong = this.client.put().uri("/bear").header("Authorization", "Bearer nope")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        wrong.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ara\", error=\"invalid_token\"");
        assertProblem(wrong, HttpStatus.UNAUTHORIZED, "invalid credentials");
        WebTestClient.ResponseSpec missing = this.client.put().uri("/bear").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange();
        missing.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ara\"");
        assertProblem(missing, HttpStatus.UNAUTHORIZED, "missing credentials");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        WebTestClient.ResponseSpec response = this.client.get().uri("/open").exchange();
        response.expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
        assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "Method GET is not supported");
        WebTestClient.ResponseSpec gateway = this.client.method(HttpMethod.DELETE)
            .uri("/v1/apps/support-desk/endpoints/bear").exchange();
        gateway.expectHeader().valueEquals(HttpHeaders.ALLOW, "PUT");
        assertProblem(gateway, HttpStatus.METHOD_NOT_ALLOWED, "use PUT");
        assertThat(this.forwarder.inputs).isEmpty();
    }

    @Test
    void unknownPathIs404() {
        this.client.post().uri("/nope").exchange().expectStatus().isNotFound();
    }

    @Test
    void bodyOverLimitIs413() {
        WebTestClient small = client(this.forwarder,
                AraEndpointsProperties.defaults().withMaxBodySize(DataSize.ofBytes(16)), SPEC_CLOCK);
        assertProblem(small.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"text\":\"" + "x".repeat(100) + "\"}").exchange(), HttpStatus.CONTENT_TOO_LARGE,
                "exceeds 16 bytes");
        // streamed without Content-Length: the limit applies while reading
        Flux<DataBuffer> chunks = Flux.range(0, 10)
            .map(i -> DefaultDataBufferFactory.sharedInstance.wrap("0123456789".getBytes(StandardCharsets.UTF_8)));
        assertProblem(small.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .body(chunks, DataBuffer.class).exchange(), HttpStatus.CONTENT_TOO_LARGE, "exceeds 16 bytes");
        small.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":1}")
            .exchange().expectStatus().isOk();
    }

    @Test
    void nonJsonContentTypeIs415() {
        WebTestClient.ResponseSpec response = this.client.post().uri("/open").contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hello").exchange();
        response.expectHeader().valueEquals("Accept-Post", "application/json");
        assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "application/json");
        this.client.post().uri("/open").contentType(MediaType.parseMediaType("application/cloudevents+json"))
            .bodyValue("{\"a\":1}").exchange().expectStatus().isOk();
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(this.client.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":")
            .exchange(), HttpStatus.BAD_REQUEST, "not valid JSON");
        assertThat(this.forwarder.inputs).isEmpty();
    }

    @Test
    void runtimeDownIs503() {
        WebTestClient down = client(new EndpointTestSupport.DownForwarder(), AraEndpointsProperties.defaults(),
                SPEC_CLOCK);
        WebTestClient.ResponseSpec response = down.post().uri("/open").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange();
        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "could not be reached");
        response.expectBody(String.class).value(body -> assertThat(body).doesNotContain("Connection refused")
            .doesNotContain("Exception"));
    }

    @Test
    void runtimeFailureIs502AndForwardingExceptionChoosesStatus() {
        EndpointRunForwarder failing = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
                return Mono.error(new IllegalStateException("boom with internal details"));
            }
        };
        WebTestClient.ResponseSpec response = client(failing, AraEndpointsProperties.defaults(), SPEC_CLOCK).post()
            .uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        assertProblem(response, HttpStatus.BAD_GATEWAY, "could not run");
        response.expectBody(String.class).value(body -> assertThat(body).doesNotContain("boom"));
        EndpointRunForwarder choosing = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
                throw new EndpointForwardingException(HttpStatus.SERVICE_UNAVAILABLE, "Runtime is warming up.");
            }
        };
        assertProblem(client(choosing, AraEndpointsProperties.defaults(), SPEC_CLOCK).post().uri("/open")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "warming up");
    }

    @Test
    void eventStreamWhenAccepted() {
        List<ServerSentEvent<String>> events = this.client.post().uri("/open").accept(MediaType.TEXT_EVENT_STREAM)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
            .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
            })
            .getResponseBody()
            .collectList()
            .block(Duration.ofSeconds(5));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("run.started", "run.completed");
        assertThat(events.get(1).data()).contains("run.completed");
    }

    @Test
    void eventStreamWithRuntimeDownIs503Problem() {
        WebTestClient down = client(new EndpointTestSupport.DownForwarder(), AraEndpointsProperties.defaults(),
                SPEC_CLOCK);
        assertProblem(down.post().uri("/open").accept(MediaType.TEXT_EVENT_STREAM)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "could not be reached");
    }

    @Test
    void emptyEventStreamCompletes() {
        EndpointRunForwarder empty = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
                return Flux.empty();
            }
        };
        List<ServerSentEvent<String>> events = client(empty, AraEndpointsProperties.defaults(), SPEC_CLOCK).post()
            .uri("/open").accept(MediaType.TEXT_EVENT_STREAM)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isOk()
            .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
            })
            .getResponseBody()
            .collectList()
            .block(Duration.ofSeconds(5));
        assertThat(events).isEmpty();
    }

    @Test
    void eventStreamFailureMidStreamEndsWithProblemEvent() {
        EndpointRunForwarder breaking = new EndpointTestSupport.RecordingForwarder() {
            @Override
            public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
                return Flux.concat(Flux.just(ServerSentEvent.builder(Map.of("type", "run.started"))
                    .event("run.started").build()),
                        Flux.error(new java.net.ConnectException("Connection reset to 10.0.0.1")));
            }
        };
        List<ServerSentEvent<String>> events = client(breaking, AraEndpointsProperties.defaults(), SPEC_CLOCK).post()
            .uri("/open").accept(MediaType.TEXT_EVENT_STREAM)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
            .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
            })
            .getResponseBody()
            .collectList()
            .block(Duration.ofSeconds(5));
        assertThat(events).extracting(ServerSentEvent::event).containsExactly("run.started", "error");
        assertThat(events.get(1).data()).contains("\"status\":503").doesNotContain("10.0.0.1");
    }

    @Test
    void missingSecretFailsWithVariableAndEndpoint() {
        assertThatIllegalStateException()
            .isThrownBy(() -> new AraEndpointRoutes("app", EndpointTestSupport.specs(), this.forwarder,
                    name -> null, AraEndpointsProperties.defaults(), SPEC_CLOCK))
            .withMessageContaining("'hook'")
            .withMessageContaining("HOOK_SECRET")
            .withMessageContaining("ara.endpoints.missing-secret=reject");
    }

    @Test
    void missingSecretInRejectModeRefusesWith503() {
        AraEndpointRoutes routes = new AraEndpointRoutes("app", EndpointTestSupport.specs(), this.forwarder,
                name -> null, AraEndpointsProperties.defaults().withMissingSecret(AraEndpointsProperties.MissingSecret.REJECT),
                SPEC_CLOCK);
        assertThat(routes.routes()).filteredOn(MappedEndpointRoute::refusing)
            .extracting(MappedEndpointRoute::label)
            .contains("hook", "hdr", "bear")
            .doesNotContain("open");
        WebTestClient refusing = WebTestClient.bindToRouterFunction(routes.routerFunction()).build();
        assertProblem(refusing.post().uri("/hdr").header("X-Ara-Endpoint-Secret", "")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "secret is missing");
        refusing.post().uri("/open").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange().expectStatus().isOk();
        assertThat(this.forwarder.agents).containsExactly("triage");
    }

    @Test
    void duplicateRoutesFailStartup() {
        List<so.ara.manifest.EndpointSpec> specs = List.of(
                EndpointTestSupport.spec("POST", "/x", "one", "none", "", "", false, "a"),
                EndpointTestSupport.spec("POST", "/x", "two", "none", "", "", false, "b"));
        assertThatIllegalStateException()
            .isThrownBy(() -> new AraEndpointRoutes("app", specs, this.forwarder, name -> null,
                    AraEndpointsProperties.defaults(), SPEC_CLOCK))
            .withMessageContaining("'one' and 'two' both map POST /x");
    }

    @Test
    void routesListBothPaths() {
        AraEndpointRoutes routes = EndpointTestSupport.routes(this.forwarder, AraEndpointsProperties.defaults(),
                SPEC_CLOCK);
        assertThat(routes.routes()).extracting(r -> r.method() + " " + r.path())
            .contains("POST /open", "POST /v1/apps/support-desk/endpoints/open", "PUT /bear",
                    "PUT /v1/apps/support-desk/endpoints/bear", "GET /status");
    }

    @Test
    void corsPreflightAndActualRequest() {
        AraEndpointsProperties properties = AraEndpointsProperties.defaults()
            .withCors(Map.of("open", new AraEndpointsProperties.Cors(List.of("https://app.example.com"), null, null,
                    List.of("Content-Type"), null, null, Duration.ofMinutes(10))));
        AraEndpointRoutes routes = EndpointTestSupport.routes(this.forwarder, properties, SPEC_CLOCK);
        WebTestClient cors = WebTestClient.bindToRouterFunction(routes.routerFunction())
            .webFilter(routes.corsWebFilter())
            .configureClient()
            .baseUrl("http://ara.test")
            .build();
        for (String path : List.of("/open", "/v1/apps/support-desk/endpoints/open")) {
            cors.options().uri(path).header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        }
        WebTestClient.ResponseSpec evilPreflight = cors.options().uri("/open")
            .header(HttpHeaders.ORIGIN, "https://evil.example.com")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange();
        evilPreflight.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertProblem(evilPreflight, HttpStatus.FORBIDDEN, "Invalid CORS request");
        assertProblem(cors.post().uri("/open").header(HttpHeaders.ORIGIN, "https://evil.example.com")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), HttpStatus.FORBIDDEN,
                "Invalid CORS request");
        assertThat(this.forwarder.inputs).isEmpty();
        cors.post().uri("/open").header(HttpHeaders.ORIGIN, "https://app.example.com")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, v -> assertThat(v).contains("X-Ara-Run-Id"));
        // no CORS entry for "hdr": the filter passes the preflight on, Spring refuses it, no CORS headers
        cors.options().uri("/hdr").header(HttpHeaders.ORIGIN, "https://app.example.com")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
            .expectStatus().isForbidden()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void openApiDocumentListsDocumentedEndpoints() {
        this.client.get().uri("/v3/api-docs/ara").exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.openapi").isEqualTo("3.1.0")
            .jsonPath("$.paths['/open']").doesNotExist()
            .jsonPath("$.paths['/status'].get.operationId").isEqualTo("status")
            .jsonPath("$.paths['/status'].get.security").doesNotExist()
            .jsonPath("$.paths['/hooks/in'].post.requestBody.content['application/json'].schema.type").isEqualTo("object")
            .jsonPath("$.paths['/hooks/in'].post.responses['401'].content['application/problem+json'].schema['$ref']")
            .isEqualTo("#/components/schemas/ProblemDetail")
            .jsonPath("$.paths['/hooks/in'].post.security[0].hook_hmac").exists()
            .jsonPath("$.components.securitySchemes.hook_hmac.type").isEqualTo("apiKey")
            .jsonPath("$.components.securitySchemes.hook_hmac.name").isEqualTo("webhook-signature")
            .jsonPath("$.components.securitySchemes.hook_hmac.description")
            .value(d -> assertThat((String) d).contains("Standard Webhooks").contains("X-Ara-Signature"))
            .jsonPath("$.components.securitySchemes.hdr_header.in").isEqualTo("header")
            .jsonPath("$.components.securitySchemes.hdr_header.name").isEqualTo("X-Ara-Endpoint-Secret")
            .jsonPath("$.components.securitySchemes.bear_bearer.type").isEqualTo("http")
            .jsonPath("$.components.securitySchemes.bear_bearer.scheme").isEqualTo("bearer")
            .jsonPath("$.paths['/bear'].put").exists();
    }

    @Test
    void specVectorKeyIsBase64OfWhsecSuffix() {
        // sanity check of the hand-written test signer against the published vector
        byte[] key = Base64.getDecoder().decode(EndpointTestSupport.SPEC_SECRET.substring("whsec_".length()));
        assertThat(EndpointTestSupport.standardSignature(key, SPEC_ID, SPEC_TS, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }
}
