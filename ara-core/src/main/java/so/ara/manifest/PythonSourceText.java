package so.ara.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A user-supplied Python implementation: inline text, or {@code classpath:path/to/file.py}. */
final class PythonSourceText {

    private static final String CLASSPATH = "classpath:";

    private PythonSourceText() {
    }

    static String load(String value, ClassLoader classLoader) {
        String source = value.startsWith(CLASSPATH) ? read(value, classLoader) : value.strip();
        if (!source.startsWith("def ")) {
            throw new IllegalArgumentException("@AraTool(pythonSource) must be a standard Python function starting"
                    + " with 'def ' (no decorators, no async def)");
        }
        return source;
    }

    private static String read(String value, ClassLoader classLoader) {
        String path = value.substring(CLASSPATH.length()).replaceFirst("^/", "");
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("@AraTool(pythonSource) resource not found: " + value);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("@AraTool(pythonSource) resource cannot be read: " + value, ex);
        }
    }
}
