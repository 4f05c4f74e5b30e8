package so.ara.local.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;

/**
 * Everything the console reads and does, in one narrow interface over ara-local's own store, log hub, run engine and
 * scheduler (the console keeps no copy of run state). Failures of the actions are {@link ConsoleProblem}s.
 */
public interface ConsoleData {

    /** A deployed app and its manifest parts, as stored. */
    record AppRecord(String id, String slug, String name, String status, Map<String, Object> agent,
            Map<String, Object> interfaces) {
    }

    /** A run, as stored. {@code agentId} is null for a scheduled tool run. */
    record RunRecord(String runId, String appId, String agentId, String status, String responseMode, Object input,
            Map<String, Object> output, Map<String, Object> error, Instant createdAt, Instant completedAt) {
    }

    /** Which runs to list: every non-null field must match; newest first, strictly older than {@code beforeRunId}. */
    record RunQuery(String appId, String agentId, String status, Instant since, Instant until, String beforeRunId,
            int limit) {
    }

    /** One page of runs, newest first; {@code more} when older matching runs exist. */
    record RunSlice(List<RunRecord> runs, boolean more) {
    }

    /** One log row of the log hub (the rows of the logs SSE stream). */
    record LogRecord(long id, String appId, String runId, Instant timestamp, String level, String eventType,
            String message, Map<String, Object> data) {
    }

    /** A sent event: the posted body and the run it started. {@code eventId} is null once its log row is evicted. */
    record EventRecord(String eventId, String appId, String runId, Instant receivedAt, Map<String, Object> body,
            String idempotencyKey) {
    }

    /** A registered schedule with its next fire time ({@code null} when it will not fire again). */
    record ScheduleRecord(String appId, String id, String source, String kind, String timezone, Long everySeconds,
            Instant oneShotAt, Instant nextFireAt, Map<String, Object> run) {
    }

    /** The answer of {@link #sendEvent}. */
    record SentEvent(String eventId, String runId) {
    }

    /** The URL of the ara-local API (the gateway URLs of endpoints start with it). */
    String baseUrl();

    /** Whether {@code token} is the current control-plane key (compared in constant time). */
    boolean isControlPlaneKey(String token);

    List<AppRecord> apps();

    RunSlice runs(RunQuery query);

    Optional<RunRecord> run(String runId);

    /** The last {@code limit} log rows of one app (or of every app when null), optionally of one run, oldest first. */
    List<LogRecord> logs(String appId, String runId, int limit);

    /** Log rows of every app as they are published (apps deployed later included); never completes by itself. */
    Flux<LogRecord> live();

    /**
     * Signals each time the deployed apps change (an app created, deployed, updated or removed) after subscribing;
     * never completes by itself.
     */
    Flux<Long> appChanges();

    /** Sent events, newest first. */
    List<EventRecord> events(int limit);

    List<ScheduleRecord> schedules();

    /** Creates a run of an agent and starts it in the background; returns its run id. */
    String startRun(String appId, String agentId, Map<String, Object> input);

    /** Sends an event to an app exactly as {@code POST /v1/apps/{id}/events} does. */
    SentEvent sendEvent(String appId, Map<String, Object> body);

    /** Fires a registered schedule now, in the background, as its ticker would. */
    void fireSchedule(String appId, String scheduleId);
}
