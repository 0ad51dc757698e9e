package dev.surmbench.model.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.Intermediate;
import dev.surmbench.model.nn.LayerNorm;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.model.nn.SelfAttention;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.AdapterPosition;
import dev.surmbench.peft.AdapterSlot;

/**
 * One pre-LayerNorm ViT layer with Hugging Face names: children {@code attention}
 * ({@code attention.attention.query|key|value}, {@code attention.output.dense|adapter}),
 * {@code intermediate.dense}, {@code output.dense|adapter}, {@code layernorm_before},
 * {@code layernorm_after}. a = x + attn(LN₁(x)); out = a + ffn(LN₂(a)). Input/output [B, N+1, d].
 */
public final class VitLayer extends ModelBlock {
    private final Attention attention;
    private final Intermediate intermediate;
    private final Projection output;
    private final LayerNorm before;
    private final LayerNorm after;

    public VitLayer(VitConfig c) {
        this.attention = addChildBlock("attention", new Attention(c));
        this.intermediate = addChildBlock("intermediate", new Intermediate(c.hiddenSize(), c.intermediateSize()));
        this.output = addChildBlock("output", new Projection(c.intermediateSize(), c, AdapterPosition.FFN));
        this.before = addChildBlock("layernorm_before", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
        this.after = addChildBlock("layernorm_after", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = attention.forward(store, before.forward(store, inputs, training), training).head().add(x);
        NDArray f = intermediate.forward(store, after.forward(store, new NDList(a), training), training).head();
        return new NDList(output.forward(store, new NDList(f), training).head().add(a));
    }

    /** Hugging Face {@code ViTAttention}: children {@code attention} and {@code output}. */
    public static final class Attention extends ModelBlock {
        private final SelfAttention self;
        private final Projection output;

        Attention(VitConfig c) {
            this.self = addChildBlock("attention", new SelfAttention(c.hiddenSize(), c.numAttentionHeads(), c.qkvBias(), c.attentionProbsDropoutProb()));
            this.output = addChildBlock("output", new Projection(c.hiddenSize(), c, AdapterPosition.ATTENTION));
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            return output.forward(store, self.forward(store, inputs, training), training);
        }
    }

    /**
     * Hugging Face {@code ViTSelfOutput}/{@code ViTOutput} without the residual (added by the
     * layer): adapter(dropout(dense(h))). Children {@code dense}, {@code adapter}.
     */
    public static final class Projection extends ModelBlock {
        private final AdaptableLinear dense;
        private final AdapterSlot adapter;
        private final float dropout;

        Projection(int in, VitConfig c, AdapterPosition position) {
            this.dense = addChildBlock("dense", new AdaptableLinear(in, c.hiddenSize(), true));
            this.adapter = addChildBlock("adapter", new AdapterSlot(position, c.hiddenSize()));
            this.dropout = (float) c.hiddenDropoutProb();
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray h = dense.forward(store, inputs, training).head();
            if (dropout > 0 && training) {
                h = Dropout.apply(h, dropout, true);
            }
            return adapter.forward(store, new NDList(h), training);
        }
    }
}
