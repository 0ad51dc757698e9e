package dev.surmbench.suite;

import java.util.Map;

/**
 * The default learning-rate search space of each kind of method, written once: a tuning uses it for
 * every method the suite gives no grid of its own. Five log-spaced points spanning 100x or more,
 * around where each kind is known to train well (Hugging Face PEFT's method comparison runs LoRA at
 * 1e-4 and the block-circulant C3A at 3e-1; structured matrices want rates several times LoRA's).
 */
public enum MethodFamily {
    /** Full fine-tuning of the adapted layers. */
    FULL(LearningRateGrid.logRange(1e-5, 1e-3, 5)),
    /** Only the head trains. */
    LINEAR_PROBE(LearningRateGrid.logRange(1e-3, 1e-1, 5)),
    /** LoRA, bottleneck adapters and BitFit: dense low-rank or small updates. */
    DENSE_PEFT(LearningRateGrid.logRange(1e-4, 1e-2, 5)),
    /** Structured matrices (circulant, Toeplitz, Kronecker, LDR), as updates or as SURM adapters. */
    STRUCTURED(LearningRateGrid.logRange(1e-3, 3e-1, 5));

    private static final Map<String, MethodFamily> NAMED = Map.of("full", FULL, "linear-probe", LINEAR_PROBE,
            "lora", DENSE_PEFT, "adapter", DENSE_PEFT, "bitfit", DENSE_PEFT);

    /** The family's default grid. */
    public final LearningRateGrid grid;

    MethodFamily(LearningRateGrid grid) {
        this.grid = grid;
    }

    /** The family of a registered method name; every structured method (update or adapter) is {@link #STRUCTURED}. */
    public static MethodFamily of(String method) {
        return NAMED.getOrDefault(method, STRUCTURED);
    }
}
