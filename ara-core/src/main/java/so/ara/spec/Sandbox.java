package so.ara.spec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where an agent's sessions run ({@code sandbox(...)} in the reference), with its spawn limits. Build with
 * {@link #builder()}; the builder applies the reference's defaults and hard limits.
 */
@JsonPropertyOrder({ "policy", "key", "max_concurrency", "idle_ttl_minutes", "spawn" })
public record Sandbox(String policy, String key, int maxConcurrency, Integer idleTtlMinutes, Spawn spawn) {

    private static final Set<String> POLICIES = Set.of("shared", "dedicated", "ephemeral", "inherited");
    private static final String POLICY_CHOICES = "dedicated, ephemeral, inherited, shared";

    /** {@code {"policy": "shared", "max_concurrency": 8}}: what an agent without a sandbox gets. */
    public static final Sandbox DEFAULT = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    @JsonPropertyOrder({ "allow", "to", "max_depth", "max_children_per_parent", "max_total_child_sessions_per_run",
            "ephemeral_ttl_minutes", "child_policy", "child_runtime" })
    public record Spawn(boolean allow, List<String> to, int maxDepth, int maxChildrenPerParent,
            int maxTotalChildSessionsPerRun, int ephemeralTtlMinutes, String childPolicy,
            RuntimeProfile childRuntime) {
    }

    public static final class Builder {

        private String policy = "shared";
        private Integer maxConcurrency;
        private Integer idleTtlMinutes;
        private String key;
        private Boolean allowSpawn;
        private List<String> spawnTo;
        private Integer maxSpawnDepth;
        private Integer maxChildrenPerParent;
        private Integer maxTotalChildSessionsPerRun;
        private Integer ephemeralTtlMinutes;
        private String childPolicy;
        private RuntimeProfile childRuntime;

        private Builder() {
        }

        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        public Builder maxConcurrency(Integer maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder idleTtlMinutes(Integer idleTtlMinutes) {
            this.idleTtlMinutes = idleTtlMinutes;
            return this;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder allowSpawn(Boolean allowSpawn) {
            this.allowSpawn = allowSpawn;
            return this;
        }

        public Builder spawnTo(List<String> spawnTo) {
            this.spawnTo = spawnTo;
            return this;
        }

        public Builder maxSpawnDepth(Integer maxSpawnDepth) {
            this.maxSpawnDepth = maxSpawnDepth;
            return this;
        }

        public Builder maxChildrenPerParent(Integer maxChildrenPerParent) {
            this.maxChildrenPerParent = maxChildrenPerParent;
            return this;
        }

        public Builder maxTotalChildSessionsPerRun(Integer maxTotalChildSessionsPerRun) {
            this.maxTotalChildSessionsPerRun = maxTotalChildSessionsPerRun;
            return this;
        }

        public Builder ephemeralTtlMinutes(Integer ephemeralTtlMinutes) {
            this.ephemeralTtlMinutes = ephemeralTtlMinutes;
            return this;
        }

        public Builder childPolicy(String childPolicy) {
            this.childPolicy = childPolicy;
            return this;
        }

        public Builder childRuntime(RuntimeProfile childRuntime) {
            this.childRuntime = childRuntime;
            return this;
        }

        public Sandbox build() {
            String normalizedPolicy = checkedPolicy("policy", policy == null ? "shared" : policy);
            String normalizedChildPolicy = childPolicy == null ? null : checkedPolicy("child_policy", childPolicy);
            String trimmedKey = Normalized.text(key);
            int concurrency = Math.max(1, orDefault(maxConcurrency, 8));
            Integer idleTtl = idleTtlMinutes == null ? null : Math.max(1, idleTtlMinutes);
            List<String> targets = Lists.normalized(spawnTo);
            boolean spawnEnabled = (Boolean.TRUE.equals(allowSpawn) || !targets.isEmpty())
                    && !Boolean.FALSE.equals(allowSpawn);
            Spawn spawn = null;
            if (spawnEnabled) {
                int depth = maxSpawnDepth == null ? 1 : maxSpawnDepth;
                int children = orDefault(maxChildrenPerParent, 6);
                int total = orDefault(maxTotalChildSessionsPerRun, 24);
                int ttl = orDefault(ephemeralTtlMinutes, 10);
                checkLimit("max_spawn_depth", depth, 5);
                checkLimit("max_children_per_parent", children, 24);
                checkLimit("max_total_child_sessions_per_run", total, 80);
                checkLimit("ephemeral_ttl_minutes", ttl, 240);
                spawn = new Spawn(true, targets, depth, children, total, ttl, normalizedChildPolicy, childRuntime);
            }
            return new Sandbox(normalizedPolicy, trimmedKey.isEmpty() ? null : trimmedKey, concurrency, idleTtl, spawn);
        }

        /** 0 or null means "use the default", as in the reference. */
        private static int orDefault(Integer value, int fallback) {
            return value == null || value == 0 ? fallback : value;
        }

        private static void checkLimit(String name, int value, int limit) {
            if (value > limit) {
                throw new IllegalArgumentException("sandbox(" + name + "=...) exceeds hard limit " + limit);
            }
            if (value < 0) {
                throw new IllegalArgumentException("sandbox(" + name + "=...) must not be negative");
            }
        }

        private static String checkedPolicy(String name, String value) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            if (!POLICIES.contains(normalized)) {
                throw new IllegalArgumentException("sandbox(" + name + "=...) must be one of: " + POLICY_CHOICES);
            }
            return normalized;
        }
    }
}
