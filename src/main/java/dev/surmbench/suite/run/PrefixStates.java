package dev.surmbench.suite.run;

/**
 * The frozen prefix's output for a list of examples: the hidden states entering the first adapted
 * layer, each example at its real length (no padding), concatenated. Example {@code i} occupies
 * rows {@code [offset(i), offset(i) + length(i))} of a {@code [tokens, dim]} row-major matrix.
 *
 * @param dim hidden size d
 * @param offsets first row of each example
 * @param lengths tokens of each example
 * @param data {@code [tokens, dim]} float32, row-major
 */
record PrefixStates(int dim, int[] offsets, int[] lengths, float[] data) {

    PrefixStates {
        if (offsets.length != lengths.length) {
            throw new IllegalArgumentException("one offset per length expected");
        }
        long rows = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (offsets[i] != rows) {
                throw new IllegalArgumentException("example " + i + " does not follow the one before it");
            }
            rows += lengths[i];
        }
        if (rows * dim != data.length) {
            throw new IllegalArgumentException(rows + " rows of " + dim + " need " + rows * dim + " values, got " + data.length);
        }
    }

    /** Offsets for examples of these lengths, laid out one after another. */
    static int[] offsetsOf(int[] lengths) {
        int[] offsets = new int[lengths.length];
        int row = 0;
        for (int i = 0; i < lengths.length; i++) {
            offsets[i] = row;
            row = Math.addExact(row, lengths[i]);
        }
        return offsets;
    }

    int size() {
        return lengths.length;
    }

    /** Bytes held, for the memory budget. */
    long bytes() {
        return 4L * data.length;
    }

    /**
     * Writes example {@code example}'s states into row {@code row} of a zero-padded batch
     * {@code [batch, paddedLength, dim]} held in {@code out}.
     */
    void copyInto(int example, float[] out, int row, int paddedLength) {
        int length = lengths[example];
        if (length > paddedLength) {
            throw new IllegalArgumentException("example of " + length + " tokens does not fit a batch padded to " + paddedLength);
        }
        System.arraycopy(data, offsets[example] * dim, out, row * paddedLength * dim, length * dim);
    }
}
