package dev.surmbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic subsampling ({@code train_limit}, {@code eval_limit}) and shuffling, driven only by
 * the seed: the same seed gives the same subset in the same order on every machine.
 *
 * <p>Subsets keep the examples' original (file) order; use {@link #shuffled} for a seeded order.
 */
public final class Subsample {

    private Subsample() {}

    /**
     * At most {@code limit} examples: stratified by label for classification examples, uniformly
     * at random for regression ones. {@code limit >= size} returns all examples.
     */
    public static List<Example> limit(List<Example> examples, int limit, long seed) {
        boolean regression = !examples.isEmpty() && examples.get(0).isRegression();
        return regression ? uniform(examples, limit, seed) : stratified(examples, limit, seed);
    }

    /**
     * A stratified subset of {@code limit} examples: each label gets {@code limit · n_label / n}
     * places, rounded by largest remainder (ties to the smaller label id), so class proportions
     * are kept as closely as whole numbers allow; the members of each class are drawn at random.
     */
    public static List<Example> stratified(List<Example> examples, int limit, long seed) {
        int[] labels = new int[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            Example example = examples.get(i);
            if (example.isRegression()) {
                throw new IllegalArgumentException("stratified subsampling needs class labels; line "
                        + example.line() + " has a score");
            }
            labels[i] = example.label();
        }
        return pick(examples, stratifiedIndices(labels, limit, seed));
    }

    /**
     * The sorted indices of a stratified subset of items with class {@code labels}; see {@link
     * #stratified}. Shared by text and image datasets.
     */
    public static int[] stratifiedIndices(int[] labels, int limit, long seed) {
        checkLimit(limit);
        if (limit >= labels.length) {
            return allIndices(labels.length);
        }
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        int[] classes = byLabel.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] quota = largestRemainderQuota(classes, byLabel, limit, labels.length);
        List<Integer> chosen = new ArrayList<>(limit);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < classes.length; k++) {
            int[] members = byLabel.get(classes[k]).stream().mapToInt(Integer::intValue).toArray();
            shuffleInPlace(members, random.split());
            for (int j = 0; j < quota[k]; j++) {
                chosen.add(members[j]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** {@code limit} examples drawn uniformly without replacement, in original order. */
    public static List<Example> uniform(List<Example> examples, int limit, long seed) {
        return pick(examples, uniformIndices(examples.size(), limit, seed));
    }

    /** The sorted indices of {@code limit} of {@code n} items drawn uniformly without replacement. */
    public static int[] uniformIndices(int n, int limit, long seed) {
        checkLimit(limit);
        if (limit >= n) {
            return allIndices(n);
        }
        int[] chosen = Arrays.copyOf(permutation(n, seed), limit);
        Arrays.sort(chosen);
        return chosen;
    }

    /** A seeded permutation of {@code items} (Fisher–Yates with {@link SplittableRandom}). */
    public static <T> List<T> shuffled(List<T> items, long seed) {
        int[] order = permutation(items.size(), seed);
        List<T> result = new ArrayList<>(items.size());
        for (int index : order) {
            result.add(items.get(index));
        }
        return result;
    }

    /** A seeded permutation of {@code 0..n-1}. */
    public static int[] permutation(int n, long seed) {
        int[] order = allIndices(n);
        shuffleInPlace(order, new SplittableRandom(seed));
        return order;
    }

    private static int[] largestRemainderQuota(int[] labels, TreeMap<Integer, List<Integer>> byLabel, int limit,
            int total) {
        int[] quota = new int[labels.length];
        long[] remainder = new long[labels.length];
        int assigned = 0;
        for (int k = 0; k < labels.length; k++) {
            long share = (long) limit * byLabel.get(labels[k]).size();
            quota[k] = (int) (share / total);
            remainder[k] = share % total;
            assigned += quota[k];
        }
        Integer[] byRemainder = new Integer[labels.length];
        Arrays.setAll(byRemainder, k -> k);
        Arrays.sort(byRemainder, Comparator.<Integer>comparingLong(k -> -remainder[k]).thenComparingInt(k -> k));
        for (int j = 0; assigned < limit; j++, assigned++) {
            quota[byRemainder[j]]++;
        }
        return quota;
    }

    private static void shuffleInPlace(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private static <T> List<T> pick(List<T> items, int[] sortedIndices) {
        List<T> picked = new ArrayList<>(sortedIndices.length);
        for (int index : sortedIndices) {
            picked.add(items.get(index));
        }
        return picked;
    }

    private static int[] allIndices(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a subsample limit must be positive, got " + limit);
        }
    }
}
