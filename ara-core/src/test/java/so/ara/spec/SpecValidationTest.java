package so.ara.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import so.ara.json.AraJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The validation rules of the helpers beyond the reference vectors, with the reference's messages. */
class SpecValidationTest {

    @Test
    void cronSyntaxIsPosixFiveFields() {
        for (String valid : List.of("0 9 * * 1-5", "*/15 * * * *", "0 0 1,15 * *", "30 18 * JAN-MAR MON-FRI",
                "0 0 * * 7", "5-10/2 * * * *")) {
            CronSyntax.validate(valid);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> CronSyntax.validate("0 0 9 * * ?"))
                .withMessage("cron '0 0 9 * * ?' must have 5 fields (minute hour day-of-month month day-of-week),"
                        + " found 6");
        assertThatIllegalArgumentException().isThrownBy(() -> CronSyntax.validate("0 9 L * *"))
                .withMessage("cron '0 9 L * *' has an invalid day-of-month field: L");
        assertThatIllegalArgumentException().isThrownBy(() -> CronSyntax.validate("60 9 * * *"))
                .withMessage("cron '60 9 * * *' has an invalid minute field: 60");
        assertThatIllegalArgumentException().isThrownBy(() -> CronSyntax.validate("0 9 * * MON#2"))
                .withMessage("cron '0 9 * * MON#2' has an invalid day-of-week field: MON#2");
        assertThatIllegalArgumentException().isThrownBy(() -> CronSyntax.validate("*/0 * * * *"))
                .withMessage("cron '*/0 * * * *' has an invalid minute field: */0");
    }

