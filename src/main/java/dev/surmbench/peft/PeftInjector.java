package dev.surmbench.peft;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.surmbench.peft.core.PeftModule;
import dev.surmbench.peft.core.ResidualBranch;
import dev.surmbench.peft.core.StructuredOperator;
import dev.surmbench.util.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one generic injector: walks any DJL block tree, attaches the configured method to every
 * {@link AdaptableLinear} its targets match (or every {@link AdapterSlot} at its positions), and
 * sets which parameters train. It knows nothing about the model beyond module paths.
 *
 * <p>Initialisation of each added block draws from {@code Seeds.derive(seed, path)}, so the same
 * seed gives the same adapters whatever else changes.
 */
public final class PeftInjector {
    private PeftInjector() {}

    /**
     * Injects {@code config} into {@code model} (already initialised or loaded) and freezes what the
     * method does not train.
     *
     * @param headPrefixes module paths of the task head (always trainable), e.g. {@code classifier}
     */
    public static InjectionReport inject(Block model, MethodConfig config, List<String> headPrefixes, long seed) {
        return inject(model, config, headPrefixes, List.of(), seed);
    }

    /**
     * As {@link #inject(Block, MethodConfig, List, long)}, restricted to the modules under {@code scope}
     * (module paths such as {@code bert.encoder.layer.4}; empty = the whole model): updates and adapters
     * attach only there, and only there do BitFit biases or full fine-tuning weights train — PEFT's
     * {@code layers_to_transform}, extended to the selective methods (full, BitFit). The head trains either way.
     */
    public static InjectionReport inject(Block model, MethodConfig config, List<String> headPrefixes, List<String> scope,
                                         long seed) {
        List<String> adapted = new ArrayList<>();
        if (config instanceof UpdateMethodConfig update) {
            adapted.addAll(attachUpdates(model, update, scope, seed));
        } else if (config instanceof AdapterMethodConfig adapter) {
            adapted.addAll(attachAdapters(model, adapter, scope, seed));
        }
        return applyTrainability(model, config, headPrefixes, scope, adapted);
    }

    /** The adaptation sites of a live model, for accounting and for checking formulas against blocks. */
    public static AdaptationSites sites(Block model, List<String> headPrefixes) {
        return sites(model, headPrefixes, List.of());
    }

    /** The sites under {@code scope} (empty = everywhere); base counts cover the backbone weights there. */
    public static AdaptationSites sites(Block model, List<String> headPrefixes, List<String> scope) {
        List<LinearSite> linears = new ArrayList<>();
        List<AdapterSite> slots = new ArrayList<>();
        for (Map.Entry<String, Block> e : BlockPaths.modules(model).entrySet()) {
            if (!inScope(e.getKey(), scope)) {
                continue;
            }
            if (e.getValue() instanceof AdaptableLinear linear) {
                linears.add(new LinearSite(e.getKey(), linear.inFeatures(), linear.outFeatures()));
            } else if (e.getValue() instanceof AdapterSlot slot) {
                slots.add(new AdapterSite(e.getKey(), slot.position(), slot.features()));
            }
        }
        long base = 0;
        long biases = 0;
        for (Map.Entry<String, Parameter> e : baseParameters(model).entrySet()) {
            if (isUnder(e.getKey(), headPrefixes) || !inScope(e.getKey(), scope)) {
                continue;
            }
            long size = e.getValue().getShape().size();
            base += size;
            if (isBias(e.getKey())) {
                biases += size;
            }
        }
        return new AdaptationSites(linears, slots, base, biases);
    }

    private static List<String> attachUpdates(Block model, UpdateMethodConfig config, List<String> scope, long seed) {
        List<Map.Entry<String, Block>> linears = new ArrayList<>();
        for (Map.Entry<String, Block> e : BlockPaths.modules(model).entrySet()) {
            if (e.getValue() instanceof AdaptableLinear && inScope(e.getKey(), scope)) {
                linears.add(e);
            }
        }
        List<String> adapted = new ArrayList<>();
        for (Map.Entry<String, Block> e : TargetMatcher.select(config.method(), config.targets(), linears, Map.Entry::getKey)) {
            AdaptableLinear linear = (AdaptableLinear) e.getValue();
            config.checkShape(linear.inFeatures(), linear.outFeatures());
            StructuredOperator op = config.create(linear.inFeatures(), linear.outFeatures(), Seeds.derive(seed, e.getKey()));
            linear.attachUpdate(config.method(), op, (float) config.scale(), (float) config.dropout());
            adapted.add(e.getKey());
        }
        return adapted;
    }

