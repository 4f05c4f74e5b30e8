package so.ara.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Configuration of the Ara app under the ara. prefix.
 *
 * @param mode            where the app is deployed: auto picks remote when an AraConnectionDetails bean or Ara
 *                        credentials resolve, else the embedded ara-local when the app is not packaged (development),
 *                        else fails startup listing the credential sources tried
 * @param projectName     the app's DNS-safe name and slug on Ara (lowercase letters, digits, hyphens); defaults to
 *                        spring.application.name
 * @param apiKey          control-plane API key; wins over ARA_API_KEY, ARA_ACCESS_TOKEN and
 *                        ~/.ara/credentials.json
 * @param apiBaseUrl      Ara API base URL; defaults to ARA_API_BASE_URL, the credentials file, then
 *                        https://api.ara.so
 * @param runtimeKey      runtime key for runs, events and logs (else ARA_RUNTIME_KEY, else the key minted by
 *                        deploy)
 * @param appHeaderKey    app-header key sent as X-Ara-App-Key instead of a runtime key (else
 *                        ARA_APP_HEADER_KEY)
 * @param debugHttpErrors include response bodies in client error messages (also ARA_SDK_DEBUG_HTTP_ERRORS)
 * @param interfaces      the manifest's interfaces block
 * @param runtime         the app's runtime profile
 * @param runtimes        named runtime profiles, referenced by @AraAgent(runtime = "<name>")
 * @param sandboxes       named sandboxes, referenced by @AraAgent(sandbox = "<name>")
 * @param deploy          deploy on startup
 * @param callback        how Ara's runtime reaches this app's Java tools and prompt methods
 * @param local           the embedded ara-local control plane used in local mode
 * @param client          the reactive AraClient and AraRuntimeClient
 * @param dotenv          .env files read into the Spring Environment
 * @param credentials     the CLI credentials file read into the Spring Environment
 */
