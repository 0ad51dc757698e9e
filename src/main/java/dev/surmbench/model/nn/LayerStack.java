package dev.surmbench.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of layers named "0", "1", … (Hugging Face's {@code ModuleList}), so paths read
 * {@code encoder.layer.3.…}. The owning encoder runs the layers itself; calling this block
 * directly applies them in order to a single-array input.
 */
public final class LayerStack<B extends Block> extends ModelBlock {
    private final List<B> layers = new ArrayList<>();

    public LayerStack(List<B> layers) {
        for (B layer : layers) {
            this.layers.add(addChildBlock(Integer.toString(this.layers.size()), layer));
        }
    }

    public List<B> layers() {
        return List.copyOf(layers);
    }

    public int size() {
        return layers.size();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (B layer : layers) {
            x = layer.forward(store, x, training, params);
        }
        return x;
    }
}
