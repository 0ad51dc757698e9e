package dev.surmbench.report;

import dev.surmbench.report.stats.Difference;

/**
 * A SURM variant against its low-rank counterpart on one task (or on the GLUE average).
 *
 * @param scope the task name, or {@link #GLUE_AVERAGE}
 * @param variant the SURM row
 * @param counterpart the low-rank row ({@code lora} or {@code adapter})
 * @param diff variant − counterpart in points, paired by seed when possible
 * @param variantParams variant's trainable (stored) parameters, NaN when unknown
 * @param counterpartParams counterpart's trainable (stored) parameters, NaN when unknown
 */
public record PairComparison(String scope, MethodKey variant, MethodKey counterpart, Difference diff,
        double variantParams, double counterpartParams) {

    /** Scope name of comparisons made on the GLUE average. */
    public static final String GLUE_AVERAGE = "GLUE average";

    /** How many times fewer parameters the variant trains than the counterpart (NaN when unknown). */
    public double parameterRatio() {
        return variantParams > 0 && counterpartParams > 0 ? counterpartParams / variantParams : Double.NaN;
    }
}
