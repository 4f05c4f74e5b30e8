package so.ara.spec;

import java.util.Set;
import java.util.regex.Pattern;

/** Environment variable names Ara accepts for user values: no reserved names, no {@code ARA_}/{@code MODAL_} prefix. */
public final class EnvKeys {

    private static final Pattern VALID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
    private static final Set<String> RESERVED = Set.of("SESSION_ID", "USER_ID", "APP_ID");
    private static final String[] RESERVED_PREFIXES = { "ARA_", "MODAL_" };

    private EnvKeys() {
    }

    /** Returns the trimmed key or throws with the reference's message. */
    public static String validate(String key) {
        String trimmed = key == null ? "" : key.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Environment key cannot be empty");
        }
        if (!VALID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Invalid environment key: " + trimmed);
        }
        if (isReserved(trimmed)) {
            throw new IllegalArgumentException("Reserved environment key is not allowed: " + trimmed);
        }
        return trimmed;
    }

    /** Whether {@code key} is a valid key a user may set (the check behind {@link #validate}, without throwing). */
    public static boolean isUserKey(String key) {
        return key != null && VALID.matcher(key).matches() && !isReserved(key);
    }

    public static boolean isReserved(String key) {
        if (RESERVED.contains(key)) {
            return true;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
