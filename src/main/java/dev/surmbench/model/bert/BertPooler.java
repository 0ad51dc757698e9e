package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.nn.Dense;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.ops.Scalars;

/**
 * BERT pooler: tanh(dense(s)) where s is h[:, 0] ({@link Pooling#CLS}, Hugging Face's) or the
 * attention-masked mean of h ({@link Pooling#MEAN}). Child {@code dense} [d → d]. Inputs: hidden
 * states [B, T, d] and attention mask [B, T]; output [B, d].
 */
public final class BertPooler extends ModelBlock {
    private final Dense dense;
    private final Pooling pooling;

    public BertPooler(int hidden, Pooling pooling) {
        this.dense = addChildBlock("dense", new Dense(hidden, hidden));
        this.pooling = pooling;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.head();
        NDArray summary;
        if (pooling == Pooling.MEAN) {
            NDArray mask = inputs.get(1).toType(hidden.getDataType(), false).expandDims(-1); // [B, T, 1]
            NDArray count = Scalars.maximum(mask.sum(new int[] {1}), 1f); // [B, 1]; padding-only rows cannot divide by 0
            summary = hidden.mul(mask).sum(new int[] {1}).div(count);
        } else {
            summary = hidden.get(new NDIndex(":, 0, :"));
        }
        return new NDList(dense.forward(store, new NDList(summary), training).head().tanh());
    }

}
