package so.ara.autoconfigure.callback;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which callback setting is missing when {@link CallbackBaseUrlException} stops startup. */
final class CallbackBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<CallbackBaseUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CallbackBaseUrlException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
