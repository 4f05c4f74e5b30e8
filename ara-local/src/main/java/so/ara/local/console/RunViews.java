package so.ara.local.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import so.ara.local.console.ConsoleData.LogRecord;
import so.ara.local.console.ConsoleData.RunRecord;

/** Runs as the console shows them: a list row, and one run with its trigger, prompt and timeline. */
final class RunViews {

    record RunSummary(String runId, String appId, String appSlug, String agentId, String status, String trigger,
            String createdAt, Long durationMs, int toolCalls) {
    }

    /** What started a run: {@code api}, {@code endpoint}, {@code event} or {@code schedule}, with details. */
    record Trigger(String kind, Map<String, Object> detail) {
    }

    /**
     * One timeline entry. {@code kind}: {@code step} (a point or phase of the run), {@code model} (one model turn,
     * with the tool calls it asked for in {@code toolCalls}), {@code tool} (a tool call with args and result or
     * error). Offsets are milliseconds from the run's start.
     */
    record TimelineItem(String kind, String name, String status, long startMs, Long durationMs, Object args,
            Object result, String error, List<String> toolCalls) {

        TimelineItem(String kind, String name, String status, long startMs, Long durationMs, Object args,
                Object result, String error) {
            this(kind, name, status, startMs, durationMs, args, result, error, null);
        }
    }

    record RunDetail(RunSummary run, Object input, Map<String, Object> output, Map<String, Object> error,
            String completedAt, String responseMode, Trigger trigger, String prompt, Integer promptChars,
            List<TimelineItem> timeline, List<LogRecord> logs) {
    }

    private RunViews() {
    }

    static RunSummary summary(RunRecord run, String appSlug) {
        Long duration = run.completedAt() == null ? null
                : Duration.between(run.createdAt(), run.completedAt()).toMillis();
        int calls = run.output() != null && run.output().get("tool_calls") instanceof List<?> l ? l.size() : 0;
        return new RunSummary(run.runId(), run.appId(), appSlug, run.agentId(), run.status(),
                triggerKind(run), run.createdAt().toString(), duration, calls);
    }

    static String triggerKind(RunRecord run) {
        return switch (run.responseMode() == null ? "" : run.responseMode()) {
            case "schedule" -> "schedule";
            case "event" -> "event";
            default -> AppViews.map(run.input()).get("gateway") instanceof Map ? "endpoint" : "api";
        };
    }

    static RunDetail detail(RunRecord run, String appSlug, List<LogRecord> rows) {
        String prompt = null;
        Integer promptChars = null;
        Map<String, Object> detail = new LinkedHashMap<>();
        for (LogRecord row : rows) {
            Map<String, Object> data = row.data() == null ? Map.of() : row.data();
            switch (row.eventType()) {
                case "run.prompt.built" -> {
                    prompt = data.get("prompt") instanceof String s ? s : null;
                    promptChars = data.get("prompt_chars") instanceof Number n ? n.intValue() : null;
                }
                case "schedule.fired" -> {
                    detail.put("schedule_id", data.get("schedule_id"));
                    detail.put("schedule_kind", data.get("kind"));
                    detail.put("source", data.get("source"));
                }
                case "event.received" -> {
                    detail.put("event_id", data.get("event_id"));
                    detail.put("event_type", data.get("event_type"));
                }
                default -> { }
            }
        }
        String kind = triggerKind(run);
        if (kind.equals("endpoint")) {
            Map<String, Object> gateway = AppViews.map(AppViews.map(run.input()).get("gateway"));
            for (String key : List.of("label", "method", "path", "request_id")) {
                detail.put(key, gateway.get(key));
            }
        } else if (kind.equals("api")) {
            detail.put("response_mode", run.responseMode());
        }
        return new RunDetail(summary(run, appSlug), run.input(), run.output(), run.error(),
                run.completedAt() == null ? null : run.completedAt().toString(), run.responseMode(),
                new Trigger(kind, detail), prompt, promptChars, timeline(run, rows), rows);
    }

