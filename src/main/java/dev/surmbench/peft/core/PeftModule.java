package dev.surmbench.peft.core;

import dev.surmbench.peft.ParameterCount;

/**
 * Marks a block created by a PEFT method: its parameters are the method's trainable parameters,
 * whatever the backbone's freezing policy says, and it reports their count.
 */
public interface PeftModule {

    /** Scalars stored by this block and its children, with effective degrees of freedom. */
    ParameterCount parameterCount();
}
