package so.ara.local.python;

import java.util.List;
import java.util.Map;

/**
 * What an app's interpreters start with: the runtime profile's {@code files} in their working directory, and the
 * runtime profile's {@code env} plus the app's uploaded secret values in their environment. {@code fingerprint}
 * changes whenever any of these change; the app's pool is then rebuilt.
 */
public record PythonEnvironment(String appId, String label, Map<String, String> env, List<File> files,
        String fingerprint) {

    /** One runtime-profile file: a path relative to the working directory, its text, and the executable bit. */
    public record File(String path, String content, boolean executable) {
    }
}
