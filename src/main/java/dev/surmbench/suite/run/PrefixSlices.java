package dev.surmbench.suite.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.surmbench.data.text.EncodedText;
import dev.surmbench.model.ClassificationModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * How one activation-cache entry is computed, cut into slices that several processes can share.
 *
 * <p>The examples are sorted by token count (then by position in the list) and cut into <em>groups</em>
 * of up to {@code group} examples of one length, so no group is padded; the groups, in that order, are
 * cut into at most {@code slices} contiguous <em>slices</em> of about equal token counts. A group's
 * states depend on nothing but its own examples (and on the thread count, which is part of the entry's
 * key), so a slice comes out as the same floats whichever process computes it, and slices computed by
 * different processes put together are the entry one process would have computed alone.
 *
 * <p>States are laid out example by example in list order ({@link PrefixStates}); a slice's own states,
 * as stored in its part file, are its examples' in sorted order ({@link #extract}, {@link #insert}).
 */
final class PrefixSlices {
    private final List<EncodedText> examples;
    private final int dim;
    private final int[] lengths;
    private final int[] offsets;
    /** Example indices sorted by (length, index). */
    private final int[] order;
    /** Group g covers {@code order[groupStarts[g] .. groupStarts[g + 1])}. */
    private final int[] groupStarts;
    /** Slice s covers groups {@code [sliceStarts[s], sliceStarts[s + 1])}. */
    private final int[] sliceStarts;

    private PrefixSlices(List<EncodedText> examples, int dim, int[] lengths, int[] order, int[] groupStarts,
                         int[] sliceStarts) {
        this.examples = examples;
        this.dim = dim;
        this.lengths = lengths;
        this.offsets = PrefixStates.offsetsOf(lengths);
        this.order = order;
        this.groupStarts = groupStarts;
        this.sliceStarts = sliceStarts;
    }

    /** The layout of {@code examples} with hidden size {@code dim}: groups of up to {@code group}, at most {@code slices} slices. */
    static PrefixSlices of(List<EncodedText> examples, int dim, int group, int slices) {
        int[] lengths = examples.stream().mapToInt(EncodedText::length).toArray();
        Integer[] boxed = new Integer[lengths.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.<Integer>comparingInt(i -> lengths[i]).thenComparingInt(i -> i));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        List<Integer> groups = new ArrayList<>();
        for (int start = 0; start < order.length; ) {
            groups.add(start);
            int end = start;
            while (end < order.length && end - start < group && lengths[order[end]] == lengths[order[start]]) {
                end++;
            }
            start = end;
        }
        groups.add(order.length);
        int[] groupStarts = groups.stream().mapToInt(Integer::intValue).toArray();
        long total = Arrays.stream(lengths).asLongStream().sum();
        List<Integer> cuts = new ArrayList<>(List.of(0));
        long tokens = 0;
        for (int g = 0; g + 1 < groupStarts.length; g++) {
            tokens += (long) lengths[order[groupStarts[g]]] * (groupStarts[g + 1] - groupStarts[g]);
            // cut after the group that reaches the next equal share of the tokens
            if (g + 2 < groupStarts.length && tokens * slices >= (long) cuts.size() * total && cuts.size() < slices) {
                cuts.add(g + 1);
            }
        }
        cuts.add(groupStarts.length - 1);
        return new PrefixSlices(examples, dim, lengths, order, groupStarts,
                cuts.stream().mapToInt(Integer::intValue).distinct().toArray());
    }

    /** Number of slices (0 for no examples). */
    int count() {
        return sliceStarts.length - 1;
    }

    /** Examples in slice {@code s}. */
    int examples(int s) {
        return groupStarts[sliceStarts[s + 1]] - groupStarts[sliceStarts[s]];
    }

    /** Tokens in slice {@code s}. */
    long tokens(int s) {
        long tokens = 0;
        for (int i = groupStarts[sliceStarts[s]]; i < groupStarts[sliceStarts[s + 1]]; i++) {
            tokens += lengths[order[i]];
        }
        return tokens;
    }

    /** A zeroed {@code [tokens, dim]} array for the whole entry. */
    float[] newData() {
        long tokens = Arrays.stream(lengths).asLongStream().sum();
        return new float[Math.toIntExact(tokens * dim)];
    }

    /** The whole entry, once every slice of {@code data} is filled. */
    PrefixStates states(float[] data) {
        return new PrefixStates(dim, offsets, lengths, data);
    }

    /**
     * Runs the prefix on slice {@code s}'s groups (evaluation mode, no padding) and writes their states
     * into {@code data}; {@code afterGroup} gets the number of examples done so far in the slice.
     */
    void compute(int s, ClassificationModel model, int entryLayer, float[] data, IntConsumer afterGroup) {
        int first = groupStarts[sliceStarts[s]];
        for (int g = sliceStarts[s]; g < sliceStarts[s + 1]; g++) {
            int start = groupStarts[g];
            int rows = groupStarts[g + 1] - start;
            int length = lengths[order[start]];
            long[] ids = new long[rows * length];
            long[] types = new long[rows * length];
            long[] mask = new long[rows * length];
            Arrays.fill(mask, 1);
            for (int r = 0; r < rows; r++) {
                EncodedText e = examples.get(order[start + r]);
                System.arraycopy(e.ids(), 0, ids, r * length, length);
                System.arraycopy(e.typeIds(), 0, types, r * length, length);
            }
            try (NDManager scope = model.manager().newSubManager()) {
                Shape shape = new Shape(rows, length);
                NDArray hidden = model.hiddenStatesBefore(new NDList(scope.create(ids, shape), scope.create(types, shape),
                        scope.create(mask, shape)), entryLayer);
                float[] values = hidden.toFloatArray();
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(values, r * length * dim, data, offsets[order[start + r]] * dim, length * dim);
                }
            }
            afterGroup.accept(groupStarts[g + 1] - first);
        }
    }

    /** Slice {@code s}'s states out of {@code data}: its examples in sorted order, {@code [tokens(s), dim]}. */
    float[] extract(int s, float[] data) {
        float[] part = new float[Math.toIntExact(tokens(s) * dim)];
        int at = 0;
        for (int i = groupStarts[sliceStarts[s]]; i < groupStarts[sliceStarts[s + 1]]; i++) {
            int n = lengths[order[i]] * dim;
            System.arraycopy(data, offsets[order[i]] * dim, part, at, n);
            at += n;
        }
        return part;
    }

    /** The inverse of {@link #extract}: puts slice {@code s}'s states {@code part} into {@code data}. */
    void insert(int s, float[] part, float[] data) {
        if (part.length != tokens(s) * dim) {
            throw new IllegalArgumentException("slice " + s + " holds " + tokens(s) * dim + " values, got " + part.length);
        }
        int at = 0;
        for (int i = groupStarts[sliceStarts[s]]; i < groupStarts[sliceStarts[s + 1]]; i++) {
            int n = lengths[order[i]] * dim;
            System.arraycopy(part, at, data, offsets[order[i]] * dim, n);
            at += n;
        }
    }
}
