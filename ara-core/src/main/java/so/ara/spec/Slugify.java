package so.ara.spec;

import java.util.Locale;

/** Ara's slug rule: lowercase, every run of non-alphanumeric characters becomes one '-', at most 120 characters. */
public final class Slugify {

    private static final int MAX_LENGTH = 120;

    private Slugify() {
    }

    public static String slugify(String value) {
        if (value == null) {
            return "";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        boolean pendingDash = false;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                if (pendingDash && slug.length() > 0) {
                    slug.append('-');
                }
                pendingDash = false;
                slug.appendCodePoint(codePoint);
            }
            else {
                pendingDash = true;
            }
        }
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug.toString();
    }
}
