package so.ara.autoconfigure;

import java.util.List;

import so.ara.manifest.AgentRow;
import so.ara.manifest.AppManifest;
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
        String report = "Ara app '" + manifest.slug() + "': " + agents.size() + " agent(s) " + shortList(agents)
                + ", " + tools.size() + " tool(s) " + shortList(tools) + ", " + schedules + " schedule(s), "
                + endpoints.size() + " endpoint(s) " + shortList(endpoints);
        if (!definition.hasCallbackBaseUrl() && (!tools.isEmpty() || !agents.isEmpty())) {
            report += ". No ara.callback.base-url: the Java tools " + shortList(tools) + " and prompt methods run on"
                    + " ara-local only; in the Ara cloud they answer with an error saying so";
        }
        return report;
    }

    /** At most ten names, so a large app still logs one readable line. */
    static String shortList(List<String> names) {
        if (names.size() <= 10) {
            return names.toString();
        }
        return names.subList(0, 10).toString().replace("]", ", … " + (names.size() - 10) + " more]");
    }
}
