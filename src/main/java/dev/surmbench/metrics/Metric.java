package dev.surmbench.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The metrics a user can name ({@code accuracy, f1, mcc, pearson, spearman}); the names are defined
 * here once and used by configuration files, reports and the CLI.
 *
 * <p>{@link #compute(double[], double[])} gives every metric one signature: classification metrics
 * read the values as class ids (they must be whole numbers), correlation metrics as real numbers.
 */
public enum Metric {
    ACCURACY("accuracy", false),
    F1("f1", false),
    MCC("mcc", false),
    PEARSON("pearson", true),
    SPEARMAN("spearman", true);

    private final String userName;
    private final boolean continuous;

    Metric(String userName, boolean continuous) {
        this.userName = userName;
        this.continuous = continuous;
    }

    /** The name users type and reports print. */
    public String userName() {
        return userName;
    }

    /** Computes this metric; see {@link Metrics} for the degenerate-input rules. */
    public double compute(double[] predictions, double[] references) {
        return switch (this) {
            case ACCURACY -> Metrics.accuracy(classIds(predictions), classIds(references));
            case F1 -> Metrics.f1(classIds(predictions), classIds(references));
            case MCC -> Metrics.matthews(classIds(predictions), classIds(references));
            case PEARSON -> Metrics.pearson(predictions, references);
            case SPEARMAN -> Metrics.spearman(predictions, references);
        };
    }

    /** Parses a user-typed name (case-insensitive; {@code matthews} is accepted for {@code mcc}). */
    public static Metric fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("matthews") || key.equals("matthews_correlation")) {
            return MCC;
        }
        for (Metric metric : values()) {
            if (metric.userName.equals(key)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; known: "
                + Arrays.stream(values()).map(Metric::userName).collect(Collectors.joining(", ")));
    }

    private static int[] classIds(double[] values) {
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        "a classification metric needs whole class ids, got " + v + " at index " + i);
            }
            ids[i] = (int) v;
        }
        return ids;
    }
}
