package so.ara.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's rule for secrets sharing a name: an equivalent repeat is dropped; if either is reference-only the
 * first wins; two different value sets keep both, the later renamed {@code <base>-2}, {@code -3}, …
 */
final class SecretDeduplication {

    private static final int MAX_NAME = 64;

    private SecretDeduplication() {
    }

    static List<Secret> deduplicate(List<Secret> secrets) {
        Map<String, Secret> byName = new LinkedHashMap<>();
        for (Secret secret : secrets) {
            Secret existing = byName.get(secret.name());
            if (existing == null) {
                byName.put(secret.name(), secret);
            }
            else if (!existing.isEquivalentTo(secret) && existing.hasValues() && secret.hasValues()) {
                Secret renamed = secret.renamed(freeName(secret.name(), byName));
                byName.put(renamed.name(), renamed);
            }
        }
        return List.copyOf(new ArrayList<>(byName.values()));
    }

    private static String freeName(String base, Map<String, Secret> taken) {
        for (int suffix = 2; ; suffix++) {
            String tail = "-" + suffix;
            String head = base.length() + tail.length() > MAX_NAME ? base.substring(0, MAX_NAME - tail.length()) : base;
            head = head.replaceAll("[-_]+$", "");
            String candidate = head + tail;
            if (!taken.containsKey(candidate)) {
                return candidate;
            }
        }
    }
}
