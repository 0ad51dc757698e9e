package dev.surmbench.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.ops.Scalars;

/**
 * Multi-head scaled dot-product self-attention with Hugging Face child names {@code query},
 * {@code key}, {@code value} (BERT's {@code attention.self}, ViT's {@code attention.attention}).
 *
 * <p>Inputs: hidden [B, T, d] and optionally an additive mask [B, 1, 1, T] (0 for kept keys, a
 * large negative number for padding; see {@link #additiveMask}). Output: context [B, T, d].
 * Scores are (q/√dₕ)·kᵀ per head [B, h, T, T] — the scale is applied to q, a quarter of the size of
 * the scores at T = 4·dₕ, so the largest tensors see one pass fewer forward and backward (the same
 * numbers as Hugging Face's (q·kᵀ)/√dₕ up to rounding; exactly the same where √dₕ is a power of
 * two) — then softmax over keys, dropout on the probabilities. Without a mask input (no padding in
 * the batch) no mask is added.
 */
public final class SelfAttention extends ModelBlock {
    private final int hidden;
    private final int heads;
    private final int headSize;
    private final float dropout;
    private final float scale;
    private final AdaptableLinear query;
    private final AdaptableLinear key;
    private final AdaptableLinear value;

    public SelfAttention(int hidden, int heads, boolean qkvBias, double attentionDropout) {
        if (heads <= 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of the number of attention heads " + heads);
        }
        this.hidden = hidden;
        this.heads = heads;
        this.headSize = hidden / heads;
        this.dropout = (float) attentionDropout;
        this.scale = (float) Math.sqrt(headSize);
        this.query = addChildBlock("query", new AdaptableLinear(hidden, hidden, qkvBias));
        this.key = addChildBlock("key", new AdaptableLinear(hidden, hidden, qkvBias));
        this.value = addChildBlock("value", new AdaptableLinear(hidden, hidden, qkvBias));
    }

    /**
     * Hugging Face's extended attention mask: (1 − mask)·(−FLT_MAX) shaped [B, 1, 1, T] from a
     * [B, T] mask of ones (tokens) and zeros (padding).
     */
    public static NDArray additiveMask(NDArray attentionMask) {
        NDArray m = attentionMask.toType(DataType.FLOAT32, false).expandDims(1).expandDims(1);
        return Scalars.mul(Scalars.add(m.neg(), 1f), -Float.MAX_VALUE);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDArray q = heads(Scalars.div(query.forward(store, new NDList(x), training).head(), scale), batch, tokens);
        NDArray k = heads(key.forward(store, new NDList(x), training).head(), batch, tokens);
        NDArray v = heads(value.forward(store, new NDList(x), training).head(), batch, tokens);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (inputs.size() > 1) {
            scores = scores.add(inputs.get(1));
        }
        NDArray probs = scores.softmax(-1);
        if (dropout > 0 && training) {
            probs = Dropout.apply(probs, dropout, true);
        }
        NDArray context = probs.matMul(v).transpose(0, 2, 1, 3).reshape(batch, tokens, hidden);
        return new NDList(context);
    }

    private NDArray heads(NDArray x, long batch, long tokens) {
        return x.reshape(batch, tokens, heads, headSize).transpose(0, 2, 1, 3);
    }
}
