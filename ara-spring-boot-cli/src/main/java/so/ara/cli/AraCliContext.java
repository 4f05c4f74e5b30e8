package so.ara.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

import so.ara.autoconfigure.AraAppDefinition;
import so.ara.autoconfigure.LocalCallbacks;
import so.ara.client.AraClient;
import so.ara.client.AraClientSettings;
import so.ara.client.AraRuntimeClient;
import so.ara.client.RuntimeAuth;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.CredentialsFile;
import so.ara.json.AraJson;
import so.ara.json.PythonJson;
import so.ara.manifest.AppManifest;
import so.ara.spec.Secret;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every command needs: the app (its slug; its manifest when the application context was started), credentials
 * resolved like the Python CLI (properties {@code ara.api-key}/{@code ara.api-base-url}/{@code ara.runtime-key}/
 * {@code ara.app-header-key} first, then the {@code ARA_*} variables of the Spring environment, then
 * {@code <home>/.ara/credentials.json}), clients on the CLI's own connections, the runtime-key cache, and output.
 * The home directory is {@code ara.cli.home} when set, else {@code user.home}; the working directory (for
 * {@code .runtime-keys.local}) is {@code ara.cli.working-dir} when set, else {@code user.dir}.
 */
public class AraCliContext {

    private final Environment environment;

    static final String RANDOM_PORT = "server.port is 0 (a random port) and ara.callback.base-url is not set, so ara "
            + "deploy cannot know where the running application serves its Java tools and prompt methods: set "
            + "ara.callback.base-url (for example http://127.0.0.1:8080), or restart the application, which deploys "
            + "itself with the port it got.";

    private final @Nullable ObjectProvider<AraAppDefinition> definition;

    private final AraCliIo io;

    private final boolean debug;

    private final CliConnections connections;

    /**
     * @param definition the app's definition from the started context, or null when the command runs without one
     *                   (then only the slug is known, from {@code ara.project-name} or {@code spring.application.name})
     */
    AraCliContext(Environment environment, @Nullable ObjectProvider<AraAppDefinition> definition, AraCliIo io,
            boolean debug, CliConnections connections) {
        this.environment = environment;
        this.definition = definition;
        this.io = io;
        this.debug = debug;
        this.connections = connections;
    }

    public AraCliIo io() {
        return this.io;
    }

    public boolean debug() {
        return this.debug;
    }

    public Path home() {
        return directory("ara.cli.home", "user.home");
    }

    /** Where {@code .runtime-keys.local} lives. */
    public Path workingDirectory() {
        return directory("ara.cli.working-dir", "user.dir");
    }

    private Path directory(String property, String systemProperty) {
        String value = this.environment.getProperty(property);
        if (value == null || value.isBlank()) {
            value = Objects.requireNonNullElse(System.getProperty(systemProperty), ".");
        }
        return Path.of(value);
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
        // the Python CLI makes no automatic retries
        return AraClientSettings.fromEnvironment(credentials.environment()).withRetries(0, Duration.ZERO);
    }

    /** The app's slug: the manifest's when the context was started, else the configured project name. */
    public String slug() {
        if (this.definition != null) {
            return manifest().slug();
        }
        String name = this.environment.getProperty("ara.project-name");
        if (name == null || name.isBlank()) {
            name = this.environment.getProperty("spring.application.name");
        }
        if (name == null || name.isBlank()) {
            throw noManifest();
        }
        return name.strip();
    }

    public AppManifest manifest() {
        return appDefinition().manifest();
    }

    /** The app's declarations; only commands that start the application context (deploy, manifest) have them. */
    public AraAppDefinition appDefinition() {
        if (this.definition == null) {
            throw new IllegalStateException("this command runs without the application context");
        }
        AraAppDefinition value;
        try {
            value = this.definition.getIfAvailable();
        }
        catch (BeansException ex) {
            // lazy initialization: an invalid declaration surfaces here, with the message startup would give
            throw ex.getMostSpecificCause() instanceof RuntimeException cause ? cause : ex;
        }
        if (value == null) {
            throw noManifest();
        }
        return value;
    }

    private static CliException noManifest() {
        return new CliException("No Ara manifest: declare @AraAgent/@AraTool beans and set ara.project-name or "
                + "spring.application.name.");
    }

