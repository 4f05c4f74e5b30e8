package so.ara.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import so.ara.spec.Entrypoint;
import so.ara.spec.RuntimeFile;
import so.ara.spec.RuntimeProfile;
import so.ara.spec.Sandbox;
import so.ara.spec.Secret;

/** Turns {@code ara.runtime}, {@code ara.runtimes.*} and {@code ara.sandboxes.*} properties into spec objects. */
final class RuntimeProfiles {

    private final Environment environment;

    RuntimeProfiles(Environment environment) {
        this.environment = environment;
    }

    RuntimeProfile runtime(AraProperties.Runtime properties) {
        RuntimeProfile.Builder builder = RuntimeProfile.builder().image(properties.image()).model(properties.model())
                .memoryMb(mebibytes(properties.memoryMb())).volumeSizeMb(mebibytes(properties.volumeSizeMb()))
                .pythonPackages(properties.pythonPackages()).nodePackages(properties.nodePackages())
                .env(properties.env());
        if (properties.files() != null) {
            builder.files(properties.files().stream().map(RuntimeProfiles::file).toList());
        }
        if (properties.startup() != null && properties.startup().command() != null) {
            AraProperties.Startup startup = properties.startup();
            builder.startup(Entrypoint.of(startup.command(), startup.shell(), startup.args()));
        }
        if (properties.secrets() != null) {
            List<Secret> secrets = new ArrayList<>();
            for (AraProperties.SecretSource source : properties.secrets()) {
                secrets.add(secret(source));
            }
            builder.secrets(secrets);
        }
        return builder.build();
    }

    Sandbox sandbox(AraProperties.Sandbox properties, java.util.function.Function<String, RuntimeProfile> runtimes) {
        return Sandbox.builder().policy(properties.policy()).key(properties.key())
                .maxConcurrency(properties.maxConcurrency()).idleTtlMinutes(minutes(properties.idleTtlMinutes()))
                .allowSpawn(properties.allowSpawn()).spawnTo(properties.spawnTo())
                .maxSpawnDepth(properties.maxSpawnDepth()).maxChildrenPerParent(properties.maxChildrenPerParent())
                .maxTotalChildSessionsPerRun(properties.maxTotalChildSessionsPerRun())
                .ephemeralTtlMinutes(minutes(properties.ephemeralTtlMinutes())).childPolicy(properties.childPolicy())
                .childRuntime(properties.childRuntime() == null ? null : runtimes.apply(properties.childRuntime()))
                .build();
    }

    private static RuntimeFile file(AraProperties.File file) {
        if (file.source() != null && !file.source().isBlank()) {
            return RuntimeFile.local(Path.of(file.source()), file.path(), file.executable(), StandardCharsets.UTF_8);
        }
        return RuntimeFile.of(file.path(), file.content(), file.executable());
    }

    private Secret secret(AraProperties.SecretSource source) {
        int forms = count(source.name()) + (source.values() == null ? 0 : 1) + count(source.dotenv())
                + (source.fromEnv() == null ? 0 : 1);
        if (forms != 1) {
            throw new IllegalArgumentException("each ara.runtime.secrets entry takes exactly one of name, values,"
                    + " dotenv or from-env (found " + forms + ")");
        }
        if (source.values() != null) {
            return Secret.fromDict(source.values());
        }
        if (source.dotenv() != null) {
            return Secret.fromDotenv(Path.of(source.dotenv()));
        }
        if (source.fromEnv() != null) {
            return Secret.fromLocalEnvironment(source.fromEnv(), environment::getProperty);
        }
        return Secret.fromName(source.name(), source.requiredKeys());
    }

    private static int count(String value) {
        return value == null || value.isBlank() ? 0 : 1;
    }

    private static Integer mebibytes(org.springframework.util.unit.DataSize size) {
        return size == null ? null : Math.toIntExact(size.toMegabytes());
    }

    private static Integer minutes(java.time.Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }
}
