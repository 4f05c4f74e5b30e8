package so.ara.local.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreter ara-local runs app code with: the configured one, else {@code python3} on {@code PATH}.
 * When none works, {@link #problem()} says why and how to fix it.
 */
public record PythonInterpreter(Path path, String version, String problem) {

    static final String FIX = "install Python 3 (python3 on PATH) or set ara.local.python to an interpreter's path";

    public boolean available() {
        return problem == null;
    }

    private static final java.util.Map<String, PythonInterpreter> LOCATED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Finds and checks the interpreter (runs it once to read its version). A working result is remembered for the
     * life of the JVM (a launcher such as a pyenv shim can take a second to answer).
     */
    public static PythonInterpreter locate(String configured, String pathVariable) {
        String key = configured + "\u0000" + pathVariable;
        PythonInterpreter known = LOCATED.get(key);
        if (known != null) {
            return known;
        }
        PythonInterpreter found = check(configured, pathVariable);
        if (found.available()) {
            LOCATED.put(key, found);
        }
        return found;
    }

    private static PythonInterpreter check(String configured, String pathVariable) {
        String wanted = configured == null ? "python3" : configured;
        Path path = resolve(wanted, pathVariable);
        String source = configured == null ? "no 'python3' on PATH" : "ara.local.python '" + configured + "' not found";
        if (path == null) {
            return new PythonInterpreter(null, null, "Python is not available to ara-local (" + source + "): " + FIX);
        }
        try {
            Process p = new ProcessBuilder(path.toString(), "-c",
                    "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)").redirectErrorStream(true).start();
            p.getOutputStream().close();
            boolean done = p.waitFor(15, TimeUnit.SECONDS);
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
                    .split("\\R");
            String out = lines[0].trim();
            if (!done) {
                p.destroyForcibly();
                return new PythonInterpreter(path, null, "Python at " + path + " did not answer in 15 s: " + FIX);
            }
            if (p.exitValue() != 0 || !out.matches("3\\.\\d+\\.\\d+")) {
                return new PythonInterpreter(path, null, "Python at " + path + " is not a working Python 3 ("
                        + (out.length() > 200 ? out.substring(0, 200) : out) + "): " + FIX);
            }
            // launchers such as pyenv shims cost a shell per start: workers run the real executable
            Path real = lines.length > 1 && !lines[1].isBlank() && Files.isExecutable(Path.of(lines[1].trim()))
                    ? Path.of(lines[1].trim()) : path;
            return new PythonInterpreter(real, out, null);
        } catch (IOException e) {
            return new PythonInterpreter(path, null, "Python at " + path + " cannot be started (" + e.getMessage()
                    + "): " + FIX);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PythonInterpreter(path, null, "interrupted while checking Python at " + path);
        }
    }

    private static Path resolve(String wanted, String pathVariable) {
        if (wanted.contains("/") || wanted.contains(File.separator)) {
            Path p = Path.of(wanted);
            return Files.isExecutable(p) ? p.toAbsolutePath() : null;
        }
        if (pathVariable == null) {
            return null;
        }
        for (String dir : List.of(pathVariable.split(File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, wanted);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