    private static List<String> attachAdapters(Block model, AdapterMethodConfig config, List<String> scope, long seed) {
        NDManager manager = anyInitializedManager(model);
        List<String> adapted = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (Map.Entry<String, Block> e : BlockPaths.modules(model).entrySet()) {
            if (!(e.getValue() instanceof AdapterSlot slot) || !inScope(e.getKey(), scope)) {
                continue;
            }
            available.add(e.getKey());
            if (!config.positions().contains(slot.position())) {
                continue;
            }
            ResidualBranch branch = config.create(slot.features(), Seeds.derive(seed, e.getKey()));
            slot.attach(config.method(), branch);
            if (manager != null) {
                branch.initialize(manager, DataType.FLOAT32, new Shape(1, slot.features()));
            }
            adapted.add(e.getKey());
        }
        if (adapted.isEmpty()) {
            throw new NoTargetMatchedException(config.method(), "positions " + config.positions(),
                    available.isEmpty() ? List.of("(this model has no adapter slots)") : available);
        }
        return adapted;
    }

    private static InjectionReport applyTrainability(
            Block model, MethodConfig config, List<String> headPrefixes, List<String> scope, List<String> adapted) {
        Map<String, Block> modules = BlockPaths.modules(model);
        ParameterCount method = ParameterCount.ZERO;
        for (Map.Entry<String, Block> e : modules.entrySet()) {
            if (e.getValue() instanceof PeftModule module && !hasPeftAncestor(e.getKey(), modules)) {
                method = method.plus(module.parameterCount());
            }
        }
        long baseTrainable = 0;
        long head = 0;
        long frozen = 0;
        for (Map.Entry<String, Parameter> e : baseParameters(model).entrySet()) {
            long size = e.getValue().getShape().size();
            boolean isHead = isUnder(e.getKey(), headPrefixes);
            boolean train = isHead || inScope(e.getKey(), scope) && switch (config.baseTraining()) {
                case ALL -> true;
                case BIASES -> isBias(e.getKey());
                case NONE -> false;
            };
            e.getValue().freeze(!train);
            if (isHead) {
                head += size;
            } else if (train) {
                baseTrainable += size;
            } else {
                frozen += size;
            }
        }
        return new InjectionReport(config.method(), adapted, method, baseTrainable, head, frozen);
    }

    /** Parameters that belong to the backbone or head, not to blocks added by a method. */
    static Map<String, Parameter> baseParameters(Block model) {
        Map<String, Parameter> all = BlockPaths.parameters(model);
        Map<String, Block> modules = BlockPaths.modules(model);
        all.keySet().removeIf(path -> hasPeftAncestor(path, modules));
        return all;
    }

    private static boolean hasPeftAncestor(String path, Map<String, Block> modules) {
        String parent = path;
        while (parent.contains(".")) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            if (modules.get(parent) instanceof PeftModule) {
                return true;
            }
        }
        return false;
    }

    /** True everywhere when {@code scope} is empty, else under one of its module paths. */
    private static boolean inScope(String path, List<String> scope) {
        return scope.isEmpty() || isUnder(path, scope);
    }

    private static boolean isUnder(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Bias vectors, LayerNorm shifts included ("bias"; DJL's LayerNorm calls it "beta"). */
    private static boolean isBias(String path) {
        return path.endsWith(".bias") || path.endsWith(".beta") || path.equals("bias");
    }

    private static NDManager anyInitializedManager(Block model) {
        for (Parameter p : model.getParameters().values()) {
            if (p.isInitialized()) {
                return p.getArray().getManager();
            }
        }
        return null;
    }
}
