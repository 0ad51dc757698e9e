package dev.surmbench.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.api.DoubleColumn;

/**
 * Mean, sample standard deviation (n − 1) and a two-sided 95% Student-t confidence interval of a
 * sample. With n &lt; 2 the spread is undefined: {@link #std()}, {@link #ciLow()} and {@link
 * #ciHigh()} are NaN and render as "–", never as zero.
 *
 * @param n number of values (only finite values are kept)
 * @param mean arithmetic mean, NaN when n = 0
 * @param std sample standard deviation, NaN when n &lt; 2
 * @param ciLow lower end of the 95% confidence interval of the mean, NaN when n &lt; 2
 * @param ciHigh upper end of the 95% confidence interval of the mean, NaN when n &lt; 2
 */
public record Summary(int n, double mean, double std, double ciLow, double ciHigh) {

    /** Two-sided confidence level of {@link #ciLow()}/{@link #ciHigh()}. */
    public static final double CONFIDENCE = 0.95;

    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * Summary of the finite values in {@code values}; NaN and infinities are dropped. Mean and std are
     * Tablesaw's ({@link DoubleColumn#mean()}, {@link DoubleColumn#standardDeviation()}), the same
     * functions the report's per-group summaries use ({@code summarize(…, mean, stdDev, count).by(…)}).
     */
    public static Summary of(double... values) {
        DoubleColumn v = DoubleColumn.create("values", Arrays.stream(values).filter(Double::isFinite).toArray());
        return v.isEmpty() ? EMPTY : fromSample(v.size(), v.mean(), v.standardDeviation());
    }

    /**
     * Summary of a sample of {@code n} finite values given its mean and sample standard deviation (as
     * Tablesaw's {@code count}, {@code mean} and {@code stdDev} aggregate them): adds the confidence
     * interval; with n &lt; 2 the spread is NaN whatever {@code std} says (Tablesaw gives 0 for one value).
     */
    public static Summary fromSample(long n, double mean, double std) {
        if (n == 0) {
            return EMPTY;
        }
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double half = tQuantile((int) n - 1) * std / Math.sqrt(n);
        return new Summary((int) n, mean, std, mean - half, mean + half);
    }

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile(int df) {
        return new TDistribution(df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** True when std and the interval are defined (n ≥ 2). */
    public boolean hasSpread() {
        return n >= 2;
    }
}
