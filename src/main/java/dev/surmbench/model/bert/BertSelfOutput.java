package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.LayerNorm;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.AdapterPosition;
import dev.surmbench.peft.AdapterSlot;

/**
 * The projection after a sublayer with its post-LayerNorm residual: LayerNorm(adapter(dropout(
 * dense(h))) + residual). Used as {@code attention.output} (position ATTENTION, d → d) and as the
 * feed-forward {@code output} (position FFN, intermediate → d). Children {@code dense},
 * {@code adapter}, {@code LayerNorm}. Inputs: h [B, T, in], residual [B, T, d]; output [B, T, d].
 */
public final class BertSelfOutput extends ModelBlock {
    private final AdaptableLinear dense;
    private final AdapterSlot adapter;
    private final LayerNorm norm;
    private final float dropout;

    public BertSelfOutput(int in, BertConfig c, AdapterPosition position) {
        this.dense = addChildBlock("dense", new AdaptableLinear(in, c.hiddenSize(), true));
        this.adapter = addChildBlock("adapter", new AdapterSlot(position, c.hiddenSize()));
        this.norm = addChildBlock("LayerNorm", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
        this.dropout = (float) c.hiddenDropoutProb();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = dense.forward(store, new NDList(inputs.get(0)), training).head();
        if (dropout > 0 && training) {
            h = Dropout.apply(h, dropout, true);
        }
        h = adapter.forward(store, new NDList(h), training).head();
        return norm.forward(store, new NDList(h.add(inputs.get(1))), training);
    }
}
