package so.ara.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The reference's list normalisation: items trimmed, empties dropped, optionally de-duplicated keeping the first. */
final class Lists {

    private Lists() {
    }

    static List<String> normalized(List<String> items) {
        return List.copyOf(new LinkedHashSet<>(trimmed(items)));
    }

    static List<String> trimmed(List<String> items) {
        List<String> result = new ArrayList<>();
        if (items != null) {
            for (String item : items) {
                String value = item == null ? "" : item.trim();
                if (!value.isEmpty()) {
                    result.add(value);
                }
            }
        }
        return List.copyOf(result);
    }
}
