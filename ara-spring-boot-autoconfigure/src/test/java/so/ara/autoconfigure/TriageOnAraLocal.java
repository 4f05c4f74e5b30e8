package so.ara.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import so.ara.json.AraJson;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;
import so.ara.manifest.AppManifestBuilder;
import so.ara.manifest.AraDeclarations;
import so.ara.manifest.NamedSpecs;
import so.ara.test.TicketTriage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A real ara-local on a free port, and the TicketTriage app's manifest for it with no app serving its callbacks. */
final class TriageOnAraLocal {

    private TriageOnAraLocal() {
    }

    static AraLocalServer start(String apiKey) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return AraLocalServer.start(AraLocalSettings.defaults().withPort(port).withApiKey(apiKey).withScheduleTick(null));
    }

    /** Without the Java prompt method's callback (no app serves it here) the agent's run completes in ara-local alone. */
    static JsonNode manifestWithoutPromptCallbacks() {
        AppManifestBuilder builder = new AppManifestBuilder("ticket-triage");
        new AraDeclarations(NamedSpecs.NONE).read("ticketTriage", TicketTriage.class, builder, problem -> {
            throw new AssertionError(problem);
        });
        JsonNode json = AraJson.mapper().valueToTree(builder.build());
        for (JsonNode agent : json.at("/agent/agents")) {
            ((ObjectNode) agent).remove("prompt_factory");
        }
        return json;
    }
}
