package dev.surmbench.peft.kronecker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.surmbench.peft.core.DenseStructures;
import dev.surmbench.peft.core.SeededInit;
import dev.surmbench.peft.core.StructuredOperator;

/**
 * ΔW = B ⊗ A. Parameters {@code kronecker_A} [r, in/r] (Kaiming-uniform) and {@code kronecker_B}
 * [out/r, r] (zeros). Applied without forming ΔW: with x viewed as X [r, in/r], (B⊗A)·x = B·X·Aᵀ
 * flattened — O(d·r) instead of O(d²). Shapes: [N, in] → [N, out].
 */
public final class KroneckerOperator extends StructuredOperator {
    private final int rank;
    private final Parameter a;
    private final Parameter b;

    KroneckerOperator(int inFeatures, int outFeatures, int rank, long seed) {
        super(inFeatures, outFeatures);
        this.rank = rank;
        a = addParameter(Parameter.builder().setName("kronecker_A").optShape(new Shape(rank, inFeatures / rank))
                .optInitializer(SeededInit.kaimingUniformLinear(inFeatures / rank, seed)).build());
        b = addParameter(Parameter.builder().setName("kronecker_B").optShape(new Shape(outFeatures / rank, rank))
                .optInitializer(SeededInit.zeros()).build());
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        long n = x.getShape().get(0);
        NDArray xa = x.reshape(n, rank, inFeatures / rank).matMul(value(store, a, x, training).transpose()); // [N, r, r]
        return value(store, b, x, training).matMul(xa).reshape(n, outFeatures); // B·(X·Aᵀ): [N, out/r, r]
    }

    @Override
    public NDArray dense(ParameterStore store, boolean training) {
        return DenseStructures.kronecker(value(store, b, b.getArray(), training), value(store, a, b.getArray(), training));
    }
}
