package dev.surmbench.peft.ldr;

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
 * Block ΔW with block (o,i) = Σ_k circ(c_oik)·skewcirc(s_oik). Parameters {@code ldr_circulant}
 * [q_out, q_in, r, p] (zeros) and {@code ldr_skew} [q_out, q_in, r, p] ~ N(0, 0.02²).
 * Shapes: [N, q_in·p] → [N, q_out·p].
 */
public final class LdrOperator extends StructuredOperator {
    private final Parameter circulant;
    private final Parameter skew;

    LdrOperator(BlockGrid grid, int rank, long seed) {
        super(grid.cols() * grid.blockSize(), grid.rows() * grid.blockSize());
        Shape shape = new Shape(grid.rows(), grid.cols(), rank, grid.blockSize());
        circulant = addParameter(Parameter.builder().setName("ldr_circulant").optShape(shape)
                .optInitializer(SeededInit.zeros()).build());
        skew = addParameter(Parameter.builder().setName("ldr_skew").optShape(shape)
                .optInitializer(SeededInit.normal(0.02, seed)).build());
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return Spectral.lowDisplacementRank(x, value(store, circulant, x, training), value(store, skew, x, training));
    }

    @Override
    public boolean appliesThroughWeight() {
        return true;
    }

    @Override
    public NDArray dense(ParameterStore store, boolean training) {
        NDArray c = value(store, circulant, skew.getArray(), training);
        NDArray s = value(store, skew, skew.getArray(), training);
        NDArray terms = DenseStructures.circulant(c).matMul(DenseStructures.skewCirculant(s)); // [qo, qi, r, p, p]
        return DenseStructures.assembleBlocks(terms.sum(new int[] {2}));
    }
}
