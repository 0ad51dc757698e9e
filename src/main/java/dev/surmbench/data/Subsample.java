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
        checkLimit(limit);
        if (limit >= examples.size()) {
            return List.copyOf(examples);
        }
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            if (example.isRegression()) {
                throw new IllegalArgumentException("stratified subsampling needs class labels; line "
                        + example.line() + " has a score");
            }
            byLabel.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(i);
        }
        int[] labels = byLabel.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] quota = largestRemainderQuota(labels, byLabel, limit, examples.size());
        List<Integer> chosen = new ArrayList<>(limit);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < labels.length; k++) {
            int[] members = byLabel.get(labels[k]).stream().mapToInt(Integer::intValue).toArray();
            shuffleInPlace(members, random.split());
            for (int j = 0; j < quota[k]; j++) {
                chosen.add(members[j]);
            }
        }
        return inFileOrder(examples, chosen);
    }

    /** {@code limit} examples drawn uniformly without replacement, in original order. */
    public static List<Example> uniform(List<Example> examples, int limit, long seed) {
        checkLimit(limit);
        if (limit >= examples.size()) {
            return List.copyOf(examples);
        }
        int[] order = permutation(examples.size(), seed);
        List<Integer> chosen = new ArrayList<>(limit);
        for (int j = 0; j < limit; j++) {
            chosen.add(order[j]);
        }
        return inFileOrder(examples, chosen);
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
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
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

    private static List<Example> inFileOrder(List<Example> examples, List<Integer> chosen) {
        return chosen.stream().sorted().map(examples::get).toList();
    }

    private static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a subsample limit must be positive, got " + limit);
        }
    }
}
