package so.ara.local.python;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How ara-local runs the Python of deployed apps (tool {@code source}, agent {@code prompt_factory.source}).
 *
 * @param executable the interpreter: a path or a command name looked up on {@code PATH}; {@code null} looks up
 *                   {@code python3} (setting {@code ara.local.python})
 * @param poolSize warm interpreter processes per app (default 4); more calls wait in a queue
 * @param maxQueued calls that may wait for a free interpreter per app before new calls are refused (default 1,000)
 * @param callTimeout the longest one tool or prompt call may run; a call over it is killed with its interpreter,
 *                    which is replaced (default 30 s)
 * @param workDirectory where per-app working directories (holding the runtime profile's {@code files}) are made;
 *                      {@code null} uses a fresh temporary directory removed on close
 */
public record PythonSettings(String executable, int poolSize, int maxQueued, Duration callTimeout,
        Path workDirectory) {

    public PythonSettings {
        poolSize = poolSize <= 0 ? 4 : poolSize;
        maxQueued = maxQueued <= 0 ? 1_000 : maxQueued;
        callTimeout = callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()
                ? Duration.ofSeconds(30) : callTimeout;
        executable = executable == null || executable.isBlank() ? null : executable.trim();
    }

    public static PythonSettings defaults() {
        return new PythonSettings(null, 4, 1_000, Duration.ofSeconds(30), null);
    }

    public PythonSettings withExecutable(String value) {
        return new PythonSettings(value, poolSize, maxQueued, callTimeout, workDirectory);
    }

    public PythonSettings withPoolSize(int value) {
        return new PythonSettings(executable, value, maxQueued, callTimeout, workDirectory);
    }

    public PythonSettings withMaxQueued(int value) {
        return new PythonSettings(executable, poolSize, value, callTimeout, workDirectory);
    }

    public PythonSettings withCallTimeout(Duration value) {
        return new PythonSettings(executable, poolSize, maxQueued, value, workDirectory);
    }

    public PythonSettings withWorkDirectory(Path value) {
        return new PythonSettings(executable, poolSize, maxQueued, callTimeout, value);
    }
}
