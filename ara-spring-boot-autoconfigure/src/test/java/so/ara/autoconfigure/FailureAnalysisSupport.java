package so.ara.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a startup failure through the Ara failure analyzers registered in {@code META-INF/spring.factories}. */
final class FailureAnalysisSupport {

    private final List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.logging(
                    org.apache.commons.logging.LogFactory.getLog(FailureAnalysisSupport.class)))
            .stream().filter(analyzer -> analyzer.getClass().getName().startsWith("so.ara.")).toList();

    List<FailureAnalyzer> analyzers() {
        return this.analyzers;
    }

    /** The first Ara analysis of {@code failure}; fails the test when none applies. */
    FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer : this.analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        assertThat(failure).as("no Ara failure analyzer explains this failure").isNull();
        return null;
    }
}
