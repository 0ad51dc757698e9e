package dev.surmbench.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A plain (not adaptable) projection y = x·Wᵀ + b for heads: parameters {@code weight} [out, in]
 * and {@code bias} [out]. Shapes: [..., in] → [..., out].
 */
public final class Dense extends ModelBlock {
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    public Dense(int inFeatures, int outFeatures) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("dense needs positive sizes, got " + inFeatures + "->" + outFeatures);
        }
        this.outFeatures = outFeatures;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outFeatures, inFeatures)).optInitializer(new NormalInitializer(0.02f)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(outFeatures)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return Linear.linear(x, store.getValue(weight, x.getDevice(), training), store.getValue(bias, x.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
