package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's "copy curl" commands, pasted into a real shell, pass each endpoint's auth on the gateway. */
class ConsoleCurlTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/usr/bin/openssl")),
                "curl and openssl are needed to run the copied commands");
        fx = new ConsoleFixture();
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String run(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command + " -o /dev/null -w '%{http_code}'")
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void everyEndpointsCurlCommandIsAccepted() throws Exception {
        List<Map<String, Object>> endpoints = Json.maps(fx.get("/console/api/apps").at("apps", "0", "endpoints"));
        assertThat(endpoints).hasSize(4);
        for (Map<String, Object> e : endpoints) {
            String curl = (String) e.get("curl");
            assertThat(curl).as("secrets are referenced, not inlined").doesNotContain("s3cret");
            assertThat(run(curl, ConsoleFixture.ENDPOINT_SECRETS)).as(curl).isEqualTo("200");
            if (!"none".equals(e.get("auth_mode"))) {
                assertThat(run(curl, Map.of((String) e.get("secret_env"), "wrong"))).as(curl).isEqualTo("401");
            }
        }
    }
}
