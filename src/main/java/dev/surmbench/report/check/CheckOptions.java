package dev.surmbench.report.check;

/**
 * Suite-wide limits of the regression check; a baseline row's own {@code tolerance} and {@code
 * min_throughput_ratio} take precedence.
 *
 * @param tolerance allowed drop in points for every row without its own; NaN: max(2 × baseline std, 1 point)
 * @param minThroughputRatio smallest allowed ours ÷ baseline training throughput; NaN: throughput only
 *     checked on rows that declare a ratio
 */
public record CheckOptions(double tolerance, double minThroughputRatio) {
    /** The default point floor of the tolerance rule. */
    public static final double MIN_TOLERANCE = 1.0;

    public static final CheckOptions DEFAULTS = new CheckOptions(Double.NaN, Double.NaN);

    public CheckOptions {
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must be ≥ 0 points, got " + tolerance);
        }
        if (minThroughputRatio <= 0) {
            throw new IllegalArgumentException("throughput ratio must be > 0, got " + minThroughputRatio);
        }
    }
}