    @Test
    void atTokensFollowTheReference() {
        ScheduleRun run = Invoke.agent("ops");
        List<ScheduleSpec> specs = new ScheduleDeclaration("ops_scheduler_agent", "",
                List.of("09:00", "2026-04-11T16:45:00.5+02:00", "2026-05-01"), "America/New_York", run).expand();
        assertThat(specs).extracting(ScheduleSpec::id).containsExactly("ops-scheduler-agent--09-00",
                "ops-scheduler-agent--2026-04-11t16-45-00-5-02-00", "ops-scheduler-agent--2026-05-01");
        assertThat(specs.get(0).timezone()).isEqualTo("America/New_York");
        assertThat(specs.get(1).cron()).isEqualTo("45 14 11 4 *");
        assertThat(specs.get(1).timezone()).isEqualTo("UTC");
        assertThat(specs.get(1).oneShotAt()).isEqualTo("2026-04-11T14:45:00.500000Z");
        assertThat(specs.get(2).oneShotAt()).isEqualTo("2026-05-01T00:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleDeclaration("x", "", List.of("tomorrow"), "UTC", run).expand())
                .withMessage("app.schedule(at=...) entries must be HH:MM, 5-field cron, or ISO8601 timestamp");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleDeclaration("x", "", List.of(" "), "UTC", run).expand())
                .withMessage("app.schedule(at=...) entries cannot be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleDeclaration("x", "", List.of(), "UTC", run).expand())
                .withMessage("app.schedule(...) requires at least one of cron= or at=");
    }

    @Test
    void secretsFromDotenvAreNamedByTheirKeys(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# providers\nOPENAI_API_KEY='sk-one'\n\nANTHROPIC_API_KEY = \"sk-two\"\nnot a pair\n");
        Secret secret = Secret.fromDotenv(env);
        assertThat(secret.name()).isEqualTo("sdk-dotenv-04bd974c7e00");
        assertThat(secret.values()).containsEntry("OPENAI_API_KEY", "sk-one").containsEntry("ANTHROPIC_API_KEY", "sk-two");
        assertThat(secret.toString()).doesNotContain("sk-one");
        Files.writeString(env, "OPENAI_API_KEY=changed\nANTHROPIC_API_KEY=changed\n");
        assertThat(Secret.fromDotenv(env).name()).isEqualTo("sdk-dotenv-04bd974c7e00");
        Files.writeString(env, "ARA_API_KEY=x\n");
        assertThatIllegalArgumentException().isThrownBy(() -> Secret.fromDotenv(env))
                .withMessage("Reserved environment key is not allowed: ARA_API_KEY");
        Files.writeString(env, "# nothing\n");
        assertThatIllegalArgumentException().isThrownBy(() -> Secret.fromDotenv(env))
                .withMessage("Secret dotenv file has no key=value entries: " + env);
        assertThatIllegalArgumentException().isThrownBy(() -> Secret.fromDotenv(dir.resolve("missing.env")))
                .withMessage("Secret dotenv file not found: " + dir.resolve("missing.env"));
    }

    @Test
    void secretsFromTheLocalEnvironmentNeedEveryKey() {
        Map<String, String> env = Map.of("HELPDESK_TOKEN", " t0k ");
        Secret secret = Secret.fromLocalEnvironment(List.of("HELPDESK_TOKEN"), env::get);
        assertThat(secret.name()).isEqualTo("sdk-dict-fdd1f52b6e64");
        assertThat(secret.values()).isEqualTo(Map.of("HELPDESK_TOKEN", "t0k"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Secret.fromLocalEnvironment(List.of("HELPDESK_TOKEN", "CRM_TOKEN", "X"), env::get))
                .withMessage("Missing required environment variables for deploy-time secret sync: CRM_TOKEN, X");
    }

    @Test
    void duplicateSecretNamesFollowTheReference() {
        Secret shared = Secret.fromName("provider-shared", List.of("OPENAI_API_KEY"));
        RuntimeProfile profile = RuntimeProfile.builder()
                .secrets(List.of(shared, Secret.named("provider-shared", Map.of("OPENAI_API_KEY", "sk")),
                        Secret.fromDict(Map.of("FOO", "bar")), Secret.fromDict(Map.of("FOO", "baz")),
                        Secret.fromDict(Map.of("FOO", "bar"))))
                .build();
        assertThat(AraJson.mapper().writeValueAsString(profile)).isEqualTo("{\"secret_refs\":[{\"name\":"
                + "\"provider-shared\",\"required_keys\":[\"OPENAI_API_KEY\"]},{\"name\":\"sdk-dict-9a3ac903ed09\"},"
                + "{\"name\":\"sdk-dict-9a3ac903ed09-2\"}]}");
        assertThat(profile.secrets().get(0).hasValues()).isFalse();
        assertThat(profile.secrets().get(2).values()).containsEntry("FOO", "baz");
    }

    @Test
    void runtimeEnvValuesAreStringifiedAndEmptyEnvIsKept() {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        env.put("APP_MODE", "production");
        env.put("MAX_RETRIES", 3);
        env.put("EMPTY", null);
        assertThat(AraJson.mapper().writeValueAsString(RuntimeProfile.builder().env(env).build()))
                .isEqualTo("{\"env\":{\"APP_MODE\":\"production\",\"MAX_RETRIES\":\"3\",\"EMPTY\":\"\"}}");
        assertThat(AraJson.mapper().writeValueAsString(RuntimeProfile.builder().env(Map.of()).build()))
                .isEqualTo("{\"env\":{}}");
        assertThatIllegalArgumentException().isThrownBy(() -> RuntimeProfile.builder().env(Map.of("MODAL_X", "1")).build())
                .withMessage("Reserved environment key is not allowed: MODAL_X");
    }

    @Test
    void sandboxLimitsAreHard() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sandbox.builder().allowSpawn(true).maxTotalChildSessionsPerRun(81).build())
                .withMessage("sandbox(max_total_child_sessions_per_run=...) exceeds hard limit 80");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sandbox.builder().allowSpawn(true).ephemeralTtlMinutes(241).build())
                .withMessage("sandbox(ephemeral_ttl_minutes=...) exceeds hard limit 240");
        assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.builder().childPolicy("forever").build())
                .withMessage("sandbox(child_policy=...) must be one of: dedicated, ephemeral, inherited, shared");
        Sandbox depthZero = Sandbox.builder().spawnTo(List.of("a", "a", " ")).maxSpawnDepth(0)
                .childRuntime(RuntimeProfile.builder().memoryMb(1024).addSecret(Secret.fromDict(Map.of("K", "v")))
                        .build())
                .build();
        assertThat(AraJson.mapper().writeValueAsString(depthZero.spawn())).isEqualTo("{\"allow\":true,\"to\":[\"a\"],"
                + "\"max_depth\":0,\"max_children_per_parent\":6,\"max_total_child_sessions_per_run\":24,"
                + "\"ephemeral_ttl_minutes\":10,\"child_runtime\":{\"memory_mb\":1024,\"secret_refs\":[{\"name\":"
                + "\"sdk-dict-" + Secret.keyHash(List.of("K")) + "\"}]}}");
    }

    @Test
    void schedulerArgsLeaveOutOneShotAndEmptyArgs() {
        ScheduleSpec spec = new ScheduleDeclaration("Launch", "", List.of("2026-12-01T10:15:00Z"), "UTC",
                Invoke.tool("announce")).expand().get(0);
        assertThat(AraJson.mapper().writeValueAsString(Scheduler.create(spec, " "))).isEqualTo("{\"tool\":"
                + "\"automation_create\",\"args\":{\"name\":\"launch\",\"schedule_kind\":\"cron\",\"schedule_expr\":"
                + "\"15 10 1 12 *\",\"timezone\":\"UTC\",\"execution_kind\":\"app_tool_call\",\"tool_name\":"
                + "\"announce\"}}");
    }

    @Test
    void envKeysAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvKeys.validate(" "))
                .withMessage("Environment key cannot be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> EnvKeys.validate("APP-MODE"))
                .withMessage("Invalid environment key: APP-MODE");
        assertThat(EnvKeys.validate(" ara_lower_is_fine ")).isEqualTo("ara_lower_is_fine");
    }
}
