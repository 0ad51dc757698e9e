package dev.surmbench.report;

import java.util.List;
import java.util.Optional;

/**
 * The SURM variants and the low-rank method each replaces: {@code circulant}, {@code toeplitz},
 * {@code kronecker} and {@code ldr} replace the low-rank update of {@code lora}; the {@code *-adapter}
 * variants replace the bottleneck of {@code adapter}.
 */
public final class Counterparts {
    /** SURM update methods (peft's update form), each the counterpart of lora. */
    public static final List<String> SURM_UPDATES = List.of("circulant", "toeplitz", "kronecker", "ldr");
    /** SURM variants of the adapter bottleneck. */
    public static final List<String> SURM_ADAPTERS =
            List.of("circulant-adapter", "toeplitz-adapter", "kronecker-adapter", "ldr-adapter");

    private Counterparts() {}

    /** The low-rank method {@code method} is compared with, if it is a SURM variant. */
    public static Optional<String> of(String method) {
        if (SURM_UPDATES.contains(method)) {
            return Optional.of("lora");
        }
        return SURM_ADAPTERS.contains(method) ? Optional.of("adapter") : Optional.empty();
    }
}
