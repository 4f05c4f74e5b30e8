package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Wire format of the log stream, webhook retries, warmup events and run eviction. */
class RuntimeDetailsTest {

    record Deployed(AraLocalServer server, String appId, String key) {
    }

    static Deployed deploy(AraLocalServer server, String slug) {
        String cp = server.apiKey();
        String id = call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest(slug, null,
                null)).at("app", "id");
        String key = call(server.baseUrl(), HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp),
                Json.obj("requests_per_minute", 2000)).at("key");
        return new Deployed(server, id, key);
    }

    @Test
    void logStreamWireFormat() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings())) {
            Deployed d = deploy(server, "wire");
            StringBuilder text = new StringBuilder();
            reactor.core.publisher.Mono<?> stream = LocalTestSupport.CLIENT.get()
                    .uri(server.baseUrl() + "/v1/apps/wire/logs/stream")
                    .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(d.key()))
                    .exchangeToFlux(resp -> {
                        assertThat(resp.headers().contentType().orElseThrow().toString()).startsWith("text/event-stream");
                        return resp.bodyToFlux(DataBuffer.class);
                    })
                    .map(b -> {
                        String s = b.toString(StandardCharsets.UTF_8);
                        DataBufferUtils.release(b);
                        return s;
                    })
                    .doOnNext(text::append)
                    .takeUntil(s -> text.toString().contains("event: run.warmup.completed"))
                    .then().cache();
            stream.subscribe();
            // logs are live (no backfill): run once the stream is open
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.logs().subscriberCount(d.appId()) == 1);
            var run = call(server.baseUrl(), HttpMethod.POST, "/v1/apps/wire/run", bearer(d.key()),
                    Json.obj("warmup", true, "input", Json.obj()));
            String runId = run.at("run_id");
            stream.block(Duration.ofSeconds(10));
            String[] frames = text.toString().split("\n\n");
            assertThat(frames[0]).isEqualTo("retry: 1000");
            assertThat(frames[1]).startsWith("id: 1\nevent: run.warmup.started\ndata: {\"id\":\"1\",\"timestamp\":\"");
            assertThat(frames[2]).startsWith("id: 2\nevent: run.started\ndata: {\"id\":\"2\"")
                    .contains("\"level\":\"info\",\"app_id\":\"" + d.appId() + "\",\"run_id\":\"" + runId
                            + "\",\"event_type\":\"run.started\",\"message\":\"Run started\"");
            assertThat(frames[3]).startsWith("id: 3\nevent: run.prompt.built\n");
            assertThat(frames[4]).startsWith("id: 4\nevent: run.model.started\n");
            assertThat(frames[5]).startsWith("id: 5\nevent: run.model.completed\n");
            assertThat(frames[6]).startsWith("id: 6\nevent: run.completed\n");
            assertThat(frames[7]).startsWith("id: 7\nevent: run.warmup.completed\n");
            assertThat(run.<Boolean>at("run", "warmup")).isTrue();
        }
    }

    @Test
    void heartbeatCommentsOverHttp() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withHeartbeatInterval(Duration.ofMillis(100)))) {
            Deployed d = deploy(server, "beats");
            String text = LocalTestSupport.CLIENT.get().uri(server.baseUrl() + "/v1/apps/beats/logs/stream")
                    .headers(h -> h.setBearerAuth(d.key())).retrieve().bodyToFlux(DataBuffer.class)
                    .map(b -> {
                        String s = b.toString(StandardCharsets.UTF_8);
                        DataBufferUtils.release(b);
                        return s;
                    })
                    .scan("", String::concat)
                    .filter(s -> s.split(": keep-alive\n\n", -1).length > 2)
                    .blockFirst(Duration.ofSeconds(5));
            assertThat(text).isEqualTo("retry: 1000\n\n: keep-alive\n\n: keep-alive\n\n");
        }
    }

    @Test
    void webhookIsRetriedWithTheSameDelivery() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings());
                var hooks = new LocalTestSupport.CallbackServer("s", req -> attempts.incrementAndGet() < 3 ? 503
                        : Json.obj())) {
            Deployed d = deploy(server, "hooks");
            var queued = call(server.baseUrl(), HttpMethod.POST, "/v1/apps/hooks/runs", bearer(d.key()), Json.obj(
                    "response_mode", "webhook", "callback", Json.obj("url", hooks.url("/h"), "secret", "s")));
            assertThat(queued.status()).isEqualTo(202);
            await().until(() -> hooks.received.size() >= 3);
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5))
                    .until(() -> hooks.received.size() == 3);
            assertThat(hooks.received).allSatisfy(r -> assertThat(r.get("verified")).isEqualTo(true));
            assertThat(hooks.received).extracting(r -> Json.map(Json.map(r.get("body")).get("run")).get("run_id"))
                    .containsOnly((String) queued.at("run_id"));
        }
    }

    @Test
    void webhookOnlyForSubscribedEvents() throws Exception {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings());
                var hooks = new LocalTestSupport.CallbackServer("s", req -> Json.obj())) {
            Deployed d = deploy(server, "only-failed");
            call(server.baseUrl(), HttpMethod.POST, "/v1/apps/only-failed/runs", bearer(d.key()), Json.obj(
                    "response_mode", "webhook", "callback", Json.obj("url", hooks.url("/h"), "secret", "s",
                            "events", List.of("run.failed"))));
            var failing = call(server.baseUrl(), HttpMethod.POST, "/v1/apps/only-failed/runs", bearer(d.key()),
                    Json.obj("response_mode", "webhook", "input", Json.obj("tool_calls", List.of(Json.obj("name",
                            "nope"))), "callback", Json.obj("url", hooks.url("/h"), "secret", "s", "events",
                                    List.of("run.failed"))));
            await().until(() -> !hooks.received.isEmpty());
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> hooks.received.size() == 1);
            Map<String, Object> body = Json.map(hooks.received.peek().get("body"));
            assertThat(body.get("event")).isEqualTo("run.failed");
            assertThat(Json.map(body.get("run")).get("run_id")).isEqualTo(failing.at("run_id"));
        }
    }

    @Test
    void oldestFinishedRunsAreEvicted() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withLimits(AraLocalSettings.Limits.defaults().withMaxRuns(3)))) {
            Deployed d = deploy(server, "evict");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(call(server.baseUrl(), HttpMethod.POST, "/v1/apps/evict/run", bearer(d.key()),
                        Json.obj()).at("run_id"));
            }
            assertThat(server.store().runCount()).isEqualTo(3);
            assertThat(call(server.baseUrl(), HttpMethod.GET, "/v1/apps/evict/runs/" + ids.get(0), bearer(d.key()),
                    null).status()).isEqualTo(404);
            assertThat(call(server.baseUrl(), HttpMethod.GET, "/v1/apps/evict/runs/" + ids.get(4), bearer(d.key()),
                    null).<String>at("run", "status")).isEqualTo("completed");
        }
    }

    @Test
    void concurrentIdempotentRequestsStartOneRun() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings())) {
            Deployed d = deploy(server, "idem");
            Map<String, String> headers = new java.util.HashMap<>(bearer(d.key()));
            headers.put("X-Idempotency-Key", "same-key");
            List<LocalTestSupport.Resp> events = reactor.core.publisher.Flux.range(0, 20)
                    .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> call(server.baseUrl(),
                            HttpMethod.POST, "/v1/apps/idem/events", headers, Json.obj("message", "m" + i)))
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 20)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(events).filteredOn(r -> r.status() == 202).hasSize(1);
            assertThat(events).filteredOn(r -> r.status() == 200).hasSize(19);
            assertThat(events).extracting(r -> (String) r.at("run_id")).containsOnly((String) events.stream()
                    .filter(r -> r.status() == 202).findFirst().orElseThrow().at("run_id"));
            List<LocalTestSupport.Resp> runs = reactor.core.publisher.Flux.range(0, 20)
                    .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> call(server.baseUrl(),
                            HttpMethod.POST, "/v1/apps/idem/runs", bearer(d.key()), Json.obj("idempotency_key",
                                    "run-same")))
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 20)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(runs).filteredOn(r -> r.status() == 202).hasSize(1);
            assertThat(runs).extracting(r -> (String) r.at("run_id")).hasSize(20).containsOnly((String) runs.get(0)
                    .at("run_id"));
            assertThat(server.logs().rows(d.appId(), 0)).filteredOn(r -> r.eventType().equals("event.received"))
                    .hasSize(1);
        }
    }

    @Test
    void slowHttpSubscriberIsDropped() throws Exception {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withLimits(AraLocalSettings.Limits.defaults().withSubscriberBuffer(16)))) {
            Deployed d = deploy(server, "slow");
            var sub = LocalTestSupport.CLIENT.get().uri(server.baseUrl() + "/v1/apps/slow/logs/stream")
                    .headers(h -> h.setBearerAuth(d.key())).retrieve().bodyToFlux(DataBuffer.class)
                    .limitRate(1)
                    .delayElements(Duration.ofMillis(5))
                    .doOnNext(DataBufferUtils::release)
                    .subscribe();
            await().until(() -> server.logs().subscriberCount(d.appId()) == 1);
            assertThat(server.logs().subscriberCount(d.appId())).isEqualTo(1);
            String big = "x".repeat(2000);
            int published = 0;
            while (published < 20_000 && server.logs().subscriberCount(d.appId()) > 0) {
                server.logs().publish(d.appId(), "r", "run.started", big, null);
                published++;
            }
            // TCP buffers absorb some rows, then the bounded per-subscriber queue overflows and the server drops it
            assertThat(server.logs().subscriberCount(d.appId())).isZero();
            assertThat(published).isLessThan(20_000);
            sub.dispose();
        }
    }

    @Test
    void appLimit() {
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings()
                .withLimits(AraLocalSettings.Limits.defaults().withMaxApps(1)))) {
            deploy(server, "one");
            var second = call(server.baseUrl(), HttpMethod.POST, "/apps", bearer(server.apiKey()),
                    Json.obj("name", "two"));
            assertThat(second.status()).isEqualTo(422);
            assertThat(second.<String>at("detail")).isEqualTo("this ara-local server holds the maximum of 1 apps");
        }
    }
}
