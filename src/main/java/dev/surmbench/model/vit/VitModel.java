package dev.surmbench.model.vit;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.LayerNorm;
import dev.surmbench.model.nn.LayerStack;
import dev.surmbench.model.nn.ModelBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A ViT encoder with Hugging Face {@code ViTModel} names (no pooler): children {@code embeddings},
 * {@code encoder.layer.N}, {@code layernorm}. Input pixels [B, C, H, W] (normalised as the
 * checkpoint expects, e.g. (x/255 − 0.5)/0.5); output: last hidden state [B, N+1, d] after the
 * final LayerNorm.
 */
public final class VitModel extends ModelBlock {
    private final VitConfig config;
    private final VitEmbeddings embeddings;
    private final Encoder encoder;
    private final LayerNorm layernorm;

    public VitModel(VitConfig config) {
        this.config = config;
        this.embeddings = addChildBlock("embeddings", new VitEmbeddings(config));
        this.encoder = addChildBlock("encoder", new Encoder(config));
        this.layernorm = addChildBlock("layernorm", new LayerNorm(config.hiddenSize(), config.layerNormEps()));
    }

    public VitConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = embeddings.forward(store, inputs, training);
        h = encoder.forward(store, h, training);
        return layernorm.forward(store, h, training);
    }

    /** Child {@code layer} holding {@code 0 … L−1}. */
    public static final class Encoder extends ModelBlock {
        private final LayerStack<VitLayer> layer;

        Encoder(VitConfig c) {
            List<VitLayer> layers = new ArrayList<>();
            for (int i = 0; i < c.numHiddenLayers(); i++) {
                layers.add(new VitLayer(c));
            }
            this.layer = addChildBlock("layer", new LayerStack<>(layers));
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            return layer.forward(store, inputs, training);
        }
    }
}