@ConfigurationProperties("ara")
public record AraProperties(@DefaultValue("auto") Mode mode, String projectName, String apiKey, String apiBaseUrl,
        String runtimeKey, String appHeaderKey, @DefaultValue("false") boolean debugHttpErrors,
        @DefaultValue Interfaces interfaces, @DefaultValue Runtime runtime, Map<String, Runtime> runtimes,
        Map<String, Sandbox> sandboxes, @DefaultValue Deploy deploy, @DefaultValue Callback callback,
        @DefaultValue Local local, @DefaultValue Client client, @DefaultValue Dotenv dotenv,
        @DefaultValue Credentials credentials) {

    public AraProperties {
        runtimes = runtimes == null ? Map.of() : runtimes;
        sandboxes = sandboxes == null ? Map.of() : sandboxes;
    }

    public enum Mode {
        /**
         * Remote when connection details or Ara credentials resolve, else the embedded ara-local in development (not
         * a packaged jar), else startup fails.
         */
        AUTO,
        /** Deploy to the Ara control plane at ara.api-base-url. */
        REMOTE,
        /** Start ara-local in-process and deploy to it. */
        LOCAL,
        /** Build and expose the manifest only; never deploy. */
        MANIFEST_ONLY
    }

    /**
     * The manifest's interfaces block.
     *
     * @param inheritOwnerTools whether agents may use the owner's connector tools; omitted (Ara's default: false)
     *                          unless set
     */
    public record Interfaces(Boolean inheritOwnerTools) {
    }

    /**
     * A runtime profile (runtime(...) in the Python SDK).
     *
     * @param image          container image of the runtime
     * @param model          model the runtime uses
     * @param memoryMb       memory: a size such as 2GB, or a plain number of MiB
     * @param volumeSizeMb   volume size: a size such as 10GB, or a plain number of MiB
     * @param env            plain environment values (no ARA_/MODAL_ keys, no secrets)
     * @param files          files written into the runtime
     * @param startup        command run when the runtime starts
     * @param pythonPackages Python packages to install
     * @param nodePackages   Node packages to install
     * @param secrets        secrets the runtime needs; an empty list removes every secret of the app on deploy
     */
    public record Runtime(String image, String model, @DataSizeUnit(DataUnit.MEGABYTES) DataSize memoryMb,
            @DataSizeUnit(DataUnit.MEGABYTES) DataSize volumeSizeMb, Map<String, String> env,
            List<File> files, Startup startup, List<String> pythonPackages, List<String> nodePackages,
            List<SecretSource> secrets) {
    }

    /**
     * A file in the runtime: give content or a local source file.
     *
     * @param path       path inside the runtime (defaults to the source's file name)
     * @param content    file content
     * @param source     local file to read the content from
     * @param executable whether the file is executable
     */
    public record File(String path, String content, String source, @DefaultValue("false") boolean executable) {
    }

    /**
     * The runtime's startup command.
     *
     * @param command command to run
     * @param shell   shell running it
     * @param args    arguments
     */
    public record Startup(String command, @DefaultValue("bash") String shell, List<String> args) {
    }

    /**
     * One secret, in one of four forms: name alone (a secret that already exists in Ara, with optional
     * required-keys), values (uploaded as sdk-dict-<hash>), dotenv (a file uploaded as
     * sdk-dotenv-<hash>) or from-env (these keys' values taken from this process's environment).
     *
     * @param name         name of an existing Ara secret
     * @param requiredKeys keys the named secret must contain
     * @param values       key/value pairs to upload
     * @param dotenv       path of a .env file to upload
     * @param fromEnv      environment variable names whose local values are uploaded
     */
    public record SecretSource(String name, List<String> requiredKeys, Map<String, String> values, String dotenv,
            List<String> fromEnv) {
    }

    /**
     * A sandbox (sandbox(...) in the Python SDK); limits are checked at startup.
     *
     * @param policy                      shared, dedicated, ephemeral or inherited
     * @param key                         sandbox key
     * @param maxConcurrency              concurrent sessions (default 8)
     * @param idleTtlMinutes              idle time before the sandbox stops: a duration such as 2h, or plain minutes
     * @param allowSpawn                  whether child sessions may be spawned
     * @param spawnTo                     agents children may be spawned for
     * @param maxSpawnDepth               spawn depth (default 1, at most 5)
     * @param maxChildrenPerParent        children per parent (default 6, at most 24)
     * @param maxTotalChildSessionsPerRun child sessions per run (default 24, at most 80)
     * @param ephemeralTtlMinutes         lifetime of ephemeral children (default 10m, at most 4h): a duration, or
     *                                    plain minutes
     * @param childPolicy                 policy of child sessions
     * @param childRuntime                name of a runtime profile (under ara.runtimes) for children
     */
    public record Sandbox(@DefaultValue("shared") String policy, String key, Integer maxConcurrency,
            @DurationUnit(ChronoUnit.MINUTES) Duration idleTtlMinutes, Boolean allowSpawn, List<String> spawnTo, Integer maxSpawnDepth,
            Integer maxChildrenPerParent, Integer maxTotalChildSessionsPerRun,
            @DurationUnit(ChronoUnit.MINUTES) Duration ephemeralTtlMinutes,
            String childPolicy, String childRuntime) {
    }

    /**
     * Deploy on startup.
     *
     * @param onStartup     deploy once the application is ready
     * @param activate      activate the app after create/update
     * @param keyName       name of the runtime key deploy mints (default <slug>-py-local)
     * @param keyRpm        requests per minute of that key (the server allows 1-2000); every anonymous endpoint call
     *                      and every runtime call of the app runs on it, so the default is the largest
     * @param warm          start a warm-up run after deploy
     * @param warmAgent     agent of the warm-up run (default agent when empty)
     * @param onExisting    what to do when the app exists: update or error
     * @param failure       on failure: fail stops startup, continue logs once and retries
     * @param retryBackoff  first retry delay in continue mode (doubles up to retry-max-backoff)
     * @param retryMaxBackoff longest retry delay in continue mode
     */
    public record Deploy(@DefaultValue("true") boolean onStartup, @DefaultValue("true") boolean activate,
            String keyName, @DefaultValue("2000") int keyRpm, @DefaultValue("false") boolean warm, String warmAgent,
            @DefaultValue("update") String onExisting, @DefaultValue("fail") FailurePolicy failure,
            @DefaultValue("5s") Duration retryBackoff, @DefaultValue("5m") Duration retryMaxBackoff) {
    }

    public enum FailurePolicy {
        /** A failed deploy stops the application's startup. */
        FAIL,
        /** A failed deploy is logged once and retried in the background with back-off. */
        CONTINUE
    }

    /**
     * Java tools and prompt methods called back from Ara's runtime.
     *
     * @param baseUrl public base URL of this app as Ara's runtime reaches it (for example
     *                https://desk.example.com); without it Java tools only run on ara-local
     * @param secret  key signing the callbacks; generated per start when empty (deploy syncs it to Ara)
     */
    public record Callback(String baseUrl, String secret) {
    }

    /**
     * The embedded ara-local used in local mode.
     *
     * @param port      port on 127.0.0.1 (0 picks a free port)
     * @param apiKey    control-plane key it accepts (minted when empty)
     * @param dataDir   directory of ara-local's durable store (apps, keys, encrypted secrets, runs, events, log
     *                  rows survive restarts); memory only when empty
     * @param python    the Python interpreter that runs the deployed tools and prompt factories (python3 on PATH
     *                  when empty)
     * @param model     the model ara-local runs; a built-in deterministic model unless a base URL is set
     */
    public record Local(@DefaultValue("0") int port, String apiKey, String dataDir, String python,
            @DefaultValue Model model) {
    }

    /**
     * An OpenAI-compatible chat-completions endpoint driving ara-local's runs with a real tool-calling loop.
     *
     * @param baseUrl base URL of the chat-completions API (for example https://api.openai.com/v1); empty keeps the
     *                built-in deterministic model
     * @param name    model name
     * @param apiKey  API key of that endpoint
     */
    public record Model(String baseUrl, String name, String apiKey) {
    }

    /**
     * Transport settings of the reactive clients.
     *
     * @param timeout            timeout of a single (non-streaming) call
     * @param runTimeout         timeout of a synchronous run (POST /v1/apps/{id}/run)
     * @param connectTimeout     TCP connect timeout
     * @param maxRetries         retries of idempotent calls (GET, PUT, DELETE) after connection errors or 502/503/504
     * @param retryBackoff       delay between those retries
     * @param streamIdleTimeout  a log stream silent for this long (not even a heartbeat) is reconnected
     * @param chatTimeout        overall limit of one /chat stream
     * @param maxInMemorySize    largest response body the client buffers (JSON answers, run outputs)
     * @param reconnect          how log streams reconnect
     */
    public record Client(@DefaultValue("30s") Duration timeout, @DefaultValue("120s") Duration runTimeout,
            @DefaultValue("10s") Duration connectTimeout, @DefaultValue("2") int maxRetries,
            @DefaultValue("5s") Duration retryBackoff, @DefaultValue("60s") Duration streamIdleTimeout,
            @DefaultValue("120s") Duration chatTimeout, @DefaultValue("16MB") DataSize maxInMemorySize,
            @DefaultValue Reconnect reconnect) {
    }

    /**
     * Log stream reconnects (with Last-Event-ID, no duplicates).
     *
     * @param enabled        whether a dropped log stream is reopened
     * @param initialBackoff first delay when the server sent no retry: field (doubles on each failure)
     * @param maxBackoff     longest delay
     * @param maxAttempts    consecutive failed reconnects before the stream errors (empty = forever)
     */
    public record Reconnect(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff, Long maxAttempts) {
    }

    /**
     * .env files read into the Spring Environment as property sources named ara-dotenv [file], below every other
     * source (the process environment and application.yml win; .env wins over .env.local).
     *
     * @param enabled   whether to read them
     * @param directory directory holding them (default: the working directory)
     * @param files     file names, in precedence order
     */
    public record Dotenv(@DefaultValue("true") boolean enabled, String directory,
            @DefaultValue({ ".env", ".env.local" }) List<String> files) {
    }

    /**
     * The CLI credentials file (written by `ara auth login`), read into the Spring Environment as the property source
     * ara-credentials [file] with ara.login.* properties, the last of all sources.
     *
     * @param enabled whether to read it
     * @param file    its location (default ~/.ara/credentials.json)
     */
    public record Credentials(@DefaultValue("true") boolean enabled, String file) {
    }
}
