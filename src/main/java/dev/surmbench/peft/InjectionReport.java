package dev.surmbench.peft;

import java.util.List;

/**
 * What an injection did: the modules it adapted and the trainable scalars by origin.
 *
 * @param method the method's name
 * @param adaptedModules paths of the projections or adapter slots that received the method
 * @param methodParameters scalars in the blocks the method added (stored / effective)
 * @param baseTrainable backbone scalars left trainable (all for full, biases for BitFit, else 0)
 * @param headTrainable task-head scalars (always trainable; stated separately)
 * @param frozen scalars frozen
 */
public record InjectionReport(
        String method,
        List<String> adaptedModules,
        ParameterCount methodParameters,
        long baseTrainable,
        long headTrainable,
        long frozen) {
    public InjectionReport {
        adaptedModules = List.copyOf(adaptedModules);
    }

    /** Trainable scalars excluding the head: what the method's formula predicts. */
    public ParameterCount trainableWithoutHead() {
        return methodParameters.plus(ParameterCount.of(baseTrainable));
    }
}
