package dev.surmbench.peft.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.core.ResidualBranch;
import dev.surmbench.peft.core.SeededInit;

/**
 * Houlsby residual branch f(h) = U·GELU(D·dropout(h) + b_D) + b_U. Parameters {@code down.weight}
 * [size, d] ~ N(0, 0.02²) (BERT-style, as AdapterHub's "bert" init), {@code down.bias} [size],
 * {@code up.weight} [d, size] and {@code up.bias} [d], all three zero. Shapes: [..., d] → [..., d].
 */
public final class BottleneckAdapter extends ResidualBranch {
    private final Parameter downWeight;
    private final Parameter downBias;
    private final Parameter upWeight;
    private final Parameter upBias;
    private final float dropout;

    BottleneckAdapter(int features, int size, float dropout, long seed) {
        this.dropout = dropout;
        downWeight = addParameter(Parameter.builder().setName("down.weight").optShape(new Shape(size, features))
                .optInitializer(SeededInit.normal(0.02, seed)).build());
        downBias = addParameter(Parameter.builder().setName("down.bias").optShape(new Shape(size))
                .optInitializer(SeededInit.zeros()).build());
        upWeight = addParameter(Parameter.builder().setName("up.weight").optShape(new Shape(features, size))
                .optInitializer(SeededInit.zeros()).build());
        upBias = addParameter(Parameter.builder().setName("up.bias").optShape(new Shape(features))
                .optInitializer(SeededInit.zeros()).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        NDArray in = dropout > 0 ? Dropout.apply(h, dropout, training) : h;
        NDArray down = Linear.linear(in, value(store, downWeight, h, training), value(store, downBias, h, training)).head();
        return Linear.linear(Activation.gelu(down), value(store, upWeight, h, training), value(store, upBias, h, training));
    }

    private static NDArray value(ParameterStore store, Parameter p, NDArray like, boolean training) {
        return store.getValue(p, like.getDevice(), training);
    }
}
