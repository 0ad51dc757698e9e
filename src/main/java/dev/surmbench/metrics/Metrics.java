package dev.surmbench.metrics;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The evaluation statistics of the benchmark as pure functions over plain arrays.
 *
 * <p>Degenerate inputs never throw; they follow these documented rules so that a diverged or
 * collapsed run still produces a number that reports can show:
 *
 * <ul>
 *   <li><b>F1</b> (binary, positive class 1): when {@code 2·TP + FP + FN = 0} (no positive in
 *       either predictions or references) F1 is {@code 0.0}, as scikit-learn's {@code
 *       zero_division=0}.
 *   <li><b>MCC</b>: when the denominator is zero (a constant prediction or constant references)
 *       the coefficient is {@code 0.0}, as scikit-learn.
 *   <li><b>Pearson / Spearman</b>: the correlation is {@code NaN} when it is undefined — fewer
 *       than two pairs, a side with zero variance (after ranking, for Spearman), or any
 *       non-finite value — as SciPy returns NaN for constant input.
 * </ul>
 *
 * <p>What does throw ({@link IllegalArgumentException}): arrays of different lengths, empty
 * arrays, and negative class ids; these are caller bugs, not model behaviour.
 */
public final class Metrics {

    private Metrics() {}

    /** Fraction of positions where prediction equals reference. */
    public static double accuracy(int[] predictions, int[] references) {
        checkShapes(predictions.length, references.length);
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] == references[i]) {
                correct++;
            }
        }
        return (double) correct / predictions.length;
    }

    /** Binary F1 of class 1 ({@code 2TP / (2TP + FP + FN)}); 0.0 when the denominator is zero. */
    public static double f1(int[] predictions, int[] references) {
        checkShapes(predictions.length, references.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predictions.length; i++) {
            boolean predicted = predictions[i] == 1;
            boolean actual = references[i] == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            }
        }
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : (2.0 * tp) / denominator;
    }

    /**
     * Matthews correlation coefficient, in its multi-class form (Gorodkin 2004), which equals the
     * binary formula {@code (TP·TN − FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN))} for two classes.
     * 0.0 when the denominator is zero.
     */
    public static double matthews(int[] predictions, int[] references) {
        checkShapes(predictions.length, references.length);
        int classes = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] < 0 || references[i] < 0) {
                throw new IllegalArgumentException("class ids must be >= 0, got " + predictions[i]
                        + " / " + references[i] + " at index " + i);
            }
            classes = Math.max(classes, Math.max(predictions[i], references[i]) + 1);
        }
        long[] predictedCount = new long[classes];
        long[] trueCount = new long[classes];
        long correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            predictedCount[predictions[i]]++;
            trueCount[references[i]]++;
            if (predictions[i] == references[i]) {
                correct++;
            }
        }
        double samples = predictions.length;
        double sumPT = 0;
        double sumPP = 0;
        double sumTT = 0;
        for (int k = 0; k < classes; k++) {
            sumPT += (double) predictedCount[k] * trueCount[k];
            sumPP += (double) predictedCount[k] * predictedCount[k];
            sumTT += (double) trueCount[k] * trueCount[k];
        }
        double covariance = correct * samples - sumPT;
        double denominator = Math.sqrt((samples * samples - sumPP) * (samples * samples - sumTT));
        return denominator == 0 ? 0.0 : covariance / denominator;
    }

    /** Pearson's r (Commons Math); NaN when undefined, see the class comment. */
    public static double pearson(double[] predictions, double[] references) {
        checkShapes(predictions.length, references.length);
        if (!correlationDefined(predictions, references)) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(predictions, references);
    }

    /**
     * Spearman's rho with average ranks for ties (Commons Math, {@link TiesStrategy#AVERAGE}), i.e.
     * Pearson's r of the two rank vectors; NaN when undefined, see the class comment. −0.0 and 0.0
     * are one value (a tie), as in SciPy: Commons Math ranks with {@code Double.compare}, which orders
     * −0.0 before 0.0, so signed zeros are made positive first.
     */
    public static double spearman(double[] predictions, double[] references) {
        checkShapes(predictions.length, references.length);
        if (!correlationDefined(predictions, references)) {
            return Double.NaN;
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        return new SpearmansCorrelation(ranking).correlation(withoutNegativeZero(predictions),
                withoutNegativeZero(references));
    }

    /** A copy with −0.0 replaced by 0.0 (adding 0.0 does exactly that and changes no other value). */
    private static double[] withoutNegativeZero(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + 0.0;
        }
        return out;
    }

    private static boolean correlationDefined(double[] x, double[] y) {
        return x.length >= 2 && allFinite(x) && allFinite(y) && !isConstant(x) && !isConstant(y);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void checkShapes(int predictions, int references) {
        if (predictions != references) {
            throw new IllegalArgumentException(
                    "predictions and references differ in length: " + predictions + " vs " + references);
        }
        if (predictions == 0) {
            throw new IllegalArgumentException("cannot evaluate an empty set of predictions");
        }
    }
}
