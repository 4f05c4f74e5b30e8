package so.ara.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders ratios as a fixed-width text table (one row per measure). */
final class RatioTable {

    private static final String[] HEADER = { "benchmark", "measure", "java", "baseline", "ratio", "target", "ok",
            "rounds" };

    private RatioTable() {
    }

    static String render(List<Ratio> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Ratio row : rows) {
            // a NaN baseline is a side that was not measured (e.g. no Python SDK given): no ratio, never faked
            boolean measured = !Double.isNaN(row.baseline());
            cells.add(new String[] { row.benchmark(), row.measure(), figure(row.subject(), row.unit()),
                    measured ? figure(row.baseline(), row.unit()) : "skipped",
                    measured ? String.format(Locale.ROOT, "%.2fx", row.value()) : "-", row.target().toString(),
                    !measured || row.target().equals(Ratio.Target.NONE) ? "-" : row.met() ? "yes" : "NO",
                    Integer.toString(row.rounds()) });
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append('|');
            for (int i = 0; i < widths.length; i++) {
                out.append(' ').append(pad(cells.get(r)[i], widths[i])).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int width : widths) {
                    out.append("-".repeat(width + 2)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String figure(double value, String unit) {
        String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
        return number + " " + unit;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
