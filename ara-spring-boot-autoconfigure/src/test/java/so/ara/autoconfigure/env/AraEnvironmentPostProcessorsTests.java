package so.ara.autoconfigure.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import so.ara.autoconfigure.PropertiesAraConnectionDetails;
import so.ara.credentials.CredentialSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The .env files, the credentials file and the launch facts as property sources; temp dirs only. */
class AraEnvironmentPostProcessorsTests {

    @TempDir
    Path dir;

    private StandardEnvironment environment(String... pairs) {
        StandardEnvironment environment = new StandardEnvironment();
        // "process" stands in for the process environment and system properties: the real ones are left out
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ara.dotenv.directory", this.dir.toString());
        values.put("ara.credentials.file", this.dir.resolve("home/.ara/credentials.json").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("process", values));
        return environment;
    }

    private StandardEnvironment process(StandardEnvironment environment) {
        SpringApplication application = new SpringApplication();
        new AraDotenvEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        new AraCredentialsFileEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        new AraLaunchEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        return environment;
    }

    private void write(String name, String content) throws IOException {
        Path file = this.dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> names(StandardEnvironment environment) {
        return environment.getPropertySources().stream().map(PropertySource::getName).toList();
    }

    @Test
    void dotenvFilesBecomeNamedSourcesBelowEverythingElse() throws IOException {
        write(".env", "ARA_API_KEY=from-dotenv\nDESK_TOKEN='quoted'\nSHARED=env\n");
        write(".env.local", "SHARED=local\nONLY_LOCAL=yes\n");
        StandardEnvironment environment = process(environment("DESK_TOKEN", "from-process"));
        String dotenv = "ara-dotenv [" + this.dir.resolve(".env") + "]";
        String dotenvLocal = "ara-dotenv [" + this.dir.resolve(".env.local") + "]";
        List<String> names = names(environment);
        assertThat(names).contains(dotenv, dotenvLocal);
        assertThat(names.indexOf(dotenv)).isGreaterThan(names.indexOf("process"))
                .isLessThan(names.indexOf(dotenvLocal));
        assertThat(environment.getProperty("DESK_TOKEN")).isEqualTo("from-process");
        assertThat(environment.getProperty("SHARED")).isEqualTo("env");
        assertThat(environment.getProperty("ONLY_LOCAL")).isEqualTo("yes");
        assertThat(environment.getPropertySources().get(dotenv).getProperty("DESK_TOKEN")).isEqualTo("quoted");
    }

    @Test
    void aKeyInDotenvIsAnEnvironmentCredential() throws IOException {
        write(".env", "ARA_API_KEY=from-dotenv\n");
        PropertiesAraConnectionDetails details = new PropertiesAraConnectionDetails(process(environment()));
        assertThat(details.source()).isEqualTo(CredentialSource.ENV_API_KEY);
        assertThat(details.apiKey()).isEqualTo("from-dotenv");
        assertThat(new PropertiesAraConnectionDetails(process(environment("ara.api-key", "ak_explicit"))).source())
                .isEqualTo(CredentialSource.EXPLICIT);
    }

    @Test
    void dotenvCanBeTurnedOff() throws IOException {
        write(".env", "ARA_API_KEY=from-dotenv\n");
        StandardEnvironment environment = process(environment("ara.dotenv.enabled", "false"));
        assertThat(names(environment)).noneMatch(name -> name.startsWith("ara-dotenv"));
        assertThat(new PropertiesAraConnectionDetails(environment).sourcesTried())
                .contains(".env files: disabled (ara.dotenv.enabled=false)");
    }

    @Test
    void credentialsFileBecomesLoginProperties() throws IOException {
        write("home/.ara/credentials.json", """
                {"auth_type": "cli_api_key", "api_key": "ak_cli", "api_base_url": "https://login.example.test/",
                 "user": {"email": "dev@example.test"}}
                """);
        StandardEnvironment environment = process(environment());
        Path file = this.dir.resolve("home/.ara/credentials.json");
        String name = "ara-credentials [" + file + "]";
        assertThat(names(environment)).last().isEqualTo(AraLaunchEnvironmentPostProcessor.SOURCE_NAME);
        assertThat(names(environment)).contains(name);
        assertThat(environment.getProperty("ara.login.api-key")).isEqualTo("ak_cli");
        assertThat(environment.getProperty("ara.login.file")).isEqualTo(file.toString());
        PropertiesAraConnectionDetails details = new PropertiesAraConnectionDetails(environment);
        assertThat(details.source()).isEqualTo(CredentialSource.CLI_API_KEY);
        assertThat(details.apiKey()).isEqualTo("ak_cli");
        assertThat(details.baseUrl()).isEqualTo("https://login.example.test");
        assertThat(details.loginFile()).isNull();
    }

    @Test
    void environmentKeyWinsOverTheLogin() throws IOException {
        write("home/.ara/credentials.json", "{\"auth_type\": \"cli_api_key\", \"api_key\": \"ak_cli\"}");
        PropertiesAraConnectionDetails details = new PropertiesAraConnectionDetails(
                process(environment("ARA_ACCESS_TOKEN", "tok_env")));
        assertThat(details.source()).isEqualTo(CredentialSource.ENV_ACCESS_TOKEN);
        assertThat(details.apiKey()).isEqualTo("tok_env");
    }

    @Test
    void supabaseLoginKeepsItsFileForRefresh() throws IOException {
        write("home/.ara/credentials.json", """
                {"auth_type": "supabase_jwt", "access_token": "jwt", "refresh_token": "r",
                 "supabase_url": "https://sb.example.test", "supabase_anon_key": "anon", "expires_at": 4102444800}
                """);
        PropertiesAraConnectionDetails details = new PropertiesAraConnectionDetails(process(environment()));
        assertThat(details.source()).isEqualTo(CredentialSource.SUPABASE_JWT);
        assertThat(details.loginFile()).isEqualTo(this.dir.resolve("home/.ara/credentials.json"));
    }

    @Test
    void credentialsFileCanBeTurnedOff() throws IOException {
        write("home/.ara/credentials.json", "{\"auth_type\": \"cli_api_key\", \"api_key\": \"ak_cli\"}");
        StandardEnvironment environment = process(environment("ara.credentials.enabled", "false"));
        assertThat(names(environment)).noneMatch(name -> name.startsWith("ara-credentials"));
        assertThat(new PropertiesAraConnectionDetails(environment).hasCredentials()).isFalse();
    }

    @Test
    void nothingFoundListsEverySourceTried() {
        PropertiesAraConnectionDetails details = new PropertiesAraConnectionDetails(process(environment()));
        assertThat(details.hasCredentials()).isFalse();
        assertThat(details.apiKey()).isNull();
        assertThat(details.baseUrl()).isEqualTo("https://api.ara.so");
        assertThat(details.sourcesTried()).hasSize(4).anyMatch(line -> line.contains(
                this.dir.resolve("home/.ara/credentials.json") + " (written by `ara auth login`): not found"));
    }

    @Test
    void launchFromClassDirectoriesIsDevelopment() {
        SpringApplication application = new SpringApplication();
        application.setMainApplicationClass(AraEnvironmentPostProcessorsTests.class);
        StandardEnvironment environment = environment();
        new AraLaunchEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        assertThat(environment.getProperty("ara.launch.packaged")).isEqualTo("false");
        assertThat(PackagedLaunch.from(environment).packaged()).isFalse();
    }

    @Test
    void launchFromAJarIsPackaged() {
        // a class of a library jar stands in for a main class packaged in the app's jar
        PackagedLaunch launch = PackagedLaunch.of(org.springframework.boot.SpringApplication.class);
        assertThat(launch.packaged()).isTrue();
        assertThat(launch.archive()).endsWith(".jar");
        assertThat(PackagedLaunch.isArchive("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/")).isTrue();
        assertThat(PackagedLaunch.isArchive("file:/work/app/target/classes/")).isFalse();
        assertThat(PackagedLaunch.of(null).packaged()).isFalse();
    }

    @Test
    void actuatorEnvShowsTheSourcesWithSecretsSanitized() throws IOException {
        write(".env", "ARA_API_KEY=ak_from_dotenv\nDESK_REGION=eu-west\n");
        write("home/.ara/credentials.json", "{\"auth_type\": \"supabase_jwt\", \"access_token\": \"jwt_secret\","
                + " \"refresh_token\": \"refresh_secret\", \"supabase_anon_key\": \"anon_secret\","
                + " \"api_base_url\": \"https://api.example.test\"}");
        StandardEnvironment environment = process(environment("ara.callback.secret", "callback_secret"));
        EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment, List.of(new AraSanitizingFunction()),
                Show.ALWAYS);
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        for (EnvironmentEndpoint.PropertySourceDescriptor source : endpoint.environment(null).getPropertySources()) {
            Map<String, Object> values = new LinkedHashMap<>();
            source.getProperties().forEach((key, value) -> values.put(key, value.getValue()));
            sources.put(source.getName(), values);
        }
        Map<String, Object> dotenv = sources.get("ara-dotenv [" + this.dir.resolve(".env") + "]");
        assertThat(dotenv).containsEntry("ARA_API_KEY", "******").containsEntry("DESK_REGION", "eu-west");
        Map<String, Object> login = sources
                .get("ara-credentials [" + this.dir.resolve("home/.ara/credentials.json") + "]");
        assertThat(login).containsEntry("ara.login.access-token", "******")
                .containsEntry("ara.login.refresh-token", "******")
                .containsEntry("ara.login.supabase-anon-key", "******")
                .containsEntry("ara.login.auth-type", "supabase_jwt")
                .containsEntry("ara.login.api-base-url", "https://api.example.test");
        assertThat(sources.get("process")).containsEntry("ara.callback.secret", "******");
        assertThat(sources.toString()).doesNotContain("ak_from_dotenv", "jwt_secret", "refresh_secret",
                "anon_secret", "callback_secret");
    }
}
