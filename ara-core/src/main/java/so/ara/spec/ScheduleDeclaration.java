package so.ara.spec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands one {@code @app.schedule(id, cron, at, timezone, run)} declaration into its normalised schedules, with the
 * reference's stable ids: one trigger keeps the base id, several become {@code <base>--<suffix>}.
 *
 * @param baseName the declared id, or the function/method name when none was declared
 * @param run      the explicit target, or the owning agent/tool's default target
 */
public record ScheduleDeclaration(String baseName, String cron, List<String> at, String timezone, ScheduleRun run) {

    private static final Pattern HH_MM = Pattern.compile("^\\d{1,2}:\\d{2}$");
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public List<ScheduleSpec> expand() {
        String zone = Normalized.text(timezone).isEmpty() ? "UTC" : timezone.trim();
        String base = Slugify.slugify(baseName);
        if (base.isEmpty()) {
            throw new IllegalArgumentException("app.schedule(...) requires a non-empty id or function name");
        }
        List<Trigger> triggers = new ArrayList<>();
        String cronExpr = Normalized.text(cron);
        if (!cronExpr.isEmpty()) {
            CronSyntax.validate(cronExpr);
            triggers.add(new Trigger("cron", cronExpr, zone, null));
        }
        List<String> tokens = at == null ? List.of() : at;
        for (int i = 0; i < tokens.size(); i++) {
            triggers.add(atTrigger(tokens.get(i), i + 1, zone));
        }
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("app.schedule(...) requires at least one of cron= or at=");
        }
        List<ScheduleSpec> specs = new ArrayList<>();
        for (Trigger trigger : triggers) {
            String id = triggers.size() == 1 ? base : base + "--" + trigger.suffix();
            specs.add(new ScheduleSpec(id, ScheduleSpec.CRON, trigger.cron(), null, trigger.timezone(), run,
                    trigger.oneShotAt()));
        }
        return List.copyOf(specs);
    }

    private static Trigger atTrigger(String rawToken, int position, String zone) {
        String token = rawToken == null ? "" : rawToken.trim();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("app.schedule(at=...) entries cannot be empty");
        }
        String slug = Slugify.slugify(token);
        String suffix = slug.isEmpty() ? "at-" + position : slug;
        if (token.split("\\s+").length == 5) {
            CronSyntax.validate(token);
            return new Trigger(suffix, token, zone, null);
        }
        if (HH_MM.matcher(token).matches()) {
            int hour = Integer.parseInt(token.substring(0, token.indexOf(':')));
            int minute = Integer.parseInt(token.substring(token.indexOf(':') + 1));
            if (hour > 23 || minute > 59) {
                throw new IllegalArgumentException("app.schedule(at=...) HH:MM values must be within 00:00-23:59");
            }
            return new Trigger(suffix, minute + " " + hour + " * * *", zone, null);
        }
        OffsetDateTime instant = parseIso(token).withOffsetSameInstant(ZoneOffset.UTC);
        String cron = instant.getMinute() + " " + instant.getHour() + " " + instant.getDayOfMonth() + " "
                + instant.getMonthValue() + " *";
        return new Trigger(suffix, cron, "UTC", isoUtc(instant));
    }

    /** ISO-8601 with or without offset ({@code Z} accepted); no offset means UTC; a date alone means midnight. */
    static OffsetDateTime parseIso(String token) {
        try {
            return OffsetDateTime.parse(token);
        }
        catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(token).atOffset(ZoneOffset.UTC);
            }
            catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(token).atStartOfDay().atOffset(ZoneOffset.UTC);
                }
                catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(
                            "app.schedule(at=...) entries must be HH:MM, 5-field cron, or ISO8601 timestamp");
                }
            }
        }
    }

    /** UTC ISO text as Python's isoformat writes it: seconds always, microseconds only when non-zero, then Z. */
    static String isoUtc(OffsetDateTime utc) {
        String text = UTC_SECONDS.format(utc);
        int micros = utc.getNano() / 1000;
        return (micros == 0 ? text : text + String.format(".%06d", micros)) + "Z";
    }

    private record Trigger(String suffix, String cron, String timezone, String oneShotAt) {
    }
}
