package dev.surmbench.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis with Hugging Face parameter names {@code weight} (scale,
 * ones) and {@code bias} (shift, zeros): y = (x − mean)/sqrt(var + eps)·weight + bias, biased
 * variance. Shapes: [..., features] → [..., features].
 */
public final class LayerNorm extends ModelBlock {
    private final int features;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    public LayerNorm(int features, double eps) {
        if (features <= 0 || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm needs features > 0 and eps > 0, got " + features + ", " + eps);
        }
        this.features = features;
        this.eps = (float) eps;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(features)).optInitializer(Initializer.ONES).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(features)).optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(features), w, b, eps);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
