package so.ara.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import so.ara.manifest.ManifestValidationException;

/** Turns invalid Ara declarations into a startup report listing every problem, without a stack trace. */
class AraDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<ManifestValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ManifestValidationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the @AraAgent/@AraTool/@AraSchedule/@AraEndpoint"
                + " declarations and ara.* properties listed above.", cause);
    }
}
