package so.ara.autoconfigure;

import java.util.List;

/**
 * Startup cannot honour {@code ara.mode}: no credentials resolve where a control plane is needed, or the embedded
 * control plane was asked for and is missing. {@link AraConnectionFailureAnalyzer} explains it.
 */
public class AraConnectionUnavailableException extends IllegalStateException {

    private final List<String> sourcesTried;
    private final String action;

    public AraConnectionUnavailableException(String message, List<String> sourcesTried, String action) {
        super(message);
        this.sourcesTried = List.copyOf(sourcesTried);
        this.action = action;
    }

    /** Where credentials were looked for (no values). */
    public List<String> getSourcesTried() {
        return this.sourcesTried;
    }

    /** What the user can do. */
    public String getAction() {
        return this.action;
    }
}
