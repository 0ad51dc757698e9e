package dev.surmbench.peft.core;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import dev.surmbench.peft.ParameterCount;

/**
 * The residual branch f of an adapter, h ← h + f(h), placed in an {@link
 * dev.surmbench.peft.AdapterSlot}. Shapes: [..., d] → [..., d]. Must be zero at initialisation so
 * that an injected model starts exactly at the base model.
 */
public abstract class ResidualBranch extends AbstractBlock implements PeftModule {

    /** All scalars this branch stores (its children included). */
    public ParameterCount parameterCount() {
        long stored = 0;
        for (Parameter p : getParameters().values()) {
            stored += p.getShape().size();
        }
        return ParameterCount.of(stored);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
