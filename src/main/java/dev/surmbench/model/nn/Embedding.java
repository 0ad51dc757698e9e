package dev.surmbench.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A lookup table with one parameter {@code weight} [count, dim] (Hugging Face name). Shapes:
 * int64 indices [...] → [..., dim].
 */
public final class Embedding extends ModelBlock {
    private final int count;
    private final int dim;
    private final Parameter weight;

    public Embedding(int count, int dim) {
        if (count <= 0 || dim <= 0) {
            throw new IllegalArgumentException("embedding needs count > 0 and dim > 0, got " + count + "x" + dim);
        }
        this.count = count;
        this.dim = dim;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(count, dim)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    public int count() {
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        if (ids.getDataType() != DataType.INT64) {
            ids = ids.toType(DataType.INT64, false);
        }
        NDArray w = store.getValue(weight, ids.getDevice(), training);
        return ai.djl.nn.core.Embedding.embedding(ids, w, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
