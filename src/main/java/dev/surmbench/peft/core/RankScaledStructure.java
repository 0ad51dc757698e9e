package dev.surmbench.peft.core;

import java.util.Map;

/**
 * A structure with one option, a rank r, whose update is scaled by α/r with α = r by default (LoRA's
 * rule, which the Kronecker factorisation shares): the option map, the scale and the default α
 * follow from {@link #rank()}, written once here.
 */
public interface RankScaledStructure extends StructureSpec {

    /** The rank r. */
    int rank();

    @Override
    default Map<String, Object> options() {
        return Map.of("rank", rank());
    }

    @Override
    default double scaleFor(double alpha) {
        return alpha / rank();
    }

    @Override
    default double defaultAlpha() {
        return rank();
    }
}
