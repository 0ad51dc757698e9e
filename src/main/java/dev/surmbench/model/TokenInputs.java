package dev.surmbench.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.surmbench.data.text.TokenBatch;

/** A text encoder's inputs: a padded {@link TokenBatch} on the engine. */
public final class TokenInputs {
    private TokenInputs() {}

    /** (input_ids, token_type_ids, attention_mask) as int64 [B, T] arrays on {@code manager}. */
    public static NDList of(TokenBatch batch, NDManager manager) {
        return new NDList(manager.create(batch.inputIds()), manager.create(batch.tokenTypeIds()),
                manager.create(batch.attentionMask()));
    }
}
