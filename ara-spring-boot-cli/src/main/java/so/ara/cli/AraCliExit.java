package so.ara.cli;

/**
 * The last step of a CLI run: ends the process with the command's exit code. The default calls
 * {@link System#exit(int)}; register a bean of this type to observe the code instead (tests).
 */
@FunctionalInterface
public interface AraCliExit {

    AraCliExit SYSTEM = System::exit;

    void exit(int code);
}
