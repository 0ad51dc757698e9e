package dev.surmbench.peft.selective;

import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.ParameterCount;
import java.util.List;
import java.util.Map;

/**
 * The selective methods: they add no blocks and train a chosen subset of the backbone's own
 * parameters — full fine-tuning (all of them), a linear probe (none: head only) and BitFit (the bias
 * vectors, LayerNorm biases included, + head). Every PEFT method is compared with them.
 */
public record SelectiveConfig(String method, BaseTraining baseTraining) implements MethodConfig {

    public static final MethodDefinition FULL = selective("full", "full fine-tuning: every backbone weight trains", BaseTraining.ALL);
    public static final MethodDefinition LINEAR_PROBE = selective("linear-probe", "only the task head trains", BaseTraining.NONE);
    public static final MethodDefinition BITFIT = selective("bitfit", "BitFit: all bias vectors (LayerNorm biases included) + head", BaseTraining.BIASES);

    private static MethodDefinition selective(String name, String description, BaseTraining training) {
        return new MethodDefinition(name, description, List.of(), options -> new SelectiveConfig(name, training));
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
