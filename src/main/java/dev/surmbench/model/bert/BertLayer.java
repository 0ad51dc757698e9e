package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.Intermediate;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.peft.AdapterPosition;

/**
 * One post-LayerNorm BERT layer: children {@code attention}, {@code intermediate}, {@code output}.
 * Inputs: hidden [B, T, d] and, when the batch has padding, an additive mask [B, 1, 1, T]; output:
 * (hidden [B, T, d], the mask if given).
 */
public final class BertLayer extends ModelBlock {
    private final BertAttention attention;
    private final Intermediate intermediate;
    private final BertSelfOutput output;

    public BertLayer(BertConfig c) {
        this.attention = addChildBlock("attention", new BertAttention(c));
        this.intermediate = addChildBlock("intermediate", new Intermediate(c.hiddenSize(), c.intermediateSize()));
        this.output = addChildBlock("output", new BertSelfOutput(c.intermediateSize(), c, AdapterPosition.FFN));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray a = attention.forward(store, inputs, training).head();
        NDArray f = intermediate.forward(store, new NDList(a), training).head();
        NDArray out = output.forward(store, new NDList(f, a), training).head();
        return inputs.size() > 1 ? new NDList(out, inputs.get(1)) : new NDList(out);
    }
}
