package dev.surmbench.peft.toeplitz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.surmbench.peft.core.BlockGrid;
import dev.surmbench.peft.core.DenseStructures;
import dev.surmbench.peft.core.SeededInit;
import dev.surmbench.peft.core.Spectral;
import dev.surmbench.peft.core.StructuredOperator;

/**
 * Block ΔW with block (o,i) = T(b_oi)·T(a_oi), T symmetric Toeplitz. Parameters {@code toeplitz_a}
 * [q_out, q_in, p] ~ N(0, 0.02²) and {@code toeplitz_b} (zeros). Shapes: [N, q_in·p] → [N, q_out·p].
 */
public final class ToeplitzOperator extends StructuredOperator {
    private final Parameter a;
    private final Parameter b;

    ToeplitzOperator(BlockGrid grid, long seed) {
        super(grid.cols() * grid.blockSize(), grid.rows() * grid.blockSize());
        Shape shape = new Shape(grid.rows(), grid.cols(), grid.blockSize());
        a = addParameter(Parameter.builder().setName("toeplitz_a").optShape(shape)
                .optInitializer(SeededInit.normal(0.02, seed)).build());
        b = addParameter(Parameter.builder().setName("toeplitz_b").optShape(shape)
                .optInitializer(SeededInit.zeros()).build());
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return Spectral.toeplitzPair(x, value(store, a, x, training), value(store, b, x, training));
    }

    @Override
    public boolean appliesThroughWeight() {
        return true;
    }

    @Override
    public NDArray dense(ParameterStore store, boolean training) {
        NDArray av = value(store, a, a.getArray(), training);
        NDArray bv = value(store, b, a.getArray(), training);
        return DenseStructures.assembleBlocks(
                DenseStructures.symmetricToeplitz(bv).matMul(DenseStructures.symmetricToeplitz(av)));
    }
}
