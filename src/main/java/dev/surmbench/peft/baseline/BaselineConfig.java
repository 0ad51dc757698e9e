package dev.surmbench.peft.baseline;

import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.ParameterCount;
import java.util.List;
import java.util.Map;

/**
 * The reference points every PEFT method is compared with: full fine-tuning (all backbone
 * weights), a linear probe (head only) and BitFit (bias vectors, LayerNorm biases included, +
 * head). They add no blocks; they only decide what trains.
 */
public record BaselineConfig(String method, BaseTraining baseTraining) implements MethodConfig {

    public static final MethodDefinition FULL = baseline("full", "full fine-tuning: every backbone weight trains", BaseTraining.ALL);
    public static final MethodDefinition LINEAR_PROBE = baseline("linear-probe", "only the task head trains", BaseTraining.NONE);
    public static final MethodDefinition BITFIT = baseline("bitfit", "BitFit: all bias vectors (LayerNorm biases included) + head", BaseTraining.BIASES);

    private static MethodDefinition baseline(String name, String description, BaseTraining training) {
        return new MethodDefinition(name, description, List.of(), options -> new BaselineConfig(name, training));
    }

    @Override
    public Map<String, Object> options() {
        return Map.of();
    }

    @Override
    public ParameterCount count(AdaptationSites sites) {
        return ParameterCount.of(switch (baseTraining) {
            case ALL -> sites.baseParameters();
            case BIASES -> sites.baseBiasParameters();
            case NONE -> 0;
        });
    }
}
