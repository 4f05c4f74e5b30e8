package so.ara.autoconfigure.endpoint;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import so.ara.auth.HmacSha256;
import so.ara.manifest.EndpointAuth;
import so.ara.manifest.EndpointSpec;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;

/** Specs, secrets and forwarders shared by the endpoint tests. */
final class EndpointTestSupport {

    static final String SLUG = "support-desk";

    // Standard Webhooks specification test vector
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    static final long SPEC_TS = 1614265330L;

    static final String SPEC_BODY = "{\"test\": 2432232314}";

    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final Clock SPEC_CLOCK = Clock.fixed(Instant.ofEpochSecond(SPEC_TS), ZoneOffset.UTC);

    static final Map<String, String> SECRETS = Map.of("HOOK_SECRET", SPEC_SECRET, "ARA_ENDPOINT_HDR_SECRET",
            "header-secret", "BEAR_SECRET", "bearer-secret", "ARA_SECRET", "ara-plain-secret");

    private EndpointTestSupport() {
    }

    static EndpointSpec spec(String method, String path, String label, String mode, String headerName,
            String secretEnv, boolean docs, String agent) {
        return new EndpointSpec(EndpointSpec.TYPE, method, path, label, docs,
                new EndpointAuth(mode, headerName, secretEnv), null, null)
            .boundTo(agent);
    }

    static List<EndpointSpec> specs() {
        return List.of(spec("POST", "/open", "open", "none", "", "", false, "triage"),
                spec("GET", "/status", "status", "none", "", "", true, "status-agent"),
                spec("POST", "/hooks/in", "hook", "hmac", "", "HOOK_SECRET", true, "hook-agent"),
                spec("POST", "/ara-hook", "ara-hook", "hmac", "", "ARA_SECRET", false, "hook-agent"),
                spec("POST", "/hdr", "hdr", "header", "X-Ara-Endpoint-Secret", "", true, "triage"),
                spec("PUT", "/bear", "bear", "bearer", "", "BEAR_SECRET", true, "triage"));
    }

    static AraEndpointRoutes routes(EndpointRunForwarder forwarder, AraEndpointsProperties properties, Clock clock) {
        return new AraEndpointRoutes(SLUG, specs(), forwarder, SECRETS::get, properties, clock);
    }

    /** Standard Webhooks signature of {@code body}, computed by hand. */
    static String standardSignature(byte[] key, String id, long timestamp, String body) {
        byte[] mac = HmacSha256.sign(key, id + "." + timestamp + ".", body.getBytes(StandardCharsets.UTF_8));
        return "v1," + java.util.Base64.getEncoder().encodeToString(mac);
    }

    /** Records every call and answers with a fixed run. */
    static class RecordingForwarder implements EndpointRunForwarder {

        final List<Map<String, Object>> inputs = new CopyOnWriteArrayList<>();

        final List<String> agents = new CopyOnWriteArrayList<>();

        @Override
        public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
            this.agents.add(agentId);
            this.inputs.add(input);
            return Mono.just(new ForwardedRun("run_123", Map.of("ok", true, "agent", agentId)));
        }

        @Override
        public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
            this.agents.add(agentId);
            this.inputs.add(input);
            return Flux.just(ServerSentEvent.builder(Map.of("type", "run.started")).event("run.started").id("1").build(),
                    ServerSentEvent.builder(Map.of("type", "run.completed")).event("run.completed").id("2").build());
        }
    }

    /** A runtime that cannot be reached. */
    static final class DownForwarder implements EndpointRunForwarder {

        @Override
        public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
            return Mono.error(new ConnectException("Connection refused: localhost/127.0.0.1:1"));
        }

        @Override
        public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
            return Flux.error(new ConnectException("Connection refused: localhost/127.0.0.1:1"));
        }
    }
}
