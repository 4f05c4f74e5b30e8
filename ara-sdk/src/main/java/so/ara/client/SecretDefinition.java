package so.ara.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import so.ara.json.AraJson;

/**
 * A secret of the deploy secret plan (reference §1.7, §5.1). {@code values == null} means reference only (the secret
 * already exists on Ara and is only referenced); otherwise deploy upserts it. {@link #toString()} never shows values.
 */
public record SecretDefinition(String name, @Nullable Map<String, String> values, List<String> requiredKeys) {

    public SecretDefinition {
        name = name.strip().toLowerCase(Locale.ROOT);
        values = values == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        requiredKeys = requiredKeys == null ? List.of() : List.copyOf(requiredKeys);
    }

    public static SecretDefinition reference(String name, String... requiredKeys) {
        return new SecretDefinition(name, null, List.of(requiredKeys));
    }

    public static SecretDefinition withValues(String name, Map<String, String> values) {
        return new SecretDefinition(name, values, List.of());
    }

    /** Python's {@code Secret.from_dict}: named {@code sdk-dict-<12 hex of sha256 of the sorted key names>}. */
    public static SecretDefinition fromDict(Map<String, String> values) {
        return new SecretDefinition(dictName(values.keySet()), values, List.of());
    }

    static String dictName(Iterable<String> keys) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(toList(keys)));
        String json = AraJson.mapper().writeValueAsString(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sdk-dict-" + HexFormat.of().formatHex(digest).substring(0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> toList(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        return out;
    }

    public boolean isReferenceOnly() {
        return this.values == null;
    }

    @Override
    public String toString() {
        return "SecretDefinition[name=" + this.name + ", keys="
                + (this.values == null ? "<reference>" : this.values.keySet()) + ", requiredKeys=" + this.requiredKeys
                + "]";
    }
}
