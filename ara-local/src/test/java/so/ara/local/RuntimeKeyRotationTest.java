package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import so.ara.testsupport.MovableClock;

/** Minting a runtime key under an existing name supersedes the older one: restarts and replicas do not pile keys up. */
class RuntimeKeyRotationTest {

    @Test
    void aSupersededKeyWorksWhileInUseAndStopsAfterItsGraceOfIdleness() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (AraLocalServer server = AraLocalServer.start(LocalTestSupport.testSettings().withClock(clock))) {
            String base = server.baseUrl();
            String cp = server.apiKey();
            String id = call(base, HttpMethod.POST, "/apps", bearer(cp),
                    LocalTestSupport.manifest("key-rotation", null, null)).at("app", "id");
            List<String> minted = new ArrayList<>();
            for (int restart = 0; restart < 5; restart++) {
                minted.add(call(base, HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp),
                        Json.obj("name", "key-rotation-py-local", "requests_per_minute", 60)).at("key"));
            }
            String other = call(base, HttpMethod.POST, "/apps/" + id + "/keys", bearer(cp),
                    Json.obj("name", "ci-key")).at("key");
            assertThat(runtimeKeys(base, cp, id)).as("within the grace every key still works").isEqualTo(6);

            clock.set(Instant.parse("2026-12-01T10:09:00Z"));
            assertThat(status(base, id, minted.get(1))).as("a replica still using an older key").isEqualTo(404);
            clock.set(Instant.parse("2026-12-01T10:12:00Z"));
            assertThat(status(base, id, minted.get(0))).as("idle for the grace: revoked").isEqualTo(401);
            assertThat(status(base, id, minted.get(1))).as("used 3 min ago: still works").isEqualTo(404);
            assertThat(status(base, id, minted.get(4))).as("the newest key").isEqualTo(404);
            assertThat(status(base, id, other)).as("another name is not superseded").isEqualTo(404);
            assertThat(runtimeKeys(base, cp, id)).isEqualTo(3);

            clock.set(Instant.parse("2026-12-01T10:30:00Z"));
            assertThat(status(base, id, minted.get(1))).isEqualTo(401);
            assertThat(runtimeKeys(base, cp, id)).as("one per name once the old ones went idle").isEqualTo(2);
        }
    }

    private static int runtimeKeys(String base, String cp, String id) {
        Number count = call(base, HttpMethod.GET, "/apps/" + id + "/setup", bearer(cp), null).at("runtime_keys");
        return count.intValue();
    }

    private static int status(String base, String id, String key) {
        return call(base, HttpMethod.GET, "/v1/apps/" + id + "/runs/run-missing", bearer(key), null).status();
    }
}
