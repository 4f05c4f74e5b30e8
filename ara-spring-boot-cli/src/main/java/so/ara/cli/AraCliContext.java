package so.ara.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.AraRuntimeClient;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.CredentialsFile;
import so.ara.json.AraJson;
import so.ara.json.PythonJson;
import so.ara.manifest.AppManifest;
import so.ara.spec.Secret;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every command needs: the app's manifest, credentials resolved like the Python CLI (properties
 * {@code ara.api-key}/{@code ara.api-base-url}/{@code ara.runtime-key}/{@code ara.app-header-key} first, then the
 * {@code ARA_*} variables of the Spring environment, then {@code <home>/.ara/credentials.json}), clients, and output.
 * The home directory is {@code ara.cli.home} when set, else {@code user.home}.
 */
public class AraCliContext {

    private final Environment environment;

    private final ObjectProvider<AppManifest> manifest;

    private final AraCliIo io;

    private final boolean debug;

    public AraCliContext(Environment environment, ObjectProvider<AppManifest> manifest, AraCliIo io, boolean debug) {
        this.environment = environment;
        this.manifest = manifest;
        this.io = io;
        this.debug = debug;
    }

    public AraCliIo io() {
        return this.io;
    }

    public boolean debug() {
        return this.debug;
    }

    public Path home() {
        String home = this.environment.getProperty("ara.cli.home");
        if (home == null || home.isBlank()) {
            home = Objects.requireNonNullElse(System.getProperty("user.home"), ".");
        }
        return Path.of(home);
    }

    /** A variable such as {@code ARA_API_KEY} from the Spring environment (system environment included). */
    public @Nullable String env(String name) {
        String value = this.environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public CredentialsFile credentialsFile() {
        return new CredentialsFile(home(), Clock.systemUTC());
    }

    /** Credentials as the app commands resolve them; {@code apiBaseUrl} (e.g. {@code --api-base-url}) wins. */
    public AraCredentials credentials(@Nullable String apiBaseUrl) {
        String debugProperty = this.environment.getProperty("ara.debug-http-errors");
        return AraCredentials.builder()
                .apiKey(this.environment.getProperty("ara.api-key"))
                .apiBaseUrl(apiBaseUrl != null && !apiBaseUrl.isBlank() ? apiBaseUrl
                        : this.environment.getProperty("ara.api-base-url"))
                .runtimeKey(this.environment.getProperty("ara.runtime-key"))
                .appHeaderKey(this.environment.getProperty("ara.app-header-key"))
                .debugHttpErrors("true".equalsIgnoreCase(debugProperty) ? Boolean.TRUE : null)
                .environment(this::env)
                .home(home())
                .build();
    }

    public AraClientSettings settings(AraCredentials credentials) {
        // the Python CLI makes no automatic retries (reference §4.1)
        return AraClientSettings.fromEnvironment(credentials.environment()).withRetries(0, Duration.ZERO);
    }

    public AppManifest manifest() {
        AppManifest value = this.manifest.getIfAvailable();
        if (value == null) {
            throw new CliException("No Ara manifest: declare @AraAgent/@AraTool beans and set ara.project-name or "
                    + "spring.application.name.");
        }
        return value;
    }

    /** The app's secret definitions ({@code ara.runtime.secrets} and customizers), as the startup deploy syncs them. */
    public List<Secret> secretDefinitions() {
        return manifest().secrets();
    }

    public ObjectNode manifestJson() {
        return (ObjectNode) AraJson.mapper().valueToTree(manifest());
    }

    public AraClient client() {
        AraCredentials credentials = requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS);
        return new AraClient(manifestJson(), WebClient.builder(), credentials, settings(credentials), null);
    }

    public AraRuntimeClient runtimeClient() {
        AraCredentials credentials = requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS);
        return new AraRuntimeClient(WebClient.builder(), credentials, settings(credentials), null);
    }

    static AraCredentials requireControlPlane(AraCredentials credentials, String message) {
        if (!credentials.hasControlPlaneCredentials()) {
            throw new CliException(message);
        }
        return credentials;
    }

    /** Blocks at the CLI's edge; errors come out unwrapped. */
    public <T> T await(Mono<T> mono) {
        try {
            return mono.block();
        }
        catch (RuntimeException ex) {
            Throwable cause = Exceptions.unwrap(ex);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CliException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Prints JSON pretty-printed with a 2-space indent (Python's {@code json.dumps(indent=2)}). */
    public void print(@Nullable Object value) {
        JsonNode node = value instanceof JsonNode json ? json : AraJson.mapper().valueToTree(value);
        this.io.out().println(PythonJson.dumps(node));
        this.io.out().flush();
    }
}
