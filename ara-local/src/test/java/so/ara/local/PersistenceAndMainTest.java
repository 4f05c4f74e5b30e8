package so.ara.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static so.ara.local.LocalTestSupport.bearer;
import static so.ara.local.LocalTestSupport.call;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;

class PersistenceAndMainTest {

    @TempDir
    Path dir;

    @Test
    void stateSurvivesARestart() throws Exception {
        Path data = dir.resolve("data");
        String cp;
        String appId;
        String runtimeKey;
        try (AraLocalServer first = AraLocalServer.start(LocalTestSupport.testSettings().withDataDir(data))) {
            cp = first.apiKey();
            appId = call(first.baseUrl(), HttpMethod.POST, "/apps", bearer(cp), LocalTestSupport.manifest("kept",
                    null, null)).at("app", "id");
            call(first.baseUrl(), HttpMethod.POST, "/apps/" + appId + "/secrets", bearer(cp), Json.obj("name", "s1",
                    "values", Json.obj("TOKEN", "t-1")));
            runtimeKey = call(first.baseUrl(), HttpMethod.POST, "/apps/" + appId + "/keys", bearer(cp), Json.obj())
                    .at("key");
        }
        Path store = data.resolve(StoreFile.FILE_NAME);
        Path key = data.resolve(StoreFile.KEY_FILE_NAME);
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String raw = Files.readString(store, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("kept").doesNotContain("t-1").doesNotContain(runtimeKey).doesNotContain(cp);
        try (AraLocalServer second = AraLocalServer.start(LocalTestSupport.testSettings().withDataDir(data))) {
            assertThat(second.apiKey()).isEqualTo(cp);
            var apps = call(second.baseUrl(), HttpMethod.GET, "/apps", bearer(cp), null);
            assertThat(apps.<String>at("apps", "0", "id")).isEqualTo(appId);
            assertThat(apps.<String>at("apps", "0", "slug")).isEqualTo("kept");
            var secrets = call(second.baseUrl(), HttpMethod.GET, "/apps/" + appId + "/secrets", bearer(cp), null);
            assertThat(secrets.<List<Object>>at("secrets")).extracting(s -> Json.map(s).get("name"))
                    .containsExactly("s1");
            var run = call(second.baseUrl(), HttpMethod.POST, "/v1/apps/kept/run", bearer(runtimeKey),
                    Json.obj("input", Json.obj("message", "back")));
            assertThat(run.<String>at("output", "text")).isEqualTo("[triage_agent] back");
        }
    }

    @Test
    void corruptStoreIsRefusedAndLeftAsItWas() throws Exception {
        Path data = dir.resolve("bad");
        Files.createDirectories(data);
        Path store = data.resolve(StoreFile.FILE_NAME);
        Files.writeString(store, "{not a store".repeat(500));
        byte[] before = Files.readAllBytes(store);
        assertThatThrownBy(() -> AraLocalServer.start(LocalTestSupport.testSettings().withDataDir(data)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ara-local cannot read its store " + store)
                .hasMessageContaining("left unchanged");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void portInUseIsAClearError() {
        try (AraLocalServer first = AraLocalServer.start(LocalTestSupport.testSettings())) {
            assertThatThrownBy(() -> AraLocalServer.start(LocalTestSupport.testSettings().withPort(first.port())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("ara-local cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void mainOptions() {
        var s = AraLocalMain.settings(AraLocalMain.options(new String[] {"--server.port=9999",
                "--ara.local.api-key=ak_local_x", "--ara.local.data-dir=/tmp/ara-data"}), Map.of());
        assertThat(s.port()).isEqualTo(9999);
        assertThat(s.apiKey()).isEqualTo("ak_local_x");
        assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/ara-data"));
        assertThatThrownBy(() -> AraLocalMain.settings(Map.of("ara.local.state-file", "s.json"), Map.of()))
                .hasMessageContaining("--ara.local.data-dir");
        var env = AraLocalMain.settings(Map.of(), Map.of("SERVER_PORT", "7000", "ARA_LOCAL_API_KEY", "ak_env"));
        assertThat(env.port()).isEqualTo(7000);
        assertThat(env.apiKey()).isEqualTo("ak_env");
        assertThat(AraLocalMain.settings(Map.of(), Map.of()).port()).isEqualTo(8787);
        assertThat(AraLocalMain.settings(AraLocalMain.options(new String[] {"--ara.local.python=/opt/py/bin/python3"}),
                Map.of()).python().executable()).isEqualTo("/opt/py/bin/python3");
        assertThat(AraLocalMain.settings(Map.of(), Map.of("ARA_LOCAL_PYTHON", "python3.11")).python().executable())
                .isEqualTo("python3.11");
        assertThat(AraLocalMain.settings(Map.of(), Map.of()).python().executable()).isNull();
        assertThatThrownBy(() -> AraLocalMain.options(new String[] {"serve"}))
                .hasMessageContaining("unknown argument 'serve'");
    }

    @Test
    void standaloneProcessPrintsUrlAndKey() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "so.ara.local.AraLocalMain", "--server.port=0", "--ara.local.api-key=ak_local_standalone")
                .redirectErrorStream(false).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line1 = out.readLine();
            String line2 = out.readLine();
            String line3 = out.readLine();
            assertThat(line1).startsWith("ara-local listening on http://127.0.0.1:");
            String url = line1.substring("ara-local listening on ".length());
            assertThat(line2).isEqualTo("ARA_API_BASE_URL=" + url);
            assertThat(line3).isEqualTo("ARA_API_KEY=ak_local_standalone");
            var who = call(url, HttpMethod.GET, "/auth/cli/whoami", bearer("ak_local_standalone"), null);
            assertThat(who.<String>at("user", "id")).isEqualTo("user_local");
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