    /**
     * Builds the timeline from the run's log rows: start, prompt, each model turn ({@code run.model.*} rows) and each
     * tool call, paired start-to-finish (tools by name in order), and the end. Other rows appear as points. Runs
     * recorded before model turns had rows show one model span from the prompt to the end.
     */
    static List<TimelineItem> timeline(RunRecord run, List<LogRecord> rows) {
        Instant start = run.createdAt();
        for (LogRecord row : rows) {
            if (row.eventType().equals("run.started") && row.timestamp().isBefore(start)) {
                start = row.timestamp();
            }
        }
        List<TimelineItem> items = new ArrayList<>();
        Map<String, ArrayDeque<Integer>> openTools = new HashMap<>();
        Map<String, ArrayDeque<Integer>> openTurns = new HashMap<>();
        int lastAnswer = -1;
        boolean turnRows = rows.stream().anyMatch(r -> r.eventType().startsWith("run.model."));
        Instant promptAt = null;
        Instant endAt = null;
        long startedMs = 0;
        int modelIndex = -1;
        for (LogRecord row : rows) {
            Map<String, Object> data = row.data() == null ? Map.of() : row.data();
            long at = Duration.between(start, row.timestamp()).toMillis();
            switch (row.eventType()) {
                case "run.started" -> {
                    startedMs = at;
                    items.add(new TimelineItem("step", "Run started", "ok", at, null, null, null, null));
                }
                case "run.prompt.built" -> {
                    promptAt = row.timestamp();
                    items.add(new TimelineItem("step", "Prompt built", "ok", startedMs, at - startedMs, null, null,
                            null));
                    if (!turnRows) {
                        modelIndex = items.size();
                        items.add(null); // the model's one span, filled in once its end is known
                    }
                }
                case "run.model.started" -> {
                    openTurns.computeIfAbsent(turnKey(data), k -> new ArrayDeque<>()).push(items.size());
                    items.add(new TimelineItem("model", turnName(run, data), "running", at, null, null, null, null,
                            null));
                }
                case "run.model.completed", "run.model.failed" -> {
                    ArrayDeque<Integer> open = openTurns.get(turnKey(data));
                    boolean failed = row.eventType().endsWith("failed");
                    List<String> asked = data.get("tool_calls") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of();
                    int i = open != null && !open.isEmpty() ? open.pop() : items.size();
                    long from = i < items.size() ? items.get(i).startMs() : at;
                    Long took = data.get("duration_ms") instanceof Number n ? n.longValue() : at - from;
                    TimelineItem turn = new TimelineItem("model", turnName(run, data), failed ? "failed" : "ok", from,
                            took, null, null, failed ? row.message() : null, asked);
                    if (i < items.size()) {
                        items.set(i, turn);
                    } else {
                        items.add(turn);
                    }
                    if (!failed && asked.isEmpty() && Objects.equals(data.get("agent_id"), run.agentId())) {
                        lastAnswer = i;
                    }
                }
                case "run.tool.started" -> {
                    String tool = String.valueOf(data.get("tool"));
                    openTools.computeIfAbsent(tool, k -> new ArrayDeque<>()).add(items.size());
                    items.add(new TimelineItem("tool", tool, "running", at, null, data.get("args"), null, null));
                }
                case "run.tool.completed", "run.tool.failed" -> {
                    String tool = String.valueOf(data.get("tool"));
                    ArrayDeque<Integer> open = openTools.get(tool);
                    boolean failed = row.eventType().endsWith("failed");
                    if (open != null && !open.isEmpty()) {
                        int i = open.poll();
                        TimelineItem s = items.get(i);
                        items.set(i, new TimelineItem("tool", tool, failed ? "failed" : "ok", s.startMs(),
                                at - s.startMs(), s.args(), failed ? null : data.get("result"),
                                failed ? row.message() : null));
                    } else {
                        items.add(new TimelineItem("tool", tool, failed ? "failed" : "ok", at, 0L, null,
                                data.get("result"), failed ? row.message() : null));
                    }
                }
                case "run.completed", "run.failed" -> {
                    endAt = row.timestamp();
                    boolean failed = row.eventType().endsWith("failed");
                    items.add(new TimelineItem("step", failed ? "Run failed" : "Run completed", failed ? "failed"
                            : "ok", at, null, null, null, failed ? row.message() : null));
                }
                default -> items.add(new TimelineItem("step", row.message() == null ? row.eventType()
                        : row.message(), "error".equals(row.level()) ? "failed" : "ok", at, null, null, data.isEmpty() ? null : data, null));
            }
        }
        if (lastAnswer >= 0 && run.output() != null) {
            TimelineItem t = items.get(lastAnswer);
            items.set(lastAnswer, new TimelineItem(t.kind(), t.name(), t.status(), t.startMs(), t.durationMs(), null,
                    run.output().get("text"), t.error(), t.toolCalls()));
        }
        if (modelIndex >= 0) {
            long from = Duration.between(start, promptAt).toMillis();
            String status = endAt == null ? "running" : "failed".equals(run.status()) ? "failed" : "ok";
            Long duration = endAt == null ? null : Duration.between(promptAt, endAt).toMillis();
            items.set(modelIndex, new TimelineItem("model", "Model turn", status, from, duration, null,
                    run.output() == null ? null : run.output().get("text"), null));
        }
        return items;
    }

    private static String turnKey(Map<String, Object> data) {
        return data.get("agent_id") + "#" + data.get("turn");
    }

    /** "Model turn 2", naming the agent when it is not the run's own (a handoff's turns). */
    private static String turnName(RunRecord run, Map<String, Object> data) {
        Object agent = data.get("agent_id");
        return "Model turn " + data.get("turn") + (agent == null || agent.equals(run.agentId()) ? "" : " (" + agent
                + ")");
    }
}
