package dev.surmbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.core.SeededInit;
import dev.surmbench.util.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns every parameter of a freshly built classification model its initial value before the
 * block is initialised: the tensor of the same canonical name from the weight file (shape checked)
 * or, for the task head and for parameters a file may lack (the pooler), a seeded initialiser.
 * Missing backbone tensors and unexpected file tensors are errors naming the file and the tensors.
 */
final class WeightBinder {
    /** File tensors that are known not to belong to the encoder (pretraining/task heads, buffers). */
    private static final List<String> IGNORABLE_PREFIXES = List.of("cls.", "classifier.");
    private static final int LISTED = 8;

    private WeightBinder() {}

    /**
     * Binds {@code weights} (canonical names, see {@link TensorSet}) into {@code root}, whose
     * encoder lives under {@code config.prefix()}; {@code weights == null} seeds everything. With
     * {@code headFromWeights} the task head is read from the file too ({@code classifier.*} under its
     * own name) and is required there.
     */
    static LoadReport bind(Block root, BackboneConfig config, TensorSet weights, long seed, boolean headFromWeights) {
        String prefix = config.prefix() + ".";
        List<String> heads = config.headPrefixes();
        List<String> loaded = new ArrayList<>();
        List<String> seeded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        String file = weights == null ? "" : weights.file();
        for (Map.Entry<String, Parameter> e : BlockPaths.parameters(root).entrySet()) {
            String path = e.getKey();
            Parameter p = e.getValue();
            boolean head = isUnder(path, heads);
            String canonical = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            boolean fromFile = weights != null && (headFromWeights ? head || canonical != null
                    : canonical != null && !path.startsWith("classifier."));
            String name = canonical == null ? path : canonical;
            WeightTensor t = fromFile ? weights.tensors().get(name) : null;
            if (t != null) {
                if (!Arrays.equals(t.shape(), p.getShape().getShape())) {
                    throw new WeightLoadException(file, name, "shape " + Arrays.toString(t.shape()) + " does not match the model's "
                            + p.getShape() + " for " + path + " (config mismatch?)");
                }
                p.setInitializer(new FixedInitializer(t, file, name));
                loaded.add(path);
                used.add(name);
            } else if (weights == null || (head && !headFromWeights)) {
                p.setInitializer(seeded(path, p, seed));
                seeded.add(path);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new WeightLoadException(file, missing.get(0), missing.size() + " tensor(s) missing: " + list(missing));
        }
        List<String> ignored = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        if (weights != null) {
            for (String name : weights.names()) {
                if (used.contains(name)) {
                    continue;
                }
                boolean ignorable = IGNORABLE_PREFIXES.stream().anyMatch(name::startsWith)
                        || (config.family() == Architecture.Family.VIT && name.startsWith("pooler."))
                        || beyondSlice(name, config.numHiddenLayers());
                (ignorable ? ignored : unexpected).add(name);
            }
        }
        if (!unexpected.isEmpty()) {
            throw new WeightLoadException(file, unexpected.get(0), unexpected.size() + " unexpected tensor(s): " + list(unexpected));
        }
        return new LoadReport(file, loaded, seeded, ignored);
    }

    /**
     * Hugging Face's {@code _init_weights} from the seed: LayerNorm scale 1, biases 0, other
     * weights N(0, 0.02²), each parameter from {@code Seeds.derive(seed, path)}.
     */
    static Initializer seeded(String path, Parameter p, long seed) {
        if (p.getType() == Parameter.Type.GAMMA) {
            return Initializer.ONES;
        }
        if (p.getType() == Parameter.Type.BIAS || p.getType() == Parameter.Type.BETA) {
            return SeededInit.zeros();
        }
        return SeededInit.normal(0.02, Seeds.derive(seed, path));
    }

    /** A tensor of an encoder layer the (sliced) config does not have: "encoder.layer.N." with N ≥ layers. */
    private static boolean beyondSlice(String name, int layers) {
        java.util.regex.Matcher m = LAYER.matcher(name);
        return m.lookingAt() && Integer.parseInt(m.group(1)) >= layers;
    }

    private static final java.util.regex.Pattern LAYER = java.util.regex.Pattern.compile("encoder\\.layer\\.(\\d+)\\.");

    private static boolean isUnder(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }

    private static String list(List<String> names) {
        List<String> head = names.subList(0, Math.min(LISTED, names.size()));
        return String.join(", ", head) + (names.size() > LISTED ? ", … (" + (names.size() - LISTED) + " more)" : "");
    }

    /** An initialiser that yields a loaded tensor (checked against the requested shape). */
    private record FixedInitializer(WeightTensor tensor, String file, String name) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            if (!Arrays.equals(shape.getShape(), tensor.shape())) {
                throw new WeightLoadException(file, name, "shape " + Arrays.toString(tensor.shape()) + " does not match " + shape);
            }
            return manager.create(tensor.data(), shape).toType(dataType, false);
        }
    }
}
