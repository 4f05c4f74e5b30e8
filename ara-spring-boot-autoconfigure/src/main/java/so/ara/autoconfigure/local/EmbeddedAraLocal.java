package so.ara.autoconfigure.local;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.LocalControlPlane;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/** ara-local started inside this JVM on 127.0.0.1, only when the mode resolves to local; stopped with the context. */
public final class EmbeddedAraLocal implements LocalControlPlane, AutoCloseable {

    private static final Log logger = LogFactory.getLog(EmbeddedAraLocal.class);

    private final AraProperties.Local properties;
    private AraLocalServer server;

    public EmbeddedAraLocal(AraProperties.Local properties) {
        this.properties = properties;
    }

    @Override
    public synchronized Endpoint start() {
        if (server == null) {
            server = AraLocalServer.start(settings());
            logger.info("Started the embedded ara-local control plane at " + server.baseUrl()
                    + " (no Ara credentials resolved; set ara.api-key or ARA_API_KEY to deploy to Ara)");
            logger.info("ara-local console: " + server.consoleUrl());
        }
        return new Endpoint(server.baseUrl(), server.apiKey());
    }

    private AraLocalSettings settings() {
        AraLocalSettings settings = AraLocalSettings.defaults().withPort(properties.port());
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            settings = settings.withApiKey(properties.apiKey().trim());
        }
        if (properties.stateFile() != null && !properties.stateFile().isBlank()) {
            settings = settings.withStateFile(Path.of(properties.stateFile()));
        }
        AraProperties.Model model = properties.model();
        if (model != null && model.baseUrl() != null && !model.baseUrl().isBlank()) {
            settings = settings.withModel(AraLocalSettings.ModelSettings.openAiCompatible(model.baseUrl(),
                    model.name(), model.apiKey()));
        }
        return settings;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
