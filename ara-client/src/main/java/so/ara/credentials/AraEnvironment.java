package so.ara.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An environment-variable lookup layered over {@code <cwd>/.env} then {@code <cwd>/.env.local} exactly as the Python
 * SDK loads them (docs/ara-reference.md §6.3): a file value is used only when the environment has no non-empty value yet, so the
 * real environment wins, then {@code .env}, then {@code .env.local}. The real process environment is never changed.
 */
public final class AraEnvironment {

    private final Function<String, @Nullable String> env;
    private final Map<String, String> fileValues;

    private AraEnvironment(Function<String, @Nullable String> env, Map<String, String> fileValues) {
        this.env = env;
        this.fileValues = fileValues;
    }

    /** The process environment with {@code .env} files of the current working directory. */
    public static AraEnvironment system() {
        return of(System::getenv, Path.of("").toAbsolutePath());
    }

    /** The given lookup alone, no files. */
    public static AraEnvironment of(Function<String, @Nullable String> env) {
        return new AraEnvironment(env, Map.of());
    }

    /** The given lookup layered over {@code <cwd>/.env} and {@code <cwd>/.env.local} (when {@code cwd} is not null). */
    public static AraEnvironment of(Function<String, @Nullable String> env, @Nullable Path cwd) {
        Objects.requireNonNull(env, "env");
        Map<String, String> loaded = new LinkedHashMap<>();
        if (cwd != null) {
            for (String name : List.of(".env", ".env.local")) {
                Path file = cwd.resolve(name);
                if (Files.isRegularFile(file)) {
                    for (Map.Entry<String, String> entry : parse(read(file)).entrySet()) {
                        String current = nonEmpty(env.apply(entry.getKey()));
                        if (current == null) {
                            current = nonEmpty(loaded.get(entry.getKey()));
                        }
                        if (current == null) {
                            loaded.put(entry.getKey(), entry.getValue());
                        }
                    }
                }
            }
        }
        return new AraEnvironment(env, Collections.unmodifiableMap(loaded));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Parses dotenv text as the Python SDK does: blank, {@code #} and {@code =}-less lines skipped; split at the first
     * {@code =}; key trimmed; value trimmed, then every leading/trailing {@code '} stripped, then every leading/trailing
     * {@code "} stripped. No {@code export} or inline comments. Later duplicate keys overwrite earlier ones.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.indexOf('=') < 0) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                continue;
            }
            String value = stripAll(stripAll(line.substring(eq + 1).strip(), '\''), '"');
            values.put(key, value);
        }
        return values;
    }

    private static String stripAll(String value, char quote) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == quote) {
            start++;
        }
        while (end > start && value.charAt(end - 1) == quote) {
            end--;
        }
        return value.substring(start, end);
    }

    private static @Nullable String nonEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The raw value: environment if non-empty, else the dotenv value, else the (possibly empty) environment value. */
    public @Nullable String get(String key) {
        String value = this.env.apply(key);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String fromFile = this.fileValues.get(key);
        return fromFile != null ? fromFile : value;
    }

    /** The value trimmed, or null when unset or blank. */
    public @Nullable String getTrimmed(String key) {
        String value = get(key);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** {@code 1}, {@code true}, {@code yes}, {@code on} (any case) are true. */
    public boolean isTrue(String key) {
        String value = getTrimmed(key);
        return value != null && List.of("1", "true", "yes", "on").contains(value.toLowerCase(java.util.Locale.ROOT));
    }

    /** Keys loaded from the dotenv files (for diagnostics; values are not exposed here). */
    public java.util.Set<String> dotenvKeys() {
        return this.fileValues.keySet();
    }
}
