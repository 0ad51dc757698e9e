package dev.surmbench.report;

import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;

/**
 * The smallest and largest of a count over a group's runs (parameter counts should be equal across
 * seeds; a range shows when they are not).
 *
 * @param min smallest value, −1 when there were no values
 * @param max largest value, −1 when there were no values
 */
public record Range(long min, long max) {
    public static final Range NONE = new Range(-1, -1);

    public static Range of(LongStream values) {
        LongSummaryStatistics s = values.summaryStatistics();
        return s.getCount() == 0 ? NONE : new Range(s.getMin(), s.getMax());
    }

    public boolean present() {
        return min >= 0;
    }

    public boolean constant() {
        return present() && min == max;
    }

    /** "294,912", "1,000–1,200" or "–". */
    public String display() {
        if (!present()) {
            return "–";
        }
        return constant() ? String.format(Locale.ROOT, "%,d", min) : String.format(Locale.ROOT, "%,d–%,d", min, max);
    }
}
