package so.ara.spec;

/** Schedule builders: {@code schedule.cron(...)} and {@code schedule.every(...)}, with the reference's stable ids. */
public final class Schedule {

    public static final int MIN_EVERY_SECONDS = 60;

    private Schedule() {
    }

    public static ScheduleSpec cron(String expr, ScheduleRun run) {
        return cron(expr, run, null, "UTC");
    }

    public static ScheduleSpec cron(String expr, ScheduleRun run, String id, String timezone) {
        String cron = Normalized.text(expr);
        if (cron.isEmpty()) {
            throw new IllegalArgumentException("cron schedule requires expr/cron");
        }
        requireRun(run);
        String slug = Slugify.slugify(cron);
        if (slug.length() > 24) {
            slug = slug.substring(0, 24);
        }
        String scheduleId = idOrDefault(id, hint(run) + "-" + (slug.isEmpty() ? "cron" : slug));
        String zone = Normalized.text(timezone);
        return new ScheduleSpec(scheduleId, ScheduleSpec.CRON, cron, null, zone.isEmpty() ? "UTC" : zone, run, null);
    }

    public static ScheduleSpec every(int seconds, ScheduleRun run) {
        return every(seconds, run, null);
    }

    public static ScheduleSpec every(int seconds, ScheduleRun run, String id) {
        if (seconds < MIN_EVERY_SECONDS) {
            throw new IllegalArgumentException("every schedule minimum interval is 60 seconds");
        }
        requireRun(run);
        String scheduleId = idOrDefault(id, hint(run) + "-every-" + seconds + "s");
        return new ScheduleSpec(scheduleId, ScheduleSpec.EVERY, null, seconds, null, run, null);
    }

    private static void requireRun(ScheduleRun run) {
        if (run == null) {
            throw new IllegalArgumentException("schedule run must be a dict");
        }
    }

    private static String hint(ScheduleRun run) {
        String target = run.target();
        return target == null || target.isEmpty() ? run.type() : target;
    }

    private static String idOrDefault(String id, String generated) {
        String trimmed = Normalized.text(id);
        return trimmed.isEmpty() ? generated : trimmed;
    }
}
