package so.ara.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The runtime an app or agent runs in ({@code runtime(...)} in the reference). Only set keys are serialised, in the
 * reference's order. Secret definitions travel beside it for deploy but are never serialised; only
 * {@code secret_refs} are.
 */
@JsonPropertyOrder({ "files", "startup", "image", "model", "memory_mb", "volume_size_mb", "python_packages",
        "node_packages", "env", "secret_refs" })
public record RuntimeProfile(List<RuntimeFile> files, Entrypoint startup, String image, String model, Integer memoryMb,
        Integer volumeSizeMb, List<String> pythonPackages, List<String> nodePackages, Map<String, String> env,
        List<Secret.SecretRef> secretRefs, @JsonIgnore List<Secret> secrets) {

    public static final RuntimeProfile EMPTY = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return files == null && startup == null && image == null && model == null && memoryMb == null
                && volumeSizeMb == null && pythonPackages == null && nodePackages == null && env == null
                && secretRefs == null;
    }

    /** Secret definitions (with or without values) in declaration order; empty when none were given. */
    @Override
    public List<Secret> secrets() {
        return secrets == null ? List.of() : secrets;
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.files = files;
        builder.startup = startup;
        builder.image = image;
        builder.model = model;
        builder.memoryMb = memoryMb;
        builder.volumeSizeMb = volumeSizeMb;
        builder.pythonPackages = pythonPackages;
        builder.nodePackages = nodePackages;
        builder.env = env == null ? null : new LinkedHashMap<>(env);
        builder.secrets = secretRefs == null ? null : new ArrayList<>(secrets());
        return builder;
    }

    public static final class Builder {

        private List<RuntimeFile> files;
        private Entrypoint startup;
        private String image;
        private String model;
        private Integer memoryMb;
        private Integer volumeSizeMb;
        private List<String> pythonPackages;
        private List<String> nodePackages;
        private Map<String, ?> env;
        private List<Secret> secrets;

        private Builder() {
        }

        public Builder files(List<RuntimeFile> files) {
            this.files = files == null || files.isEmpty() ? null : List.copyOf(files);
            return this;
        }

        public Builder startup(Entrypoint startup) {
            this.startup = startup;
            return this;
        }

        public Builder image(String image) {
            String trimmed = Normalized.text(image);
            this.image = trimmed.isEmpty() ? null : trimmed;
            return this;
        }

        public Builder model(String model) {
            this.model = model == null || model.isEmpty() ? null : model;
            return this;
        }

        public Builder memoryMb(Integer memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder volumeSizeMb(Integer volumeSizeMb) {
            this.volumeSizeMb = volumeSizeMb;
            return this;
        }

        public Builder pythonPackages(List<String> packages) {
            List<String> trimmed = Lists.trimmed(packages);
            this.pythonPackages = trimmed.isEmpty() ? null : trimmed;
            return this;
        }

        public Builder nodePackages(List<String> packages) {
            List<String> trimmed = Lists.trimmed(packages);
            this.nodePackages = trimmed.isEmpty() ? null : trimmed;
            return this;
        }

        /** Environment values; an empty map is kept (it is written as {@code "env": {}}). */
        public Builder env(Map<String, ?> env) {
            this.env = env;
            return this;
        }

        /** Secrets; an empty list is kept and means "this app uses no secrets" (deploy then removes stale ones). */
        public Builder secrets(List<Secret> secrets) {
            this.secrets = secrets == null ? null : new ArrayList<>(secrets);
            return this;
        }

        public Builder addSecret(Secret secret) {
            if (this.secrets == null) {
                this.secrets = new ArrayList<>();
            }
            this.secrets.add(secret);
            return this;
        }

        public RuntimeProfile build() {
            Map<String, String> validatedEnv = null;
            if (env != null) {
                validatedEnv = new LinkedHashMap<>();
                for (Map.Entry<String, ?> entry : env.entrySet()) {
                    Object value = entry.getValue();
                    validatedEnv.put(EnvKeys.validate(entry.getKey()), value == null ? "" : String.valueOf(value));
                }
                validatedEnv = java.util.Collections.unmodifiableMap(validatedEnv);
            }
            List<Secret> definitions = secrets == null ? null : SecretDeduplication.deduplicate(secrets);
            List<Secret.SecretRef> refs = definitions == null ? null
                    : definitions.stream().map(Secret::ref).toList();
            return new RuntimeProfile(files, startup, image, model, memoryMb, volumeSizeMb, pythonPackages,
                    nodePackages, validatedEnv, refs, definitions);
        }
    }
}
