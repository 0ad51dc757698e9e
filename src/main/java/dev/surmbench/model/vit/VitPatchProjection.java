package dev.surmbench.model.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.surmbench.model.nn.ModelBlock;

/**
 * The patch projection: a p×p convolution with stride p (Hugging Face {@code projection}, an
 * {@code nn.Conv2d}). Parameters {@code weight} [d, C, p, p] and {@code bias} [d]. Input
 * [B, C, H, W]; output [B, d, H/p, W/p].
 */
public final class VitPatchProjection extends ModelBlock {
    private final int patchSize;
    private final Parameter weight;
    private final Parameter bias;

    public VitPatchProjection(int channels, int hidden, int patchSize) {
        this.patchSize = patchSize;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(hidden, channels, patchSize, patchSize)).optInitializer(new NormalInitializer(0.02f)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(hidden)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape stride = new Shape(patchSize, patchSize);
        return Conv2d.conv2d(x, store.getValue(weight, x.getDevice(), training), store.getValue(bias, x.getDevice(), training),
                stride, new Shape(0, 0), new Shape(1, 1), 1);
    }
}
