package dev.surmbench.data.text;

/**
 * A padded batch of examples: their tokens ({@link TokenBatch}) with, per row, the target and the
 * example it came from.
 *
 * @param tokens the padded ids, token types and attention mask
 * @param targets per row: the class id (as a double) or the regression score
 * @param exampleIndices per row: the index of the example in the list given to the batcher
 */
public record TextBatch(TokenBatch tokens, double[] targets, int[] exampleIndices) {

    public TextBatch {
        if (targets.length != tokens.size() || exampleIndices.length != tokens.size()) {
            throw new IllegalArgumentException("one target and one index per row expected");
        }
    }

    /** Rows in the batch. */
    public int size() {
        return tokens.size();
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
}
