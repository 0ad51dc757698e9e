package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.nn.ModelBlock;
import dev.surmbench.model.nn.SelfAttention;

/**
 * A BERT encoder with Hugging Face {@code BertModel} names: children {@code embeddings},
 * {@code encoder} and {@code pooler} (first token or masked mean, see {@link Pooling}).
 *
 * <p>Inputs: input ids [B, T], token type ids [B, T], attention mask [B, T] (1 token, 0 padding;
 * int64 or float). Outputs: last hidden state [B, T, d] and pooled output [B, d].
 */
public final class BertModel extends ModelBlock {
    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final BertEncoder encoder;
    private final BertPooler pooler;

    public BertModel(BertConfig config) {
        this(config, Pooling.CLS);
    }

    /** A BERT encoder whose pooler summarises the tokens as {@code pooling} says. */
    public BertModel(BertConfig config, Pooling pooling) {
        this.config = config;
        this.embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        this.encoder = addChildBlock("encoder", new BertEncoder(config));
        this.pooler = addChildBlock("pooler", new BertPooler(config.hiddenSize(), pooling));
    }

    public BertConfig config() {
        return config;
    }

    /** The last hidden state [B, T, d] only (no pooler). */
    public NDArray lastHiddenState(ParameterStore store, NDList inputs, boolean training) {
        checkInputs(inputs);
        NDArray h = embeddings.forward(store, new NDList(inputs.get(0), inputs.get(1)), training).head();
        // A batch without padding needs no mask: adding zeros to every score changes no number.
        NDArray attentionMask = inputs.get(2);
        NDList encoderInputs = attentionMask.eq(0).any().getBoolean()
                ? new NDList(h, SelfAttention.additiveMask(attentionMask)) : new NDList(h);
        return encoder.forward(store, encoderInputs, training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray last = lastHiddenState(store, inputs, training);
        return new NDList(last, pooler.forward(store, new NDList(last, inputs.get(2)), training).head());
    }

    private static void checkInputs(NDList inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("BERT expects (input_ids, token_type_ids, attention_mask), got " + inputs.size() + " arrays");
        }
        if (inputs.get(0).getShape().dimension() != 2
                || !inputs.get(0).getShape().equals(inputs.get(1).getShape())
                || !inputs.get(0).getShape().equals(inputs.get(2).getShape())) {
            throw new IllegalArgumentException("BERT inputs must all be [batch, tokens], got " + inputs.get(0).getShape()
                    + ", " + inputs.get(1).getShape() + ", " + inputs.get(2).getShape());
        }
    }
}
