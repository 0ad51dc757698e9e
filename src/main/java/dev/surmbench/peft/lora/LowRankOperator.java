package dev.surmbench.peft.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.surmbench.peft.core.SeededInit;
import dev.surmbench.peft.core.StructuredOperator;

/**
 * ΔW = B·A. Parameters: {@code lora_A} [r, in] (Kaiming-uniform, a = √5, as PEFT), {@code lora_B}
 * [out, r] (zeros). Shapes: [N, in] → [N, out].
 */
public final class LowRankOperator extends StructuredOperator {
    private final Parameter a;
    private final Parameter b;

    LowRankOperator(int inFeatures, int outFeatures, int rank, long seed) {
        super(inFeatures, outFeatures);
        a = addParameter(Parameter.builder().setName("lora_A").optShape(new Shape(rank, inFeatures))
                .optInitializer(SeededInit.kaimingUniformLinear(inFeatures, seed)).build());
        b = addParameter(Parameter.builder().setName("lora_B").optShape(new Shape(outFeatures, rank))
                .optInitializer(SeededInit.zeros()).build());
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return x.matMul(value(store, a, x, training).transpose()).matMul(value(store, b, x, training).transpose());
    }

    @Override
    public NDArray dense(ParameterStore store, boolean training) {
        NDArray bv = store.getValue(b, b.getArray().getDevice(), training);
        return bv.matMul(store.getValue(a, bv.getDevice(), training));
    }
}
