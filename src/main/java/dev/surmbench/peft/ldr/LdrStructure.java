package dev.surmbench.peft.ldr;

import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.BlockGrid;
import dev.surmbench.peft.core.StructureSpec;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Low displacement rank r: ΔW = Σ_{i=1..r} circ(c_i)·skewcirc(s_i) per p×p block (authors' form:
 * s ~ N(0, 0.02²), c = 0). Per projection: 2r·d_in·d_out/p scalars (2rd for a square projection).
 */
public record LdrStructure(int rank, int block) implements StructureSpec {

    private static final OptionSpec<Integer> RANK = OptionSpec.integer("rank", 2, "displacement rank r (number of circ*skew terms)");
    private static final OptionSpec<Integer> BLOCK = OptionSpec.integer("block", 0,
            "block size p for non-square projections; 0 = gcd(d_in, d_out)");

    /** The update form: ΔW of this structure added to a frozen weight (where LoRA adds B·A). */
    public static final MethodDefinition UPDATE = MethodDefinition.update("ldr",
            "SURM low displacement rank: dW = alpha sum_i circ(c_i) skewcirc(s_i), FFT with root-of-unity scaling",
            "s = alpha", List.of(RANK, BLOCK),
            options -> new LdrStructure(options.get(RANK), options.get(BLOCK)));

    /** The adapter form: a residual block of this structure at the Houlsby positions. */
    public static final MethodDefinition ADAPTER = MethodDefinition.adapter("ldr-adapter",
            "SURM LDR adapter: h + GELU(sum_i circ(c_i) skewcirc(s_i) h) + bias at the Houlsby positions",
            List.of(RANK), options -> new LdrStructure(options.get(RANK), 0));

    public LdrStructure {
        MethodOptions.requireRange("ldr", "rank", rank, 1, 64);
        MethodOptions.requireRange("ldr", "block", block, 0, 1 << 20);
    }

    @Override
    public void checkShape(String method, int inFeatures, int outFeatures) {
        BlockGrid.of(method, block, inFeatures, outFeatures);
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        BlockGrid grid = BlockGrid.of("ldr", block, inFeatures, outFeatures);
        return ParameterCount.of(2L * rank * grid.blocks() * grid.blockSize());
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        return new LdrOperator(BlockGrid.of("ldr", block, inFeatures, outFeatures), rank, seed);
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rank", rank);
        out.put("block", block);
        return out;
    }
}
