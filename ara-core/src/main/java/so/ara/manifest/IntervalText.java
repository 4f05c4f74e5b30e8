package so.ara.manifest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code @AraSchedule(every = ...)}: plain seconds ({@code "3600"}), a simple duration ({@code "90m"},
 * {@code "1h"}) or ISO-8601 ({@code "PT1H"}). Plain numbers are seconds, as the manifest's {@code every_seconds}.
 */
final class IntervalText {

    private static final Pattern SIMPLE = Pattern.compile("^(\\d+)\\s*(s|m|h|d)$");

    private IntervalText() {
    }

    /** Whole seconds of {@code text}; 0 when blank (no interval declared). */
    static long seconds(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return 0;
        }
        Duration duration = parse(value);
        if (duration.isNegative() || duration.getNano() != 0) {
            throw new IllegalArgumentException("@AraSchedule(every = \"" + value + "\") must be a whole number of"
                    + " seconds, at least 60");
        }
        return duration.getSeconds();
    }

    private static Duration parse(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher simple = SIMPLE.matcher(value.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("@AraSchedule(every = \"" + value + "\") is not an interval: use"
                    + " seconds (\"3600\"), a duration such as \"90m\", \"1h\", \"2d\", or ISO-8601 (\"PT1H\")");
        }
    }
}
