package so.ara.local;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Runs one tool row of an app ({@code runId} receives log rows such as the tool's output; may be null). */
interface ToolInvoker {
    Mono<Object> invoke(LocalApp app, String runId, String toolName, Map<String, Object> toolRow,
            Map<String, Object> args);

    /** A call outside any run (chat, the session tools route). */
    default Mono<Object> invoke(LocalApp app, String toolName, Map<String, Object> toolRow, Map<String, Object> args) {
        return invoke(app, null, toolName, toolRow, args);
    }
}
