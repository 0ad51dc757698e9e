package dev.surmbench.peft.circulant;

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
 * Block-circulant ΔW: block (o,i) = circ(c_oi). Parameters (grid q_out×q_in, block p): with the
 * product form {@code circulant_a} [q_out, q_in, p] ~ N(0, std²) and {@code circulant_b} (zeros),
 * c = a⊙b; otherwise {@code circulant_c} (zeros). Shapes: [N, q_in·p] → [N, q_out·p].
 */
public final class CirculantOperator extends StructuredOperator {
    private final Parameter first;
    private final Parameter second;

    CirculantOperator(BlockGrid grid, boolean product, double initStd, long seed) {
        super(grid.cols() * grid.blockSize(), grid.rows() * grid.blockSize());
        Shape shape = new Shape(grid.rows(), grid.cols(), grid.blockSize());
        if (product) {
            first = addParameter(Parameter.builder().setName("circulant_a").optShape(shape)
                    .optInitializer(SeededInit.normal(initStd, seed)).build());
            second = addParameter(Parameter.builder().setName("circulant_b").optShape(shape)
                    .optInitializer(SeededInit.zeros()).build());
        } else {
            first = addParameter(Parameter.builder().setName("circulant_c").optShape(shape)
                    .optInitializer(SeededInit.zeros()).build());
            second = null;
        }
    }

    private NDArray column(ParameterStore store, NDArray like, boolean training) {
        NDArray c = value(store, first, like, training);
        return second == null ? c : c.mul(value(store, second, like, training));
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return Spectral.circulant(x, column(store, x, training));
    }

    @Override
    public NDArray dense(ParameterStore store, boolean training) {
        return DenseStructures.assembleBlocks(DenseStructures.circulant(column(store, first.getArray(), training)));
    }

    @Override
    protected long effectiveParameters(long stored) {
        return second == null ? stored : stored / 2;
    }
}
