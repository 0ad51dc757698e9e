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
 * int64 or float) — or, with an entry layer k > 0 ({@link #setEntryLayer}), the hidden states
 * entering layer k [B, T, d] and the attention mask. Outputs: last hidden state [B, T, d] and pooled
 * output [B, d].
 */
public final class BertModel extends ModelBlock {
    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final BertEncoder encoder;
    private final BertPooler pooler;
    private int entryLayer;

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

    /**
     * Where {@link #forward} starts: 0 takes token ids; {@code k > 0} takes the hidden states entering
     * layer k (computed by {@link #hiddenStatesBefore}, e.g. cached) and runs layers k… and the pooler.
     */
    public void setEntryLayer(int layer) {
        if (layer < 0 || layer >= encoder.size()) {
            throw new IllegalArgumentException("entry layer must be in [0, " + encoder.size() + "), got " + layer);
        }
        this.entryLayer = layer;
    }

    public int entryLayer() {
        return entryLayer;
    }

    /** The last hidden state [B, T, d] only (no pooler), from token ids. */
    public NDArray lastHiddenState(ParameterStore store, NDList inputs, boolean training) {
        checkInputs(inputs);
        NDArray h = embeddings.forward(store, new NDList(inputs.get(0), inputs.get(1)), training).head();
        return encoder.layers(store, withMask(h, inputs.get(2)), training, 0, encoder.size()).head();
    }

    /**
     * The hidden states entering layer {@code layer} [B, T, d]: embeddings and layers 0…layer−1 in
     * evaluation mode (no dropout), from (input ids, token type ids, attention mask).
     */
    public NDArray hiddenStatesBefore(ParameterStore store, NDList inputs, int layer) {
        checkInputs(inputs);
        NDArray h = embeddings.forward(store, new NDList(inputs.get(0), inputs.get(1)), false).head();
        return encoder.layers(store, withMask(h, inputs.get(2)), false, 0, layer).head();
    }

    /** (hidden) alone for a batch without padding — adding zeros to every score changes no number — else (hidden, additive mask). */
    private static NDList withMask(NDArray hidden, NDArray attentionMask) {
        return !attentionMask.all().getBoolean()
                ? new NDList(hidden, SelfAttention.additiveMask(attentionMask)) : new NDList(hidden);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray last;
        NDArray attentionMask;
        if (entryLayer == 0) {
            last = lastHiddenState(store, inputs, training);
            attentionMask = inputs.get(2);
        } else {
            if (inputs.size() != 2 || inputs.get(0).getShape().dimension() != 3) {
                throw new IllegalArgumentException("entering at layer " + entryLayer
                        + ", BERT expects (hidden states [B, T, d], attention_mask [B, T]), got " + inputs.size() + " arrays");
            }
            attentionMask = inputs.get(1);
            last = encoder.layers(store, withMask(inputs.get(0), attentionMask), training, entryLayer, encoder.size()).head();
        }
        return new NDList(last, pooler.forward(store, new NDList(last, attentionMask), training).head());
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
