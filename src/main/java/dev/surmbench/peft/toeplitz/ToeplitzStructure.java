package dev.surmbench.peft.toeplitz;

import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.BlockGrid;
import dev.surmbench.peft.core.StructureSpec;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.Map;
import java.util.List;

/**
 * Symmetric-Toeplitz pair ΔW = T(b)·T(a) per p×p block (authors' form: a ~ N(0, 0.02²), b = 0).
 * Per projection: 2·d_in·d_out/p scalars (2d for a square d×d projection).
 */
public record ToeplitzStructure(int block) implements StructureSpec {

    private static final OptionSpec<Integer> BLOCK = OptionSpec.integer("block", 0,
            "block size p for non-square projections; 0 = gcd(d_in, d_out)");

    /** The update form: ΔW of this structure added to a frozen weight (where LoRA adds B·A). */
    public static final MethodDefinition UPDATE = MethodDefinition.update("toeplitz",
            "SURM Toeplitz: dW = alpha T(b) T(a), symmetric Toeplitz, zero-padded FFT", "s = alpha",
            List.of(BLOCK), options -> new ToeplitzStructure(options.get(BLOCK)));

    /** The adapter form: a residual block of this structure at the Houlsby positions. */
    public static final MethodDefinition ADAPTER = MethodDefinition.adapter("toeplitz-adapter",
            "SURM Toeplitz adapter: h + GELU(T(b) T(a) h) + bias at the Houlsby positions",
            List.of(), options -> new ToeplitzStructure(0));

    public ToeplitzStructure {
        MethodOptions.requireRange("toeplitz", "block", block, 0, 1 << 20);
    }

    @Override
    public void checkShape(String method, int inFeatures, int outFeatures) {
        BlockGrid.of(method, block, inFeatures, outFeatures);
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        BlockGrid grid = BlockGrid.of("toeplitz", block, inFeatures, outFeatures);
        return ParameterCount.of(2 * grid.blocks() * grid.blockSize());
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        return new ToeplitzOperator(BlockGrid.of("toeplitz", block, inFeatures, outFeatures), seed);
    }

    @Override
    public Map<String, Object> options() {
        return Map.of("block", block);
    }
}
