package dev.surmbench.data.text;

/**
 * Tokenised texts padded to one length: input ids, token type ids and attention mask, each {@code
 * [batch][paddedLength]} — the inputs of a BERT-family model, as plain Java arrays (no NDArray; the
 * model side converts them). Pad positions hold the pad id, token type 0 and attention mask 0.
 *
 * @param inputIds token ids
 * @param tokenTypeIds token types (0 first sentence, 1 second)
 * @param attentionMask 1 for real tokens, 0 for padding
 */
public record TokenBatch(long[][] inputIds, long[][] tokenTypeIds, long[][] attentionMask) {

    public TokenBatch {
        if (inputIds.length != tokenTypeIds.length || inputIds.length != attentionMask.length) {
            throw new IllegalArgumentException("ids, type ids and mask must have the same number of rows");
        }
        for (int i = 0; i < inputIds.length; i++) {
            int t = inputIds[0].length;
            if (inputIds[i].length != t || tokenTypeIds[i].length != t || attentionMask[i].length != t) {
                throw new IllegalArgumentException("row " + i + " is not padded to " + t + " tokens");
            }
        }
    }

    /** Rows in the batch. */
    public int size() {
        return inputIds.length;
    }

    /** The padded length (columns). */
    public int paddedLength() {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }

    /** The number of real (unpadded) tokens of row {@code row}. */
    public int realLength(int row) {
        int length = 0;
        for (long m : attentionMask[row]) {
            length += (int) m;
        }
        return length;
    }

    /** Real (unpadded) tokens over all rows. */
    public long realTokens() {
        long n = 0;
        for (int row = 0; row < size(); row++) {
            n += realLength(row);
        }
        return n;
    }
}
