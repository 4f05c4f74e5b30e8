package so.ara.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import so.ara.json.AraJson;
import so.ara.spec.HelperVectorsTest.Call;
import tools.jackson.databind.JsonNode;

/** Maps each Python helper name in the vectors to the Java call a user would write for it. */
final class HelperCalls {

    private HelperCalls() {
    }

    static Function<Call, Object> forName(String helper) {
        return switch (helper) {
            case "sandbox" -> HelperCalls::sandbox;
            case "runtime" -> HelperCalls::runtime;
            case "entrypoint" -> c -> Entrypoint.of(c.arg(0), "bash", c.strings("args"));
            case "file" -> c -> RuntimeFile.of(c.arg(0), c.arg(1));
            case "git_artifact" -> c -> Artifact.git(c.arg(0), c.has("ref") ? c.text("ref") : "main", c.text("subdir"));
            case "tarball_artifact" -> c -> Artifact.tarball(c.arg(0), c.text("strip_prefix"));
            case "command_adapter" -> c -> adapter(CommandAdapter.command(c.arg(0)), c);
            case "langgraph_adapter" -> c -> adapter(CommandAdapter.langgraph(), c);
            case "langchain_adapter" -> c -> adapter(CommandAdapter.langchain(), c);
            case "agno_adapter" -> c -> adapter(CommandAdapter.agno(), c);
            case "event_envelope" -> c -> EventEnvelope.of(c.arg(0), orDefault(c.text("source"), "api"),
                    orDefault(c.text("channel"), "api"), orDefault(c.text("message"), ""), c.map("payload"),
                    c.map("metadata"));
            case "invoke.agent" -> c -> Invoke.agent(c.arg(0), c.map("input"));
            case "invoke.tool" -> c -> Invoke.tool(c.arg(0), c.map("args"));
            case "schedule.cron" -> c -> Schedule.cron(c.text("expr"), c.value("run", ScheduleRun.class), c.text("id"),
                    orDefault(c.text("timezone"), "UTC"));
            case "schedule.every" -> c -> Schedule.every(c.integer("seconds"), c.value("run", ScheduleRun.class),
                    c.text("id"));
            case "scheduler.create" -> c -> Scheduler.create(spec(c), c.text("app_id"));
            case "scheduler.upsert" -> c -> Scheduler.upsert(spec(c), c.text("app_id"));
            case "secret.from_name" -> c -> Secret.fromName(c.arg(0), c.strings("required_keys")).ref();
            case "secret.from_dict" -> c -> {
                Secret secret = Secret.fromDict(AraJson.mapper().convertValue(c.args().get(0), Map.class));
                return Map.of("name", secret.name(), "ref", secret.ref());
            };
            case "slugify" -> c -> Slugify.slugify(c.arg(0));
            default -> throw new IllegalArgumentException("no Java form mapped for helper " + helper);
        };
    }

    private static Object sandbox(Call c) {
        return Sandbox.builder().policy(orDefault(c.text("policy"), "shared")).key(c.text("key"))
                .maxConcurrency(c.integer("max_concurrency")).idleTtlMinutes(c.integer("idle_ttl_minutes"))
                .allowSpawn(c.bool("allow_spawn")).spawnTo(c.strings("spawn_to"))
                .maxSpawnDepth(c.integer("max_spawn_depth")).maxChildrenPerParent(c.integer("max_children_per_parent"))
                .maxTotalChildSessionsPerRun(c.integer("max_total_child_sessions_per_run"))
                .ephemeralTtlMinutes(c.integer("ephemeral_ttl_minutes")).childPolicy(c.text("child_policy")).build();
    }

    private static Object runtime(Call c) {
        RuntimeProfile.Builder builder = RuntimeProfile.builder().image(c.text("image"))
                .memoryMb(c.integer("memory_mb")).volumeSizeMb(c.integer("volume_size_mb"))
                .pythonPackages(c.strings("python_packages")).nodePackages(c.strings("node_packages"))
                .env(c.map("env"));
        if (c.has("files")) {
            List<RuntimeFile> files = new ArrayList<>();
            c.kwargs().get("files").forEach(f -> files.add(RuntimeFile.of(f.get("path").asString(),
                    f.get("content").asString(), f.get("executable").asBoolean())));
            builder.files(files);
        }
        if (c.has("startup")) {
            JsonNode startup = c.kwargs().get("startup");
            builder.startup(Entrypoint.of(startup.get("entrypoint").asString(), startup.get("shell").asString(),
                    List.of()));
        }
        if (c.has("secrets")) {
            List<Secret> secrets = new ArrayList<>();
            c.kwargs().get("secrets").forEach(s -> secrets.add(s.isString() ? Secret.fromName(s.asString())
                    : Secret.fromName(s.get("name").asString(),
                            AraJson.mapper().convertValue(s.get("required_keys"), List.class))));
            builder.secrets(secrets);
        }
        return builder.build();
    }

    private static Object adapter(CommandAdapter.Builder builder, Call c) {
        if (c.has("framework")) {
            builder.framework(c.text("framework"));
        }
        if (c.has("transport")) {
            builder.transport(c.text("transport"));
        }
        if (c.has("args")) {
            builder.args(c.strings("args"));
        }
        if (c.has("artifact")) {
            JsonNode a = c.kwargs().get("artifact");
            builder.artifact(Artifact.git(a.get("repo_url").asString(), a.get("ref").asString(),
                    a.get("subdir").asString()));
        }
        return builder.env(c.map("env")).build();
    }

    private static ScheduleSpec spec(Call c) {
        return AraJson.mapper().convertValue(c.args().get(0), ScheduleSpec.class);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
