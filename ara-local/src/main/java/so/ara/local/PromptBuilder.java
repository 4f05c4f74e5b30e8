package so.ara.local;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Step one of a run: the prompt of an agent for an input ({@code runId} receives log rows; may be null). */
interface PromptBuilder {
    Mono<String> build(LocalApp app, String runId, String agentId, Map<String, Object> agentRow, Object input);
}
