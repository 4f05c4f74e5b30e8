package so.ara.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Result of a deploy, shaped like the Python SDK's
 * {@code {"app_id","slug","runtime_key_created","runtime_key","warmup","secrets":{"synced","referenced_only"}}}.
 * {@link #toString()} masks the runtime key.
 */
public record DeployResult(String appId, String slug, boolean runtimeKeyCreated, String runtimeKey,
        @Nullable JsonNode warmup, Secrets secrets) {

    /** Names of secrets upserted with values, and of reference-only secrets. */
    public record Secrets(List<String> synced, List<String> referencedOnly) {

        public Secrets {
            synced = List.copyOf(synced);
            referencedOnly = List.copyOf(referencedOnly);
        }
    }

    /** {@code run_id} of the warmup answer (top level, else {@code run.run_id}), or null. */
    public @Nullable String warmupRunId() {
        if (this.warmup == null) {
            return null;
        }
        String id = Json.text(this.warmup, "run_id");
        return id != null ? id : Json.text(Json.node(this.warmup, "run"), "run_id");
    }

    @Override
    public String toString() {
        return "DeployResult[appId=" + this.appId + ", slug=" + this.slug + ", runtimeKeyCreated="
                + this.runtimeKeyCreated + ", runtimeKey=<hidden>, warmupRunId=" + warmupRunId() + ", secrets="
                + this.secrets + "]";
    }
}
