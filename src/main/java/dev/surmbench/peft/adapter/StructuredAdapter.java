package dev.surmbench.peft.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import dev.surmbench.ops.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.ResidualBranch;
import dev.surmbench.peft.core.StructuredOperator;

/**
 * Residual branch f(h) = GELU(S·dropout(h)) + bias of a SURM adapter. Child {@code op}: the
 * structured d×d operator S; parameter {@code bias} [d], zero-initialised. Shapes: [..., d] → [..., d].
 */
public final class StructuredAdapter extends ResidualBranch {
    private final StructuredOperator op;
    private final Parameter bias;
    private final float dropout;

    StructuredAdapter(StructuredOperator op, int features, float dropout) {
        this.op = addChildBlock("op", op);
        this.bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(features))
                .build());
        this.dropout = dropout;
    }

    @Override
    public ParameterCount parameterCount() {
        return op.parameterCount().plus(ParameterCount.of(bias.getShape().size()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        NDArray in = dropout > 0 ? Dropout.apply(h, dropout, training) : h;
        NDArray s = op.forward(store, new NDList(in), training).head();
        return new NDList(Activation.gelu(s).add(store.getValue(bias, h.getDevice(), training)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        op.initialize(manager, dataType, inputShapes);
    }
}
