package so.ara.local;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Runs one tool row of an app. */
interface ToolInvoker {
    Mono<Object> invoke(LocalApp app, String toolName, Map<String, Object> toolRow, Map<String, Object> args);
}
