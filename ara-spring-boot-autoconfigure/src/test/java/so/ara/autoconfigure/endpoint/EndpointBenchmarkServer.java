package so.ara.autoconfigure.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.auth.AraSignature;
import so.ara.json.AraJson;
import so.ara.gateway.EndpointRunForwarder;
import so.ara.gateway.ForwardedRun;

/**
 * Benchmark server (not a test): three routes answering the same JSON on 127.0.0.1 — {@code POST /bench/hmac}
 * (auth hmac, Ara scheme, replay rejection off so one signed request can be repeated), {@code POST /bench/none}
 * (the same route, auth none) and {@code POST /bare} (a bare WebFlux handler reading the body once). Prints the wrk
 * commands to run. Usage: {@code java -cp ... so.ara.autoconfigure.endpoint.EndpointBenchmarkServer [port]}.
 */
public final class EndpointBenchmarkServer {

    static final String SECRET = "bench-secret-0123456789abcdef";

    static final String BODY = "{\"ticket\":42,\"text\":\"The printer on floor 3 is on fire again\"}";

    private EndpointBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = (args.length > 0) ? Integer.parseInt(args[0]) : 18080;
        Map<String, Object> result = Map.of("output", "ok", "status", "completed");
        byte[] resultJson = AraJson.mapper().writeValueAsBytes(result);
        EndpointRunForwarder forwarder = new EndpointRunForwarder() {
            private final Mono<ForwardedRun> run = Mono.just(new ForwardedRun("run_bench", result));

            @Override
            public Mono<ForwardedRun> run(String agentId, Map<String, Object> input) {
                return this.run;
            }

            @Override
            public Flux<ServerSentEvent<?>> stream(String agentId, Map<String, Object> input) {
                return Flux.empty();
            }
        };
        AraEndpointRoutes routes = new AraEndpointRoutes("bench",
                List.of(EndpointTestSupport.spec("POST", "/bench/hmac", "bench-hmac", "hmac", "", "BENCH_SECRET", false,
                        "bench"),
                        EndpointTestSupport.spec("POST", "/bench/none", "bench-none", "none", "", "", false, "bench")),
                forwarder, name -> "BENCH_SECRET".equals(name) ? SECRET : null,
                AraEndpointsProperties.defaults().withReplayProtection(false), Clock.systemUTC());
        RouterFunction<ServerResponse> bare = RouterFunctions.route()
            .POST("/bare",
                    request -> DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), 1024 * 1024)
                        .doOnNext(DataBufferUtils::release)
                        .then(ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .header(AraEndpointRoutes.RUN_ID_HEADER, "run_bench")
                            .bodyValue(resultJson)))
            .build();
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
                RouterFunctions.toHttpHandler(routes.routerFunction().and(bare)));
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port).handle(adapter).bindNow();
        long ts = Instant.now().getEpochSecond();
        String signature = AraSignature.sign(SECRET, ts, "dlv_bench", BODY.getBytes(StandardCharsets.UTF_8));
        String common = "-H 'Content-Type: application/json' -s /tmp/ara-bench-post.lua";
        System.out.println("READY on 127.0.0.1:" + port + " (signature valid for 5 minutes)");
        System.out.println("wrk -t2 -c32 -d10s --latency " + common + " -H 'X-Ara-Timestamp: " + ts
                + "' -H 'X-Ara-Delivery-Id: dlv_bench' -H 'X-Ara-Signature: " + signature + "' http://127.0.0.1:"
                + port + "/bench/hmac");
        System.out.println("wrk -t2 -c32 -d10s --latency " + common + " http://127.0.0.1:" + port + "/bench/none");
        System.out.println("wrk -t2 -c32 -d10s --latency " + common + " http://127.0.0.1:" + port + "/bare");
        System.out.println("LUA wrk.method = \"POST\"; wrk.body = '" + BODY + "'");
        server.onDispose().block();
    }
}
