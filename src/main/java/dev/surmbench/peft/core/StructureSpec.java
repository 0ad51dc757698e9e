package dev.surmbench.peft.core;

import dev.surmbench.peft.ParameterCount;
import java.util.Map;

/**
 * The structured form of a matrix, shared by a family's LoRA-style method (s·ΔW beside a frozen
 * projection) and its adapter (act(S·h) + bias): shape rules, parameter formula and factory.
 * Implementations are records validated in their compact constructors.
 */
public interface StructureSpec {

    /** Rejects a shape this structure cannot take, naming the option to change. */
    void checkShape(String method, int inFeatures, int outFeatures);

    /** Analytic count of the scalars one in→out operator stores (and its effective dof). */
    ParameterCount count(int inFeatures, int outFeatures);

    /** A freshly initialised operator; all randomness from {@code seed}. */
    StructuredOperator create(int inFeatures, int outFeatures, long seed);

    /** The structure's own options, defaults filled in, in a stable order. */
    Map<String, Object> options();

    /** The factor s applied to ΔW for a given α (LoRA and Kronecker: α/r; otherwise α). */
    default double scaleFor(double alpha) {
        return alpha;
    }

    /** α when the user gives none. */
    default double defaultAlpha() {
        return 1.0;
    }
}
