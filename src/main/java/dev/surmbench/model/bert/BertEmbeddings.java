package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.Embedding;
import dev.surmbench.model.nn.LayerNorm;
import dev.surmbench.model.nn.ModelBlock;

/**
 * BERT input embeddings: LayerNorm(word[ids] + token_type[types] + position[0..T)) then dropout.
 * Children {@code word_embeddings}, {@code position_embeddings}, {@code token_type_embeddings},
 * {@code LayerNorm}. Inputs: ids [B, T] and token type ids [B, T] (int64). Output [B, T, d].
 */
public final class BertEmbeddings extends ModelBlock {
    private final Embedding words;
    private final Embedding positions;
    private final Embedding types;
    private final LayerNorm norm;
    private final float dropout;

    public BertEmbeddings(BertConfig c) {
        this.words = addChildBlock("word_embeddings", new Embedding(c.vocabSize(), c.hiddenSize()));
        this.positions = addChildBlock("position_embeddings", new Embedding(c.maxPositionEmbeddings(), c.hiddenSize()));
        this.types = addChildBlock("token_type_embeddings", new Embedding(c.typeVocabSize(), c.hiddenSize()));
        this.norm = addChildBlock("LayerNorm", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
        this.dropout = (float) c.hiddenDropoutProb();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray typeIds = inputs.get(1);
        long tokens = ids.getShape().get(1);
        if (tokens > positions.count()) {
            throw new IllegalArgumentException("sequence of " + tokens + " tokens exceeds max_position_embeddings " + positions.count());
        }
        NDArray positionIds = ids.getManager().arange(0, (int) tokens, 1, DataType.INT64).expandDims(0);
        NDArray e = words.forward(store, new NDList(ids), training).head()
                .add(types.forward(store, new NDList(typeIds), training).head());
        e = e.add(positions.forward(store, new NDList(positionIds), training).head());
        e = norm.forward(store, new NDList(e), training).head();
        if (dropout > 0 && training) {
            e = Dropout.apply(e, dropout, true);
        }
        return new NDList(e);
    }
}
