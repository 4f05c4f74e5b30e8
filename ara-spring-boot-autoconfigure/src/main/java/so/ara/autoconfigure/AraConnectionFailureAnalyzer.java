package so.ara.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains why no Ara control plane could be chosen, listing the credential sources that were tried. */
class AraConnectionFailureAnalyzer extends AbstractFailureAnalyzer<AraConnectionUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AraConnectionUnavailableException cause) {
        StringBuilder description = new StringBuilder(cause.getMessage());
        if (!cause.getSourcesTried().isEmpty()) {
            description.append("\n\nCredential sources tried:");
            cause.getSourcesTried().forEach(source -> description.append("\n    - ").append(source));
        }
        return new FailureAnalysis(description.toString(), cause.getAction(), cause);
    }
}
