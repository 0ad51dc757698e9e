package dev.surmbench.data.text;

import dev.surmbench.data.Example;
import dev.surmbench.data.Subsample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Deterministic batches of tokenised examples. Training order is a permutation driven only by
 * {@code seed} and the epoch number; evaluation keeps the examples' order. Each batch is padded to
 * its own longest row (dynamic padding). With length bucketing, each window of {@value
 * #BUCKET_WINDOW} batches' worth of shuffled examples is sorted by length before it is cut into
 * batches, and the batch order is then shuffled, so batches hold similar lengths and pad less.
 */
public final class TextBatcher {

    /** Batches per bucketing window. */
    public static final int BUCKET_WINDOW = 50;

    private final List<EncodedText> encoded;
    private final double[] targets;
    private final long padId;
    private final int batchSize;
    private final boolean bucketByLength;
    private final int padToMultipleOf;

    /**
     * @param encoded the tokenised examples ({@link TextTokenizer#encodeAll})
     * @param examples the same examples, for their targets
     * @param padId the tokenizer's {@link TextTokenizer#padId()}
     * @param batchSize rows per batch (the last batch may be smaller)
     * @param bucketByLength group similar lengths in training batches
     * @param padToMultipleOf round each batch's padded length up to a multiple of this (1 = none)
     */
    public TextBatcher(List<EncodedText> encoded, List<Example> examples, long padId, int batchSize,
            boolean bucketByLength, int padToMultipleOf) {
        if (encoded.size() != examples.size()) {
            throw new IllegalArgumentException("one encoding per example expected: " + encoded.size() + " vs "
                    + examples.size());
        }
        if (batchSize < 1 || padToMultipleOf < 1) {
            throw new IllegalArgumentException("batchSize and padToMultipleOf must be >= 1");
        }
        this.encoded = List.copyOf(encoded);
        this.targets = examples.stream().mapToDouble(Example::target).toArray();
        this.padId = padId;
        this.batchSize = batchSize;
        this.bucketByLength = bucketByLength;
        this.padToMultipleOf = padToMultipleOf;
    }

    /** Tokenises {@code examples} and batches them without bucketing or rounding. */
    public static TextBatcher of(TextTokenizer tokenizer, List<Example> examples, int batchSize) {
        return new TextBatcher(tokenizer.encodeAll(examples), examples, tokenizer.padId(), batchSize, false, 1);
    }

    /** Number of examples. */
    public int size() {
        return encoded.size();
    }

    /** The training batches of {@code epoch} (0-based) for {@code seed}. */
    public List<TextBatch> trainingEpoch(long seed, int epoch) {
        long epochSeed = seed * 0x9E3779B97F4A7C15L + epoch;
        int[] order = Subsample.permutation(encoded.size(), epochSeed);
        if (!bucketByLength) {
            return batches(order);
        }
        int window = batchSize * BUCKET_WINDOW;
        List<int[]> chunks = new ArrayList<>();
        for (int start = 0; start < order.length; start += window) {
            Integer[] slice = Arrays.stream(order, start, Math.min(order.length, start + window)).boxed()
                    .toArray(Integer[]::new);
            Arrays.sort(slice, Comparator.comparingInt(i -> encoded.get(i).length())); // stable
            for (int b = 0; b < slice.length; b += batchSize) {
                chunks.add(Arrays.stream(slice, b, Math.min(slice.length, b + batchSize)).mapToInt(Integer::intValue)
                        .toArray());
            }
        }
        List<int[]> shuffled = Subsample.shuffled(chunks, epochSeed ^ 0x5DEECE66DL);
        return shuffled.stream().map(this::batch).toList();
    }

    /**
     * Batches of similar lengths for evaluation: examples sorted by token count (ties in example
     * order), cut into batches. Scores are order-free (each row's prediction stays paired with its
     * target), and a batch of similar lengths carries far less padding than one in file order.
     */
    public List<TextBatch> byLength() {
        Integer[] order = new Integer[encoded.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).length())); // stable
        return batches(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }

    /** Batches in example order (for evaluation). */
    public List<TextBatch> inOrder() {
        int[] order = new int[encoded.size()];
        Arrays.setAll(order, i -> i);
        return batches(order);
    }

    private List<TextBatch> batches(int[] order) {
        List<TextBatch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(batch(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize))));
        }
        return batches;
    }

    private TextBatch batch(int[] indices) {
        List<EncodedText> rows = new ArrayList<>(indices.length);
        double[] batchTargets = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows.add(encoded.get(indices[i]));
            batchTargets[i] = targets[indices[i]];
        }
        return Collator.collate(rows, batchTargets, indices, Collator.paddedLength(rows, padToMultipleOf), padId);
    }
}
