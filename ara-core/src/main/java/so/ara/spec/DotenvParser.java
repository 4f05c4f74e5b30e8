package so.ara.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference's {@code .env} parsing rules (no {@code export}, no inline comments). */
public final class DotenvParser {

    private DotenvParser() {
    }

    /**
     * Rules of {@code Secret.from_dotenv}: skip blank, {@code #} and {@code =}-less lines, split at the first
     * {@code =}, trim, strip one matching pair of surrounding quotes.
     */
    public static Map<String, String> parseSecretFile(List<String> lines) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.trim();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            if (!key.isEmpty()) {
                entries.put(key, value);
            }
        }
        return entries;
    }
}
