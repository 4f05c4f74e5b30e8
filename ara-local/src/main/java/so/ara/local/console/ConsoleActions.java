package so.ara.local.console;

import java.util.Map;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import so.ara.local.console.ConsoleData.RunRecord;
import reactor.core.publisher.Mono;

/** What the console can do: run an agent, rerun a run, send an event, fire a schedule now. */
final class ConsoleActions {

    private final ConsoleData data;
    private final int maxBodyBytes;

    ConsoleActions(ConsoleData data, int maxBodyBytes) {
        this.data = data;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code {"agent_id": "...", "input": {...}}}: both optional (the default agent, an empty input). */
    Mono<ServerResponse> startRun(ServerRequest request) {
        return ConsoleResponses.jsonObject(request, maxBodyBytes).flatMap(body -> {
            Object agent = body.get("agent_id");
            if (agent != null && !(agent instanceof String)) {
                throw ConsoleProblem.badRequest("field 'agent_id' must be a string");
            }
            Object input = body.get("input");
            if (input != null && !(input instanceof Map)) {
                throw ConsoleProblem.badRequest("field 'input' must be a JSON object");
            }
            String agentId = agent == null || ((String) agent).isBlank() ? null : ((String) agent).trim();
            String runId = data.startRun(request.pathVariable("app"), agentId,
                    input == null ? new java.util.LinkedHashMap<>() : AppViews.map(input));
            return started(runId);
        });
    }

    /** A new run of the same app and agent with the same input. */
    Mono<ServerResponse> rerun(ServerRequest request) {
        String runId = request.pathVariable("runId");
        RunRecord run = data.run(runId).orElseThrow(() -> ConsoleProblem.notFound("run '" + runId + "' not found"));
        if (run.agentId() == null) {
            throw new ConsoleProblem(422, "run '" + runId + "' called a tool from a schedule; fire the schedule "
                    + "again instead");
        }
        return started(data.startRun(run.appId(), run.agentId(), AppViews.map(run.input())));
    }

    Mono<ServerResponse> sendEvent(ServerRequest request) {
        return ConsoleResponses.jsonObject(request, maxBodyBytes).flatMap(body -> {
            ConsoleData.SentEvent sent = data.sendEvent(request.pathVariable("app"), body);
            return ConsoleResponses.json(202, Map.of("event_id", sent.eventId(), "run_id", sent.runId(),
                    "url", "/console/runs/" + sent.runId()));
        });
    }

    Mono<ServerResponse> fireSchedule(ServerRequest request) {
        data.fireSchedule(request.pathVariable("app"), request.pathVariable("id"));
        return ConsoleResponses.json(202, Map.of("fired", request.pathVariable("id")));
    }

    private static Mono<ServerResponse> started(String runId) {
        return ConsoleResponses.json(202, Map.of("run_id", runId, "url", "/console/runs/" + runId));
    }
}
