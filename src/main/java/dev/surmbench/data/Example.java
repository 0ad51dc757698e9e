package dev.surmbench.data;

import java.util.Objects;

/**
 * One labelled text example: a single sentence ({@code textB == null}) or a sentence pair, with
 * either a class id (classification) or a real score (regression, e.g. STS-B's 0–5 similarity).
 *
 * @param textA first (or only) sentence, exactly as in the file
 * @param textB second sentence of a pair, or {@code null}
 * @param label class id in {@code [0, numLabels)}, or {@link #NO_LABEL} for regression
 * @param score the regression target, or {@code NaN} for classification
 * @param line 1-based line of the example in its source file (for error messages and tracing)
 */
public record Example(String textA, String textB, int label, double score, long line) {

    /** The {@link #label()} of a regression example. */
    public static final int NO_LABEL = -1;

    public Example {
        Objects.requireNonNull(textA, "textA");
        if ((label == NO_LABEL) == Double.isNaN(score)) {
            throw new IllegalArgumentException("an example has either a class label or a score: label="
                    + label + ", score=" + score);
        }
    }

    /** A classification example. */
    public static Example classified(String textA, String textB, int label, long line) {
        if (label < 0) {
            throw new IllegalArgumentException("class label must be >= 0: " + label);
        }
        return new Example(textA, textB, label, Double.NaN, line);
    }

    /** A regression example. */
    public static Example scored(String textA, String textB, double score, long line) {
        return new Example(textA, textB, NO_LABEL, score, line);
    }

    /** True for a sentence pair. */
    public boolean isPair() {
        return textB != null;
    }

    /** True when this example carries a regression score instead of a class. */
    public boolean isRegression() {
        return label == NO_LABEL;
    }

    /** The training target as a number: the class id, or the score. */
    public double target() {
        return isRegression() ? score : label;
    }
}
