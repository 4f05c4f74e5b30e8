package so.ara.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import so.ara.autoconfigure.env.AraCredentialsFileEnvironmentPostProcessor;
import so.ara.autoconfigure.env.AraDotenvEnvironmentPostProcessor;
import so.ara.credentials.AraCredentials;
import so.ara.credentials.CredentialSource;

/**
 * {@link AraConnectionDetails} from the Spring {@code Environment}, in the Python SDK's order. Key:
 * {@code ara.api-key}, then {@code ARA_API_KEY}, {@code ARA_ACCESS_TOKEN} (process environment or a {@code .env}
 * file), then the CLI login ({@code ara.login.*}, from the credentials file). Base URL: {@code ara.api-base-url},
 * {@code ARA_API_BASE_URL}, the login's {@code api_base_url}, else {@code https://api.ara.so}. {@link #apiKey()} is null
 * when nothing resolves; {@link #sourcesTried()} then says what was looked at.
 */
public class PropertiesAraConnectionDetails implements AraConnectionDetails {

    private final CredentialSource source;
    private final @Nullable String apiKey;
    private final String baseUrl;
    private final @Nullable String runtimeKey;
    private final @Nullable String appHeaderKey;
    private final @Nullable Path loginFile;
    private final List<String> sourcesTried;

    public PropertiesAraConnectionDetails(Environment environment) {
        String explicit = value(environment, "ara.api-key");
        String envKey = value(environment, "ARA_API_KEY");
        String envToken = value(environment, "ARA_ACCESS_TOKEN");
        String loginType = value(environment, "ara.login.auth-type");
        String loginKey = value(environment, "ara.login.api-key");
        String loginToken = value(environment, "ara.login.access-token");
        String loginPath = value(environment, "ara.login.file");
        if (explicit != null) {
            this.source = CredentialSource.EXPLICIT;
            this.apiKey = explicit;
        }
        else if (envKey != null) {
            this.source = CredentialSource.ENV_API_KEY;
            this.apiKey = envKey;
        }
        else if (envToken != null) {
            this.source = CredentialSource.ENV_ACCESS_TOKEN;
            this.apiKey = envToken;
        }
        else if ("supabase_jwt".equals(loginType) && loginPath != null) {
            this.source = CredentialSource.SUPABASE_JWT;
            this.apiKey = loginToken;
        }
        else if (loginKey != null) {
            this.source = "cli_api_key".equals(loginType) ? CredentialSource.CLI_API_KEY
                    : CredentialSource.LEGACY_API_KEY;
            this.apiKey = loginKey;
        }
        else {
            this.source = CredentialSource.NONE;
            this.apiKey = null;
        }
        this.loginFile = this.source == CredentialSource.SUPABASE_JWT ? Path.of(loginPath) : null;
        String base = firstOf(value(environment, "ara.api-base-url"), value(environment, "ARA_API_BASE_URL"),
                value(environment, "ara.login.api-base-url"));
        this.baseUrl = stripSlashes(base != null ? base : AraCredentials.DEFAULT_API_BASE_URL);
        this.runtimeKey = firstOf(value(environment, "ara.runtime-key"), value(environment, "ARA_RUNTIME_KEY"));
        this.appHeaderKey = firstOf(value(environment, "ara.app-header-key"),
                value(environment, "ARA_APP_HEADER_KEY"));
        this.sourcesTried = describeSources(environment, loginPath);
    }

    @Override
    public String baseUrl() {
        return this.baseUrl;
    }

    /** The control-plane key, or null when no source has one. */
    @Override
    public @Nullable String apiKey() {
        return this.apiKey;
    }

    @Override
    public @Nullable String runtimeKey() {
        return this.runtimeKey;
    }

    @Override
    public @Nullable String appHeaderKey() {
        return this.appHeaderKey;
    }

    public boolean hasCredentials() {
        return this.source != CredentialSource.NONE;
    }

    /** Where the key came from. */
    public CredentialSource source() {
        return this.source;
    }

    /** The credentials file of a refreshable {@code ara auth login} session, or null. */
    public @Nullable Path loginFile() {
        return this.loginFile;
    }

    /** Human-readable list of the places a key was looked for (no values). */
    public List<String> sourcesTried() {
        return this.sourcesTried;
    }

    private static List<String> describeSources(Environment environment, @Nullable String loginPath) {
        List<String> tried = new ArrayList<>();
        tried.add("property ara.api-key (application.yml, system properties, ARA_API_KEY)");
        tried.add("environment variables ARA_API_KEY and ARA_ACCESS_TOKEN");
        List<String> dotenv = sourceNames(environment, AraDotenvEnvironmentPostProcessor.SOURCE_PREFIX);
        if (!environment.getProperty("ara.dotenv.enabled", Boolean.class, true)) {
            tried.add(".env files: disabled (ara.dotenv.enabled=false)");
        }
        else {
            tried.add(".env files: " + (dotenv.isEmpty() ? "none found (.env, .env.local of the working directory)"
                    : String.join(", ", dotenv)));
        }
        if (!environment.getProperty("ara.credentials.enabled", Boolean.class, true)) {
            tried.add("credentials file: disabled (ara.credentials.enabled=false)");
        }
        else if (loginPath != null) {
            tried.add("credentials file " + loginPath + ": no usable login");
        }
        else {
            tried.add("credentials file " + AraCredentialsFileEnvironmentPostProcessor.location(environment)
                    + " (written by `ara auth login`): not found");
        }
        return List.copyOf(tried);
    }

    private static List<String> sourceNames(Environment environment, String prefix) {
        List<String> names = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source.getName().startsWith(prefix)) {
                    names.add(source.getName());
                }
            }
        }
        return names;
    }

    private static @Nullable String value(Environment environment, String key) {
        String value = environment.getProperty(key);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static @Nullable String firstOf(@Nullable String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String stripSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    @Override
    public String toString() {
        return "PropertiesAraConnectionDetails[source=" + this.source + ", baseUrl=" + this.baseUrl + "]";
    }
}
