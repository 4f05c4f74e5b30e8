package so.ara.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A failed deploy on startup, explained without a stack trace. */
class AraDeployFailureAnalyzer extends AbstractFailureAnalyzer<AraDeployException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AraDeployException cause) {
        return new FailureAnalysis(cause.getMessage(), "Check the Ara credentials (ara.api-key, ARA_API_KEY or"
                + " `ara auth login`) and ara.api-base-url; or set ara.deploy.failure=continue to start anyway and retry"
                + " in the background, or ara.deploy.on-startup=false to skip deploying.", cause);
    }
}
