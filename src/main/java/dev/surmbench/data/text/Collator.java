package dev.surmbench.data.text;

import java.util.Arrays;
import java.util.List;

/**
 * Pads tokenised texts into a {@link TokenBatch} (and examples into a {@link TextBatch}): to the
 * longest in the batch (dynamic padding), rounded up to a multiple if asked, or to any explicit
 * length at least that long. Real tokens are copied unchanged to the left (right padding), so
 * padding never changes their ids, types or mask. The one padding of the project.
 */
public final class Collator {

    private Collator() {}

    /** The length a batch is padded to: its longest row, rounded up to {@code multipleOf} (1 = none). */
    public static int paddedLength(List<EncodedText> rows, int multipleOf) {
        if (multipleOf < 1) {
            throw new IllegalArgumentException("multipleOf must be >= 1: " + multipleOf);
        }
        int longest = rows.stream().mapToInt(EncodedText::length).max().orElse(0);
        return (longest + multipleOf - 1) / multipleOf * multipleOf;
    }

    /** Pads {@code rows} of examples to {@code length} (at least the longest row) with {@code padId}. */
    public static TextBatch collate(List<EncodedText> rows, double[] targets, int[] exampleIndices, int length,
            long padId) {
        return new TextBatch(pad(rows, length, padId), targets.clone(), exampleIndices.clone());
    }

    /** Pads {@code rows} to {@code length} (at least the longest row) with {@code padId}. */
    public static TokenBatch pad(List<EncodedText> rows, int length, long padId) {
        long[][] ids = new long[rows.size()][length];
        long[][] types = new long[rows.size()][length];
        long[][] mask = new long[rows.size()][length];
        for (int r = 0; r < rows.size(); r++) {
            EncodedText row = rows.get(r);
            if (row.length() > length) {
                throw new IllegalArgumentException("row " + r + " has " + row.length()
                        + " tokens, more than the padded length " + length);
            }
            Arrays.fill(ids[r], padId);
            System.arraycopy(row.ids(), 0, ids[r], 0, row.length());
            System.arraycopy(row.typeIds(), 0, types[r], 0, row.length());
            Arrays.fill(mask[r], 0, row.length(), 1L);
        }
        return new TokenBatch(ids, types, mask);
    }
}
