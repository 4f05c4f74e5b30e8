package so.ara.local.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The working directory of one app's interpreters, holding the runtime profile's {@code files}. */
final class AppWorkspace {

    private AppWorkspace() {
    }

    /**
     * Writes the files under {@code dir} (created). A leading {@code /} is dropped, so {@code /app/x.py} lands at
     * {@code dir/app/x.py}; a path that climbs out of {@code dir} is refused.
     */
    static void layOut(Path dir, List<PythonEnvironment.File> files) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < files.size(); i++) {
                PythonEnvironment.File file = files.get(i);
                String relative = file.path() == null ? "" : file.path().replaceFirst("^[/\\\\]+", "");
                Path target = dir.resolve(relative).normalize();
                if (relative.isBlank() || !target.startsWith(dir) || target.equals(dir)) {
                    throw new PythonCallException(PythonCallException.Kind.UNAVAILABLE, "runtime_profile.files[" + i
                            + "].path '" + file.path() + "' must name a file inside the app's working directory",
                            null, null, null, null);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content() == null ? "" : file.content(), StandardCharsets.UTF_8);
                if (file.executable() && !target.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + target + " executable");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the app's working directory " + dir, e);
        }
    }

    /** Deletes a directory tree, best effort. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
