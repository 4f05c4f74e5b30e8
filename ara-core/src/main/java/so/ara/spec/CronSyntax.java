package so.ara.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks POSIX 5-field cron syntax (minute hour day-of-month month day-of-week) as Ara's scheduler reads it.
 * Quartz-only tokens ({@code ? L W #}) and 6-field expressions are rejected.
 */
public final class CronSyntax {

    private static final String[] FIELDS = { "minute", "hour", "day-of-month", "month", "day-of-week" };
    private static final int[][] RANGES = { { 0, 59 }, { 0, 23 }, { 1, 31 }, { 1, 12 }, { 0, 7 } };
    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ITEM = Pattern.compile("^(\\*|[0-9A-Z]+(-[0-9A-Z]+)?)(/[0-9]+)?$");

    private CronSyntax() {
    }

    /** Throws with a message naming the expression and the bad field. */
    public static void validate(String expr) {
        String trimmed = Normalized.text(expr);
        String[] fields = trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron '" + expr + "' must have 5 fields (minute hour day-of-month month"
                    + " day-of-week), found " + fields.length);
        }
        for (int i = 0; i < 5; i++) {
            for (String item : fields[i].toUpperCase(Locale.ROOT).split(",", -1)) {
                if (!validItem(item, i)) {
                    throw new IllegalArgumentException(
                            "cron '" + expr + "' has an invalid " + FIELDS[i] + " field: " + fields[i]);
                }
            }
        }
    }

    private static boolean validItem(String item, int field) {
        if (!ITEM.matcher(item).matches()) {
            return false;
        }
        String range = item.contains("/") ? item.substring(0, item.indexOf('/')) : item;
        if (item.contains("/") && Integer.parseInt(item.substring(item.indexOf('/') + 1)) == 0) {
            return false;
        }
        if (range.equals("*")) {
            return true;
        }
        String[] bounds = range.split("-");
        int low = value(bounds[0], field);
        int high = bounds.length > 1 ? value(bounds[1], field) : low;
        return low >= RANGES[field][0] && high <= RANGES[field][1] && low <= high;
    }

    private static int value(String token, int field) {
        if (token.chars().allMatch(Character::isDigit)) {
            return token.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(token);
        }
        String names = field == 3 ? MONTHS : field == 4 ? DAYS : "";
        int index = names.isEmpty() ? -1 : java.util.Arrays.asList(names.split("\\|")).indexOf(token);
        if (index < 0) {
            return Integer.MAX_VALUE;
        }
        return field == 3 ? index + 1 : index;
    }
}
