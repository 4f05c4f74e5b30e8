package so.ara.benchmarks;

import java.util.Locale;

/**
 * One row of the result table: the median of a measure for the subject (the Java side) and for its baseline
 * (measured in the same run, alternating), their ratio {@code subject / baseline}, and the target that ratio must meet
 * ({@link Target#NONE} for rows that only inform, such as a ceiling).
 */
public record Ratio(String benchmark, String measure, String unit, double subject, double baseline, Target target,
        int rounds) {

    public double value() {
        return this.subject / this.baseline;
    }

    public boolean met() {
        return this.target.isMetBy(value());
    }

    /** A bound on the ratio: at least (throughput) or at most (time, memory) a value. */
    public record Target(boolean atLeast, double bound) {

        public static final Target NONE = new Target(true, Double.NEGATIVE_INFINITY);

        public static Target atLeast(double bound) {
            return new Target(true, bound);
        }

        public static Target atMost(double bound) {
            return new Target(false, bound);
        }

        boolean isMetBy(double ratio) {
            return this.atLeast ? ratio >= this.bound : ratio <= this.bound;
        }

        @Override
        public String toString() {
            if (this.equals(NONE)) {
                return "-";
            }
            return (this.atLeast ? ">= " : "<= ") + String.format(Locale.ROOT, "%.2fx", this.bound);
        }
    }
}
