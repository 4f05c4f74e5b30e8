package so.ara.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A normalised schedule: {@code kind} is {@code cron} (with {@code cron}, {@code timezone}, optional
 * {@code one_shot_at}) or {@code every} (with {@code every_seconds}).
 */
@JsonPropertyOrder({ "id", "kind", "cron", "every_seconds", "timezone", "run", "one_shot_at" })
public record ScheduleSpec(String id, String kind, String cron, Integer everySeconds, String timezone,
        ScheduleRun run, String oneShotAt) {

    public static final String CRON = "cron";
    public static final String EVERY = "every";

    public boolean isCron() {
        return CRON.equals(kind);
    }

    public ScheduleSpec withRun(ScheduleRun newRun) {
        return new ScheduleSpec(id, kind, cron, everySeconds, timezone, newRun, oneShotAt);
    }
}
