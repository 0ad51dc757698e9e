package dev.surmbench.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.AdaptableLinear;

/**
 * The feed-forward expansion of a transformer layer ({@code intermediate}): GELU(dense(x)) with the
 * exact, erf-based GELU 0.5·x·(1 + erf(x/√2)). Child {@code dense} [hidden → intermediate].
 */
public final class Intermediate extends ModelBlock {
    private final AdaptableLinear dense;

    public Intermediate(int hidden, int intermediate) {
        this.dense = addChildBlock("dense", new AdaptableLinear(hidden, intermediate, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = dense.forward(store, inputs, training).head();
        return new NDList(Activation.gelu(h));
    }
}
