package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.Dense;
import dev.surmbench.model.nn.ModelBlock;

/** BERT pooler: tanh(dense(h[:, 0])). Child {@code dense} [d → d]. Input [B, T, d]; output [B, d]. */
public final class BertPooler extends ModelBlock {
    private final Dense dense;

    public BertPooler(int hidden) {
        this.dense = addChildBlock("dense", new Dense(hidden, hidden));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray cls = inputs.head().get(new NDIndex(":, 0, :"));
        return new NDList(dense.forward(store, new NDList(cls), training).head().tanh());
    }
}