    /** The secrets deploy syncs: the manifest's, and the callback signing key when Ara's runtime calls back. */
    public List<Secret> deploySecrets() {
        AraCredentials credentials = requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS);
        return CallbackSecretSync.secrets(appDefinition(), deployCallbackBaseUrl(credentials) != null,
                this.environment, credentials);
    }

    /**
     * The manifest the running application deploys, so that {@code ara deploy} never takes its Java tools away: its
     * callbacks go to {@code ara.callback.base-url}, else (control plane on this machine) to 127.0.0.1 at
     * {@code server.port}, where the application renders them once it listens.
     */
    public AppManifest deployManifest() {
        AraAppDefinition definition = appDefinition();
        String baseUrl = deployCallbackBaseUrl(requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS));
        return baseUrl == null ? definition.manifest() : definition.manifestCallingBack(baseUrl);
    }

    private @Nullable String deployCallbackBaseUrl(AraCredentials credentials) {
        AraAppDefinition definition = appDefinition();
        if (definition.hasCallbackBaseUrl()) {
            return definition.callbackBaseUrl();
        }
        if (!LocalCallbacks.reachFrom(credentials.apiBaseUrl())) {
            return null;
        }
        int port = this.environment.getProperty("server.port", Integer.class, 8080);
        if (port > 0) {
            return LocalCallbacks.baseUrl(port, this.environment);
        }
        if (definition.methods().tools().isEmpty() && definition.methods().agents().isEmpty()) {
            return null;
        }
        throw new CliException(RANDOM_PORT);
    }

    public ObjectNode manifestJson() {
        return (ObjectNode) AraJson.mapper().valueToTree(manifest());
    }

    /** A client for the app's runtime and control-plane calls (it needs only the slug). */
    public AraClient client() {
        ObjectNode app = AraJson.mapper().createObjectNode();
        app.put("slug", slug());
        return client(app);
    }

    /** A client carrying the manifest the running application deploys ({@link #deployManifest()}). */
    public AraClient deployClient() {
        return client((ObjectNode) AraJson.mapper().valueToTree(deployManifest()));
    }

    private AraClient client(ObjectNode manifest) {
        AraCredentials credentials = requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS);
        AraClientSettings settings = settings(credentials);
        return new AraClient(manifest, this.connections.webClient(), credentials, settings, null,
                this.connections.streamClient(settings.connectTimeout()));
    }

    public AraRuntimeClient runtimeClient() {
        AraCredentials credentials = requireControlPlane(credentials(null), AraCredentials.NO_CREDENTIALS);
        AraClientSettings settings = settings(credentials);
        return new AraRuntimeClient(this.connections.webClient(), credentials, settings, null,
                this.connections.streamClient(settings.connectTimeout()));
    }

    public RuntimeKeyCache runtimeKeys() {
        return new RuntimeKeyCache(workingDirectory());
    }

    /**
     * Runs a runtime-plane call with the keys chosen as the Python CLI chooses them: {@code --app-header-key} /
     * {@code --runtime-key}, else {@code ARA_APP_HEADER_KEY} / {@code ARA_RUNTIME_KEY}, else the key cached for this
     * app in {@code .runtime-keys.local}, else a key minted now and cached for the next command.
     */
    public <T> T withRuntimeKey(AraClient client, RuntimeAuth given, Function<RuntimeAuth, Mono<T>> call) {
        RuntimeAuth auth = runtimeAuth(client, given);
        try {
            return await(call.apply(auth));
        }
        finally {
            rememberMintedKey(client);
        }
    }

    /** The keys a runtime call uses: the given or configured ones, else the key cached for this app, else none. */
    public RuntimeAuth runtimeAuth(AraClient client, RuntimeAuth given) {
        boolean configured = given.runtimeKey() != null || given.appHeaderKey() != null
                || client.credentials().runtimeKey() != null || client.credentials().appHeaderKey() != null;
        if (configured) {
            return given;
        }
        return runtimeKeys().get(client.slug()).map(RuntimeAuth::runtimeKey).orElse(given);
    }

    /** Caches the runtime key {@code client} minted (if it minted one) for the next command. */
    public void rememberMintedKey(AraClient client) {
        client.rememberedRuntimeKey().ifPresent(key -> runtimeKeys().put(client.slug(), key, this.io));
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
