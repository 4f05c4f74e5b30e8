package so.ara.local.python;

/**
 * A Python call that did not return a result. Its message is safe to show (it never holds secret values unless
 * user code put them in its own exception message).
 */
public final class PythonCallException extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** The function raised; the message is {@code "<ExceptionType>: <message>"}. */
        RAISED,
        /** The call ran longer than the call timeout; its interpreter was killed. */
        TIMEOUT,
        /** The interpreter died during the call. */
        WORKER_DIED,
        /** No usable interpreter, or the app's runtime profile cannot be laid out. */
        UNAVAILABLE,
        /** Too many calls already wait for an interpreter. */
        BUSY
    }

    private final Kind kind;
    private final String exception;
    private final String traceback;
    private final String stdout;
    private final String stderr;

    public PythonCallException(Kind kind, String message, String exception, String traceback, String stdout,
            String stderr) {
        super(message, null, false, false);
        this.kind = kind;
        this.exception = exception;
        this.traceback = traceback;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public Kind kind() {
        return kind;
    }

    /** The Python exception type name (for {@link Kind#RAISED}), else null. */
    public String exception() {
        return exception;
    }

    public String traceback() {
        return traceback;
    }

    public String stdout() {
        return stdout == null ? "" : stdout;
    }

    public String stderr() {
        return stderr == null ? "" : stderr;
    }
}
