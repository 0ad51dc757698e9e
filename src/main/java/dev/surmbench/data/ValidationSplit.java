package dev.surmbench.data;

import dev.surmbench.util.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A validation split carved from a task's training set, the same way for every task domain (GLUE
 * text, images): the examples a run selects its epoch on, never trained on, so the dev (or test) set
 * stays held out. Drawn from its own seed ({@code Seeds.derive(seed, "validation")}) and never from a
 * run's seed, so every method and every run seed selects on the same examples.
 *
 * <p><b>Size.</b> {@code size} 0 is no split; a fraction in (0, 1) is that share of the whole training
 * set, rounded, at least one; a whole number ≥ 1 is a count (for large sets: SST-2's 67,349). At least
 * one training example must remain. The size never depends on {@code train_limit}, so runs with other
 * limits (a tuning's reduced trials, the final runs) select on the very same examples.
 *
 * <p><b>Order of operations.</b> The split is carved from the <em>whole</em> training set first; a
 * {@code train_limit} then subsamples the rest (per run seed). Carving first keeps the validation
 * examples independent of the run seed and of the limit, and no seed's training subset can contain
 * one of them.
 *
 * <p><b>Stratification.</b> By class for classification ({@link Subsample#stratifiedIndices}); for
 * regression by {@value #REGRESSION_BINS} quantile bins of the target (rank order, ties by position),
 * so the validation scores span the training distribution.
 *
 * @param size 0 (none), a fraction in (0, 1), or a whole count ≥ 1
 * @param seed the split's own seed
 */
public record ValidationSplit(double size, long seed) {
    /** No validation split: runs select their epoch on the dev set (the paper protocol). */
    public static final ValidationSplit NONE = new ValidationSplit(0, 0);
    /** Quantile bins a regression target is stratified by. */
    public static final int REGRESSION_BINS = 10;

    public ValidationSplit {
        if (!(size >= 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("validation must be 0 (none), a fraction in (0, 1) or a count ≥ 1, got " + size);
        }
        if (size >= 1 && size != Math.rint(size)) {
            throw new IllegalArgumentException("validation must be a fraction below 1 or a whole count, got " + size);
        }
    }

    /** True when there is no split. */
    public boolean isNone() {
        return size == 0;
    }

    /**
     * How many of {@code n} training examples are carved off; 0 without a split.
     *
     * @throws IllegalArgumentException when no training example would remain
     */
    public int count(int n) {
        if (isNone()) {
            return 0;
        }
        int count = size < 1 ? (int) Math.max(1, Math.round(size * n)) : (int) size;
        if (count >= n) {
            throw new IllegalArgumentException("a validation split of " + count + " leaves none of the " + n
                    + " training examples to train on; make 'validation' smaller");
        }
        return count;
    }

    /** The sorted indices of the validation items among items of class (or bin) {@code strata}. */
    public int[] indices(int[] strata) {
        int count = count(strata.length);
        return count == 0 ? new int[0] : Subsample.stratifiedIndices(strata, count, Seeds.derive(seed, "validation"));
    }

    /** {@code items} split into training and validation items, each in original order. */
    public <T> Carved<T> carve(List<T> items, int[] strata) {
        boolean[] held = new boolean[items.size()];
        for (int i : indices(strata)) {
            held[i] = true;
        }
        List<T> train = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (held[i] ? validation : train).add(items.get(i));
        }
        return new Carved<>(train, validation);
    }

    /** Text examples split: stratified by label, or by quantile bins of the score for regression. */
    public Carved<Example> carve(List<Example> examples) {
        boolean regression = !examples.isEmpty() && examples.get(0).isRegression();
        int[] strata = regression
                ? quantileBins(examples.stream().mapToDouble(Example::score).toArray(), REGRESSION_BINS)
                : examples.stream().mapToInt(Example::label).toArray();
        return carve(examples, strata);
    }

    /** Each value's quantile bin in {@code [0, bins)}: its rank (ties by position) times bins over n. */
    public static int[] quantileBins(double[] values, int bins) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> values[i]).thenComparingInt(i -> i));
        int[] bin = new int[values.length];
        for (int rank = 0; rank < order.length; rank++) {
            bin[order[rank]] = (int) ((long) rank * bins / order.length);
        }
        return bin;
    }

    /** A training set split in two, each part in original order. */
    public record Carved<T>(List<T> train, List<T> validation) {
        public Carved {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }
    }
}
