package so.ara.spec;

import java.util.List;

/** Public access to the reference's list normalisation (trim, drop empties, de-duplicate keeping the first). */
public final class Normalized {

    private Normalized() {
    }

    public static List<String> list(List<String> items) {
        return Lists.normalized(items);
    }

    public static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
