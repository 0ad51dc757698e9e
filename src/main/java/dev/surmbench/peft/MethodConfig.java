package dev.surmbench.peft;

import java.util.Map;

/**
 * A validated, immutable method configuration. Implementations are records whose compact
 * constructors reject out-of-range values with an {@link InvalidMethodConfigException}.
 */
public interface MethodConfig {

    /** Which backbone weights stay trainable besides the method's own parameters and the head. */
    enum BaseTraining {
        /** Every backbone weight trains (full fine-tuning). */
        ALL,
        /** Bias vectors train (BitFit). */
        BIASES,
        /** The backbone is frozen. */
        NONE
    }

    /** The method's name as users type it. */
    String method();

    /** The resolved options, every default filled in, in a stable order (used for run ids). */
    Map<String, Object> options();

    /** What of the backbone trains. */
    default BaseTraining baseTraining() {
        return BaseTraining.NONE;
    }

    /**
     * The analytic trainable-parameter count of this method on a backbone (task head excluded),
     * from the formula only: tests check it against the parameters the injected blocks hold.
     */
    ParameterCount count(AdaptationSites sites);
}
