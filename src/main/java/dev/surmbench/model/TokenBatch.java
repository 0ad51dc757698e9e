package dev.surmbench.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Tokenised texts padded to the longest row: input ids, token type ids and attention mask
 * (1 token, 0 padding), each [B, T]; the inputs of a BERT-family model.
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

    public int size() {
        return inputIds.length;
    }

    /** Padded length T. */
    public int tokens() {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }

    /** Real (unpadded) tokens over all rows. */
    public long realTokens() {
        long n = 0;
        for (long[] row : attentionMask) {
            for (long m : row) {
                n += m;
            }
        }
        return n;
    }

    /** (input_ids, token_type_ids, attention_mask) as int64 arrays on {@code manager}. */
    public NDList toNDList(NDManager manager) {
        return new NDList(manager.create(inputIds), manager.create(tokenTypeIds), manager.create(attentionMask));
    }
}
