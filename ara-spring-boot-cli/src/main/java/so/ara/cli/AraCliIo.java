package so.ara.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where the CLI writes: the command's output ({@code out}) and messages/progress ({@code err}). Register a bean of this
 * type to capture them (tests); the default is {@code System.out} and {@code System.err}.
 *
 * @param out         command output
 * @param err         errors, warnings and progress
 * @param interactive whether progress is shown (default: {@code System.console() != null})
 */
public record AraCliIo(PrintWriter out, PrintWriter err, boolean interactive) {

    public static AraCliIo system() {
        return of(System.out, System.err, System.console() != null);
    }

    public static AraCliIo of(PrintStream out, PrintStream err, boolean interactive) {
        Charset charset = Charset.defaultCharset();
        return new AraCliIo(new PrintWriter(new java.io.OutputStreamWriter(out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(err, charset), true), interactive);
    }

    /** A progress line on stderr, only when attached to a terminal. */
    public void progress(String message) {
        if (this.interactive) {
            this.err.println(message);
            this.err.flush();
        }
    }
}
