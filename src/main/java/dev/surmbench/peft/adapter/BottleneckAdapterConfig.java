package dev.surmbench.peft.adapter;

import dev.surmbench.peft.AdapterMethodConfig;
import dev.surmbench.peft.AdapterPosition;
import dev.surmbench.peft.InvalidMethodConfigException;
import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.ResidualBranch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Houlsby bottleneck adapter h ← h + U·GELU(D·h + b_D) + b_U with bottleneck {@code size}, U zero
 * at init; 2·d·size + size + d scalars per position (LayerNorms stay frozen). With {@code positions:
 * [ffn]} it is the Pfeiffer placement.
 */
public record BottleneckAdapterConfig(int size, double dropout, Set<AdapterPosition> positions)
        implements AdapterMethodConfig {

    private static final OptionSpec<Integer> SIZE = OptionSpec.integer("size", 64, "bottleneck width");

    public static final MethodDefinition ADAPTER = new MethodDefinition("adapter",
            "Houlsby adapter: h + U GELU(D h + b_D) + b_U after attention and FFN outputs, U zero",
            List.of(SIZE, MethodDefinition.DROPOUT, MethodDefinition.POSITIONS),
            options -> new BottleneckAdapterConfig(options.get(SIZE), options.get(MethodDefinition.DROPOUT),
                    MethodDefinition.positions("adapter", options)));

    public BottleneckAdapterConfig {
        MethodOptions.requireRange("adapter", "size", size, 1, 65536);
        MethodOptions.requireRange("adapter", "dropout", dropout, 0, 0.99);
        if (positions == null || positions.isEmpty()) {
            throw new InvalidMethodConfigException("adapter", "positions", "must name attention, ffn or both");
        }
        positions = Set.copyOf(positions);
    }

    @Override
    public String method() {
        return "adapter";
    }

    @Override
    public ParameterCount count(int features) {
        return ParameterCount.of(2L * features * size + size + features);
    }

    @Override
    public ResidualBranch create(int features, long seed) {
        return new BottleneckAdapter(features, size, (float) dropout, seed);
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", size);
        out.put("dropout", dropout);
        out.put("positions", StructuredAdapterConfig.positionNames(positions));
        return out;
    }
}
