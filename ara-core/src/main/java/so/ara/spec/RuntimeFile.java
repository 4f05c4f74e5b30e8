package so.ara.spec;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file placed in the runtime: {@code file(path, content, executable)} and {@code local_file(source, path)}. */
public record RuntimeFile(String path, String content, boolean executable) {

    public static RuntimeFile of(String path, String content) {
        return of(path, content, false);
    }

    public static RuntimeFile of(String path, String content, boolean executable) {
        String trimmed = Normalized.text(path);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("file() requires a non-empty path");
        }
        return new RuntimeFile(trimmed, content == null ? "" : content, executable);
    }

    /** Reads a local file; the runtime path defaults to its file name. Executable by default, as the reference. */
    public static RuntimeFile local(Path source, String path, boolean executable, Charset encoding) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("local_file() source not found: " + source);
        }
        try {
            String target = path == null || path.isBlank() ? source.getFileName().toString() : path;
            return of(target, Files.readString(source, encoding), executable);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("local_file() source cannot be read: " + source, ex);
        }
    }

    public static RuntimeFile local(Path source) {
        return local(source, null, true, StandardCharsets.UTF_8);
    }
}
