package dev.surmbench.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.AdapterSlot;

/**
 * Base of the backbone blocks. Every parameter has its shape from the model config, so children
 * are initialised without shape inference: adaptable projections and adapter slots receive a
 * [1, features] probe shape (what their attached methods expect), other children the caller's.
 * Output shapes are not inferred; run a forward pass instead.
 */
public abstract class ModelBlock extends AbstractBlock {

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Pair<String, Block> child : getChildren()) {
            Block b = child.getValue();
            if (b instanceof AdaptableLinear linear) {
                b.initialize(manager, dataType, new Shape(1, linear.inFeatures()));
            } else if (b instanceof AdapterSlot slot) {
                b.initialize(manager, dataType, new Shape(1, slot.features()));
            } else {
                b.initialize(manager, dataType, inputShapes);
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not infer output shapes; run forward");
    }
}
