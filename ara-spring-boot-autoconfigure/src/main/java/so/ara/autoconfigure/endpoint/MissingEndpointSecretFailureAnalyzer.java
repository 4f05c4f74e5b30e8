package so.ara.autoconfigure.endpoint;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A missing endpoint secret, reported without a stack trace; never prints any secret value. */
class MissingEndpointSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingEndpointSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingEndpointSecretException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + ", or set"
                + " ara.endpoints.missing-secret=reject to start and refuse that endpoint's requests with 503.", cause);
    }
}
