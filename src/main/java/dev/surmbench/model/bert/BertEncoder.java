package dev.surmbench.model.bert;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.LayerStack;
import dev.surmbench.model.nn.ModelBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack of BERT layers, child {@code layer} holding {@code 0 … L−1}. Inputs: hidden
 * [B, T, d], additive mask [B, 1, 1, T]; output: last hidden state [B, T, d].
 */
public final class BertEncoder extends ModelBlock {
    private final LayerStack<BertLayer> layer;

    public BertEncoder(BertConfig c) {
        List<BertLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            layers.add(new BertLayer(c));
        }
        this.layer = addChildBlock("layer", new LayerStack<>(layers));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return layers(store, inputs, training, 0, layer.size());
    }

    /** Layers {@code from} (inclusive) to {@code to} (exclusive) on (hidden, optional mask); output [B, T, d]. */
    public NDList layers(ParameterStore store, NDList inputs, boolean training, int from, int to) {
        List<BertLayer> all = layer.layers();
        NDList x = inputs;
        for (int i = from; i < to; i++) {
            x = all.get(i).forward(store, x, training);
        }
        return new NDList(x.get(0));
    }

    public int size() {
        return layer.size();
    }
}
