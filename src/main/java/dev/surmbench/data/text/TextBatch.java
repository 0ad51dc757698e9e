package dev.surmbench.data.text;

/**
 * A padded batch as plain Java arrays (no NDArray, so this package does not depend on engine
 * state; a model converts them). All three matrices are {@code [batch][paddedLength]}: pad positions
 * hold the pad id, token type 0 and attention mask 0.
 *
 * @param inputIds token ids
 * @param tokenTypeIds token types (0 first sentence, 1 second)
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param targets per row: the class id (as a double) or the regression score
 * @param exampleIndices per row: the index of the example in the list given to the batcher
 */
public record TextBatch(long[][] inputIds, long[][] tokenTypeIds, long[][] attentionMask, double[] targets,
        int[] exampleIndices) {

    /** Rows in the batch. */
    public int size() {
        return inputIds.length;
    }

    /** The padded length (columns). */
    public int paddedLength() {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }

    /** The targets as class ids (for classification tasks). */
    public int[] labels() {
        int[] labels = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != Math.rint(targets[i])) {
                throw new IllegalStateException("row " + i + " has a regression score, not a class id: " + targets[i]);
            }
            labels[i] = (int) targets[i];
        }
        return labels;
    }

    /** The number of real (unpadded) tokens of row {@code row}. */
    public int realLength(int row) {
        int length = 0;
        for (long m : attentionMask[row]) {
            length += (int) m;
        }
        return length;
    }
}
