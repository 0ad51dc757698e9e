package dev.surmbench.model.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.Pooling;
import dev.surmbench.model.nn.Dense;
import dev.surmbench.model.nn.ModelBlock;

/**
 * Hugging Face {@code ViTForImageClassification}: children {@code vit} ({@link VitModel}) and
 * {@code classifier} [d → labels] on the final [CLS] state (or the mean of all final states). Input pixels [B, C, H, W]; output
 * logits [B, labels].
 */
public final class VitForImageClassification extends ModelBlock {
    private final VitModel vit;
    private final Dense classifier;

    private final Pooling pooling;

    public VitForImageClassification(VitConfig config, int numLabels) {
        this(config, numLabels, Pooling.CLS);
    }

    /** As above with the head reading the [CLS] state or the mean of all final states ({@code pooling}). */
    public VitForImageClassification(VitConfig config, int numLabels, Pooling pooling) {
        this.pooling = pooling;
        if (numLabels <= 0) {
            throw new IllegalArgumentException("numLabels must be positive, got " + numLabels);
        }
        this.vit = addChildBlock("vit", new VitModel(config));
        this.classifier = addChildBlock("classifier", new Dense(config.hiddenSize(), numLabels));
    }

    public VitModel vit() {
        return vit;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = vit.forward(store, inputs, training).head();
        NDArray summary = pooling == Pooling.MEAN ? h.mean(new int[] {1}) : h.get(new NDIndex(":, 0, :"));
        return classifier.forward(store, new NDList(summary), training);
    }
}
