package dev.surmbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.nn.Dense;
import dev.surmbench.model.nn.ModelBlock;

/**
 * Hugging Face {@code BertForSequenceClassification}: children {@code bert} ({@link BertModel})
 * and {@code classifier} [d → labels] on dropout(pooled output). One label is a regression head
 * (STS-B). Inputs as {@link BertModel}; output: logits [B, labels].
 */
public final class BertForSequenceClassification extends ModelBlock {
    private final BertModel bert;
    private final Dense classifier;
    private final float dropout;

    public BertForSequenceClassification(BertConfig config, int numLabels) {
        this(config, numLabels, Pooling.CLS);
    }

    /** As above with the pooler summarising tokens by {@code pooling}. */
    public BertForSequenceClassification(BertConfig config, int numLabels, Pooling pooling) {
        if (numLabels <= 0) {
            throw new IllegalArgumentException("numLabels must be positive, got " + numLabels);
        }
        this.bert = addChildBlock("bert", new BertModel(config, pooling));
        this.classifier = addChildBlock("classifier", new Dense(config.hiddenSize(), numLabels));
        this.dropout = (float) config.hiddenDropoutProb();
    }

    public BertModel bert() {
        return bert;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray pooled = bert.forward(store, inputs, training).get(1);
        if (dropout > 0 && training) {
            pooled = Dropout.apply(pooled, dropout, true);
        }
        return classifier.forward(store, new NDList(pooled), training);
    }
}
