package so.ara.autoconfigure.local;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.unit.DataSize;
import so.ara.autoconfigure.AraProperties;
import so.ara.autoconfigure.LocalControlPlane;
import so.ara.local.AraLocalServer;
import so.ara.local.AraLocalSettings;

/**
 * ara-local inside this JVM on 127.0.0.1, as a bean with its own lifecycle: it starts when the bean is initialized
 * (before anything that needs its address) and stops with the application context. The bean exists only when the mode
 * resolves to local ({@link LocalModeCondition}).
 */
public final class EmbeddedAraLocal implements LocalControlPlane, InitializingBean, DisposableBean {

    private static final Log logger = LogFactory.getLog(EmbeddedAraLocal.class);

    private final AraProperties.Local properties;
    private final String reason;
    private final DataSize endpointMaxBody;
    private volatile AraLocalServer server;

    /**
     * {@code reason} says in the startup log line why local mode was chosen; {@code endpointMaxBody} is the largest
     * endpoint body the app accepts, which this control plane must accept inside a forwarded run.
     */
    public EmbeddedAraLocal(AraProperties.Local properties, String reason, DataSize endpointMaxBody) {
        this.properties = properties;
        this.reason = reason;
        this.endpointMaxBody = endpointMaxBody;
    }

    @Override
    public void afterPropertiesSet() {
        this.server = AraLocalServer.start(settings());
        logger.info("Started the embedded ara-local control plane at " + this.server.baseUrl() + " (" + this.reason
                + ")");
        logger.info("ara-local console: " + this.server.consoleUrl());
    }

    @Override
    public String baseUrl() {
        return running().baseUrl();
    }

    @Override
    public String apiKey() {
        return running().apiKey();
    }

    private AraLocalServer running() {
        AraLocalServer current = this.server;
        if (current == null) {
            throw new IllegalStateException("The embedded ara-local control plane is not running");
        }
        return current;
    }

    private AraLocalSettings settings() {
        AraLocalSettings settings = AraLocalSettings.defaults().withPort(this.properties.port());
        if (this.properties.apiKey() != null && !this.properties.apiKey().isBlank()) {
            settings = settings.withApiKey(this.properties.apiKey().trim());
        }
        if (this.properties.dataDir() != null && !this.properties.dataDir().isBlank()) {
            settings = settings.withDataDir(Path.of(this.properties.dataDir()));
        }
        if (this.properties.python() != null && !this.properties.python().isBlank()) {
            settings = settings.withPython(settings.python().withExecutable(this.properties.python().trim()));
        }
        // a forwarded run carries the endpoint body re-encoded as JSON beside gateway metadata: room for escaping
        long forwarded = Math.min(Integer.MAX_VALUE / 2, 2 * this.endpointMaxBody.toBytes() + 64 * 1024);
        if (forwarded > settings.limits().maxBodyBytes()) {
            settings = settings.withLimits(settings.limits().withMaxBodyBytes((int) forwarded));
        }
        AraProperties.Model model = this.properties.model();
        if (model != null && model.baseUrl() != null && !model.baseUrl().isBlank()) {
            settings = settings.withModel(AraLocalSettings.ModelSettings.openAiCompatible(model.baseUrl(),
                    model.name(), model.apiKey()));
        }
        return settings;
    }

    @Override
    public void destroy() {
        AraLocalServer current = this.server;
        this.server = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        AraLocalServer current = this.server;
        return "EmbeddedAraLocal[" + (current != null ? current.baseUrl() : "stopped") + "]";
    }
}
