package dev.surmbench.peft.kronecker;

import dev.surmbench.peft.InvalidMethodConfigException;
import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.RankScaledStructure;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.List;

/**
 * Kronecker ΔW = B ⊗ A with A: r×(d_in/r), B: (d_out/r)×r, scaled by α/r: d_in + d_out scalars per
 * projection whatever r. Works for non-square projections; r must divide both dimensions.
 */
public record KroneckerStructure(int rank) implements RankScaledStructure {

    private static final OptionSpec<Integer> RANK = OptionSpec.integer("rank", 8,
            "r: A is r x (d_in/r), B is (d_out/r) x r; must divide both dimensions");

    /** The update form: ΔW of this structure added to a frozen weight (where LoRA adds B·A). */
    public static final MethodDefinition UPDATE = MethodDefinition.update("kronecker",
            "SURM Kronecker: dW = (alpha/r) B (x) A, A kaiming-uniform, B zero", "s = alpha/rank",
            List.of(RANK), options -> new KroneckerStructure(options.get(RANK)));

    /** The adapter form: a residual block of this structure at the Houlsby positions. */
    public static final MethodDefinition ADAPTER = MethodDefinition.adapter("kronecker-adapter",
            "SURM Kronecker adapter: h + GELU((B (x) A) h) + bias at the Houlsby positions",
            List.of(RANK), options -> new KroneckerStructure(options.get(RANK)));

    public KroneckerStructure {
        MethodOptions.requireRange("kronecker", "rank", rank, 1, 4096);
    }

    @Override
    public void checkShape(String method, int inFeatures, int outFeatures) {
        if (inFeatures % rank != 0 || outFeatures % rank != 0) {
            throw new InvalidMethodConfigException(method, "rank", "rank " + rank + " must divide both dimensions of the "
                    + outFeatures + "x" + inFeatures + " projection; pick a common divisor such as "
                    + commonDivisors(inFeatures, outFeatures));
        }
    }

    private static String commonDivisors(int a, int b) {
        StringBuilder out = new StringBuilder();
        for (int r = 2; r <= Math.min(64, Math.min(a, b)); r *= 2) {
            if (a % r == 0 && b % r == 0) {
                out.append(out.length() == 0 ? "" : ", ").append(r);
            }
        }
        return out.length() == 0 ? "1" : out.toString();
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        return ParameterCount.of((long) inFeatures + outFeatures);
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        checkShape("kronecker", inFeatures, outFeatures);
        return new KroneckerOperator(inFeatures, outFeatures, rank, seed);
    }
}
