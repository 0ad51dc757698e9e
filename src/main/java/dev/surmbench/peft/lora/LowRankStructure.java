package dev.surmbench.peft.lora;

import dev.surmbench.peft.InvalidMethodConfigException;
import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.RankScaledStructure;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.List;

/** LoRA's low-rank ΔW = B·A (rank r), scaled by α/r; r·(d_in + d_out) parameters per projection. */
public record LowRankStructure(int rank) implements RankScaledStructure {

    private static final OptionSpec<Integer> RANK = OptionSpec.integer("rank", 8, "rank r of B·A");

    /** The update form: ΔW of this structure added to a frozen weight (where LoRA adds B·A). */
    public static final MethodDefinition UPDATE = MethodDefinition.update("lora",
            "LoRA: dW = (alpha/r) B A, A kaiming-uniform, B zero; mergeable", "s = alpha/rank",
            List.of(RANK), options -> new LowRankStructure(options.get(RANK)));

    public LowRankStructure {
        MethodOptions.requireRange("lora", "rank", rank, 1, 4096);
    }

    @Override
    public void checkShape(String method, int inFeatures, int outFeatures) {
        if (rank > Math.min(inFeatures, outFeatures)) {
            throw new InvalidMethodConfigException(method, "rank", "rank " + rank + " exceeds the smaller side of the "
                    + outFeatures + "x" + inFeatures + " projection; use at most " + Math.min(inFeatures, outFeatures));
        }
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        return ParameterCount.of((long) rank * (inFeatures + outFeatures));
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        return new LowRankOperator(inFeatures, outFeatures, rank, seed);
    }
}
