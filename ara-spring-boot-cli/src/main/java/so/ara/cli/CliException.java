package so.ara.cli;

/** A clean CLI failure: its message goes to stderr as is and the exit code is 1 (Python's {@code SystemExit(msg)}). */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
