package so.ara.manifest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import so.ara.json.AraJson;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import so.ara.spec.Secret;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 8 app declarations the Python SDK turned into manifests, declared with our annotations: the manifest must be
 * identical (key order included) apart from generated source text, and errors must carry the same message.
 */
class ManifestVectorsTest {

    private static final Map<String, App> APPS = Map.of(
            "worked-example", new App(ReferenceApps.WorkedExample.class),
            "schedule-at-forms", new App(ReferenceApps.ScheduleAtForms.class),
            "schedule-bad-at", new App(ReferenceApps.ScheduleBadAt.class),
            "endpoint-auth-modes", new App(ReferenceApps.EndpointAuthModes.class),
            "endpoint-bad-method", new App(ReferenceApps.EndpointBadMethod.class),
            "tool-schedule-fallback-agent", new App(ReferenceApps.ToolScheduleFallbackAgent.class),
            "agent-runtime-sandbox", new App(ReferenceApps.AgentRuntimeSandbox.class),
            "bad-project-name", new App(ReferenceApps.BadProjectName.class));

    static List<JsonNode> vectors() throws Exception {
        try (InputStream in = ManifestVectorsTest.class.getResourceAsStream("/fixtures/reference-vectors.json")) {
            List<JsonNode> list = new ArrayList<>();
            AraJson.mapper().readTree(in).get("manifests").forEach(list::add);
            assertThat(list).hasSize(8);
            return list;
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void annotatedDeclarationBuildsTheReferenceManifest(JsonNode vector) {
        String name = vector.get("name").asString();
        JsonNode declaration = vector.get("declaration");
        App app = APPS.get(name);
        assertThat(app).as("a Java translation of " + name).isNotNull();
        JsonNode result = vector.get("result");
        if (result.has("ok")) {
            String expected = AraJson.mapper().writeValueAsString(result.get("ok"));
            String actual = AraJson.mapper().writeValueAsString(withoutSources(build(app, declaration)));
            assertThat(actual).isEqualTo(expected);
        }
        else {
            String expected = result.get("error").asString().replaceFirst("^ValueError: ", "");
            assertThatThrownBy(() -> build(app, declaration)).isInstanceOf(ManifestValidationException.class)
                    .satisfies(ex -> assertThat(((ManifestValidationException) ex).problems())
                            .singleElement().asString().endsWith(": " + expected));
        }
    }

    private static AppManifest build(App app, JsonNode declaration) {
        AppManifestBuilder builder = new AppManifestBuilder(declaration.get("project_name").asString());
        if (declaration.has("interfaces")) {
            builder.interfaces(AraJson.mapper().convertValue(declaration.get("interfaces"), Map.class));
        }
        if (declaration.has("runtime_profile")) {
            JsonNode profile = declaration.get("runtime_profile");
            builder.runtimeProfile(RuntimeProfile.builder().image(profile.get("image").asString())
                    .env(AraJson.mapper().convertValue(profile.get("env"), Map.class))
                    .addSecret(Secret.fromName(profile.get("secret_refs").get(0).get("name").asString())).build());
        }
        List<String> problems = new ArrayList<>();
        new AraDeclarations(new PlannerSpecs()).read("reference", app.type(), builder, problems::add);
        if (!problems.isEmpty()) {
            throw new ManifestValidationException(problems);
        }
        return builder.build();
    }

    /** The manifest as JSON with every generated {@code source} replaced by the fixture's placeholder. */
    static JsonNode withoutSources(AppManifest manifest) {
        ObjectNode json = AraJson.mapper().valueToTree(manifest);
        json.findParents("source").forEach(parent -> ((ObjectNode) parent).put("source", "<generated>"));
        return json;
    }

    record App(Class<?> type) {
    }

    /** The named runtime and sandbox the agent-runtime-sandbox declaration uses. */
    static final class PlannerSpecs implements NamedSpecs {

        @Override
        public RuntimeProfile runtime(String name) {
            return RuntimeProfile.builder().memoryMb(2048).build();
        }

        @Override
        public Sandbox sandbox(String name) {
            return Sandbox.builder().policy("dedicated").key("planner").maxConcurrency(2).build();
        }
    }
}
