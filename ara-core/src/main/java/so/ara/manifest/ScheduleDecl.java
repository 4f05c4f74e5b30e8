package so.ara.manifest;

import java.util.List;

import so.ara.spec.ScheduleRun;

/**
 * One {@code @AraSchedule} as declared: {@code cron}/{@code at} triggers or an {@code every} interval, and an optional
 * explicit target ({@code null} runs the owning agent or tool).
 */
public record ScheduleDecl(String id, String cron, List<String> at, long everySeconds, String timezone,
        ScheduleRun run) {

    public static ScheduleDecl cron(String cron) {
        return new ScheduleDecl("", cron, List.of(), 0, "UTC", null);
    }

    public static ScheduleDecl at(String... at) {
        return new ScheduleDecl("", "", List.of(at), 0, "UTC", null);
    }

    public static ScheduleDecl every(long seconds) {
        return new ScheduleDecl("", "", List.of(), seconds, "UTC", null);
    }
}
