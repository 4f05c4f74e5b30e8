package so.ara.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import so.ara.json.AraJson;

/**
 * A secret the app's runtime needs. Reference-only secrets ({@link #fromName}) name a secret that already exists
 * in Ara; secrets with values ({@link #fromDict}, {@link #fromDotenv}, {@link #fromLocalEnvironment}) are uploaded
 * by deploy. Values never appear in {@link #toString()} or in the manifest.
 */
public final class Secret {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}[a-z0-9]$");

    private final String name;
    private final Map<String, String> values;
    private final List<String> requiredKeys;
    private final String source;

    private Secret(String name, Map<String, String> values, List<String> requiredKeys, String source) {
        this.name = name;
        this.values = values;
        this.requiredKeys = requiredKeys;
        this.source = source;
    }

    public static Secret fromName(String name) {
        return fromName(name, List.of());
    }

    public static Secret fromName(String name, List<String> requiredKeys) {
        String normalized = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Secret name must match [a-z0-9][a-z0-9_-]{0,62}[a-z0-9]");
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        if (requiredKeys != null) {
            requiredKeys.forEach(key -> keys.add(EnvKeys.validate(key)));
        }
        return new Secret(normalized, null, List.copyOf(keys), "name");
    }

    /** Values secret named {@code sdk-dict-<hash of the sorted key names>}, so the name survives value changes. */
    public static Secret fromDict(Map<String, ?> env) {
        if (env == null || env.isEmpty()) {
            throw new IllegalArgumentException("from_dict requires a non-empty env_dict");
        }
        return withValues("sdk-dict-", env, "dict");
    }

    public static Secret fromDotenv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Secret dotenv file not found: " + file);
        }
        Map<String, String> entries;
        try {
            entries = DotenvParser.parseSecretFile(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("Secret dotenv file cannot be read: " + file, ex);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Secret dotenv file has no key=value entries: " + file);
        }
        return withValues("sdk-dotenv-", entries, "dotenv");
    }

    /** A values secret with a chosen name (for secrets whose name must stay fixed, such as the callback key). */
    public static Secret named(String name, Map<String, ?> values) {
        Secret reference = fromName(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Secret values cannot be empty");
        }
        Map<String, String> validated = new LinkedHashMap<>();
        values.forEach((key, value) -> validated.put(EnvKeys.validate(key), value == null ? "" : String.valueOf(value)));
        return new Secret(reference.name(), java.util.Collections.unmodifiableMap(validated), List.of(), "named");
    }

    /** Takes the named keys' values from the local environment (a missing or blank value is an error). */
    public static Secret fromLocalEnvironment(List<String> keys, Function<String, String> environment) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("from_local_environment requires at least one key");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String valid = EnvKeys.validate(key);
            String value = environment.apply(valid);
            if (value == null || value.isBlank()) {
                missing.add(valid);
            }
            else {
                values.put(valid, value.trim());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing required environment variables for deploy-time secret sync: " + String.join(", ", missing));
        }
        return withValues("sdk-dict-", values, "dict");
    }

    private static Secret withValues(String prefix, Map<String, ?> env, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((key, value) -> values.put(EnvKeys.validate(key), value == null ? "" : String.valueOf(value)));
        return new Secret(prefix + keyHash(values.keySet()), java.util.Collections.unmodifiableMap(values), List.of(), source);
    }

    /** First 12 hex chars of SHA-256 over the compact JSON array of the sorted key names. */
    static String keyHash(Iterable<String> keys) {
        List<String> sorted = new ArrayList<>();
        keys.forEach(sorted::add);
        sorted.sort(null);
        byte[] json = AraJson.mapper().writeValueAsBytes(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public String name() {
        return name;
    }

    /** The values to upload, or null for a reference-only secret. */
    public Map<String, String> values() {
        return values;
    }

    public boolean hasValues() {
        return values != null;
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    /** The manifest's {@code secret_refs} entry. */
    public SecretRef ref() {
        return new SecretRef(name, requiredKeys.isEmpty() ? null : requiredKeys);
    }

    boolean isEquivalentTo(Secret other) {
        return name.equals(other.name) && Objects.equals(values, other.values)
                && requiredKeys.equals(other.requiredKeys) && source.equals(other.source);
    }

    /** The same secret under another name (used when two secrets with different values share one name). */
    Secret renamed(String newName) {
        return new Secret(newName, values, requiredKeys, source);
    }

    @Override
    public String toString() {
        return "Secret[name=" + name + (values == null ? ", reference-only" : ", keys=" + values.keySet()) + "]";
    }

    /** One {@code secret_refs} entry: {@code {"name"}} plus {@code required_keys} when there are any. */
    public record SecretRef(String name, List<String> requiredKeys) {
    }
}
