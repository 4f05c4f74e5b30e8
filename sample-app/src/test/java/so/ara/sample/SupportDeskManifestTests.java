package so.ara.sample;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import so.ara.json.AraJson;
import so.ara.manifest.AppManifest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's manifest, generated sources included, is pinned by a golden file: any change to what the app
 * declares, or to how declarations become a manifest, shows up here as a diff. To accept an intended change, run with
 * {@code -Dara.golden.update=true} and review the diff of {@code src/test/resources/golden}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "ara.mode=manifest-only")
class SupportDeskManifestTests {

    private static final String GOLDEN = "golden/support-desk-manifest.json";

    @Autowired
    private AppManifest manifest;

    @Test
    void manifestMatchesTheGoldenFile() throws Exception {
        String actual = AraJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
        if (Boolean.getBoolean("ara.golden.update")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyAuthModeAndEveryAnnotationIsUsed() {
        JsonNode json = AraJson.mapper().valueToTree(manifest);
        assertThat(json.at("/interfaces/fastapi_endpoints").findValuesAsString("mode"))
                .containsExactlyInAnyOrder("hmac", "none", "header", "bearer");
        assertThat(manifest.tools()).extracting(tool -> tool.function().name()).containsExactly("lookupTicket",
                "searchKnowledgeBase", "createTicket", "escalateTicket", "syncCrm");
        assertThat(manifest.agent().defaultAgentId()).isEqualTo("triage");
        assertThat(json.at("/agent/tools/2/function/parameters").toString()).isEqualTo("{\"type\":\"object\","
                + "\"properties\":{\"ticket\":{\"type\":\"object\",\"properties\":{\"customer\":{\"type\":\"string\","
                + "\"description\":\"Customer e-mail address\"},\"subject\":{\"type\":\"string\",\"description\":"
                + "\"One-line summary\"},\"priority\":{\"type\":\"string\",\"enum\":[\"LOW\",\"NORMAL\",\"HIGH\","
                + "\"URGENT\"]}},\"required\":[\"customer\",\"subject\",\"priority\"]}},\"required\":[\"ticket\"]}");
        assertThat(json.at("/agent/agents/0/schedules").findValuesAsString("id")).containsExactly("morning-triage",
                "crm-sync");
        assertThat(json.at("/agent/agents/4/schedules").findValuesAsString("id"))
                .containsExactly("daily-digest--09-00", "daily-digest--17-30");
    }
}
