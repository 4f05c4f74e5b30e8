package so.ara.autoconfigure;

import java.util.List;

import so.ara.manifest.AgentRow;
import so.ara.manifest.AppManifest;
import so.ara.manifest.EndpointSpec;
import so.ara.manifest.ToolRow;

/** The one-line startup report of what the manifest contains. */
final class ManifestReport {

    private ManifestReport() {
    }

    static String describe(AraAppDefinition definition) {
        AppManifest manifest = definition.manifest();
        List<String> agents = manifest.agents().stream().map(AgentRow::id).toList();
        List<String> tools = manifest.tools().stream().map(ToolRow::functionName).toList();
        long schedules = manifest.agents().stream().mapToLong(agent -> agent.schedules().size()).sum();
        List<String> endpoints = manifest.endpoints().stream()
                .map(endpoint -> endpoint.method() + " " + endpoint.path() + " (" + endpoint.auth().mode() + ")")
                .toList();
        String report = "Ara app '" + manifest.slug() + "': " + agents.size() + " agent(s) " + agents + ", "
                + tools.size() + " tool(s) " + tools + ", " + schedules + " schedule(s), " + endpoints.size()
                + " endpoint(s) " + endpoints;
        if (!definition.hasCallbackBaseUrl() && (!tools.isEmpty() || !agents.isEmpty())) {
            report += "; no ara.callback.base-url, so Java tools and prompt methods " + tools
                    + " run on ara-local only (in the Ara cloud they answer with an error)";
        }
        return report;
    }

    static List<String> endpointLabels(AppManifest manifest) {
        return manifest.endpoints().stream().map(EndpointSpec::label).toList();
    }
}
