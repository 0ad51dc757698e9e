package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.model.nn.SelfAttention;
import dev.surmbench.peft.AdapterPosition;

/**
 * BERT attention sublayer: children {@code self} ({@link SelfAttention}) and {@code output}
 * ({@link BertSelfOutput}). Inputs: hidden [B, T, d], additive mask [B, 1, 1, T]; output [B, T, d].
 */
public final class BertAttention extends ModelBlock {
    private final SelfAttention self;
    private final BertSelfOutput output;

    public BertAttention(BertConfig c) {
        this.self = addChildBlock("self", new SelfAttention(c.hiddenSize(), c.numAttentionHeads(), true, c.attentionProbsDropoutProb()));
        this.output = addChildBlock("output", new BertSelfOutput(c.hiddenSize(), c, AdapterPosition.ATTENTION));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.get(0);
        NDArray context = self.forward(store, inputs, training).head();
        return output.forward(store, new NDList(context, hidden), training);
    }
}
