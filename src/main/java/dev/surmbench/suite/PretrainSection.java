package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.model.vit.VitConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Parses a suite's {@code pretrain:} section — a mapping from stage name to its settings — into
 * {@link PretrainSpec}s, reporting every problem at its node through the parser's sink:
 *
 * <pre>
 * pretrain:
 *   fashion-vit:
 *     dataset: fashion-mnist      # an image dataset with a test split (required)
 *     seed: 7                     # the stage's own seed (required)
 *     image_size: 28              # geometry: image_size, patch_size, channels, hidden_size,
 *     patch_size: 7               #   layers, heads, intermediate_size
 *     hidden_size: 128
 *     layers: 4
 *     heads: 4
 *     intermediate_size: 256
 *     epochs: 3                   # training: epochs, batch_size, learning_rate, weight_decay,
 *     batch_size: 64              #   warmup_ratio, max_grad_norm, train_limit, eval_limit
 *     learning_rate: 0.001
 *     data_dir: ""                # images root (not part of the hash)
 * </pre>
 */
final class PretrainSection {
    /** LayerNorm epsilon of pretrained stages: the original ViT's 1e-6 (transformers' default 1e-12 diverged in float32). */
    static final double LAYER_NORM_EPS = 1e-6;

    private record Field(String name, Object builtIn, boolean integer, double min, double max) {}

    private static final List<Field> FIELDS = List.of(
            new Field("seed", null, true, 0, Long.MAX_VALUE),
            new Field("image_size", 28L, true, 1, 4096),
            new Field("patch_size", 7L, true, 1, 4096),
            new Field("channels", 1L, true, 1, 3),
            new Field("hidden_size", 128L, true, 1, 65536),
            new Field("layers", 4L, true, 1, 1000),
            new Field("heads", 4L, true, 1, 1024),
            new Field("intermediate_size", 256L, true, 1, 1 << 20),
            new Field("epochs", 3L, true, 1, 10000),
            new Field("batch_size", 64L, true, 1, 65536),
            new Field("learning_rate", 1e-3, false, 1e-9, 10),
            new Field("weight_decay", 0.0, false, 0, 10),
            new Field("warmup_ratio", 0.1, false, 0, 1),
            new Field("max_grad_norm", 1.0, false, 0, 1e6),
            new Field("train_limit", 0L, true, 0, 1e9),
            new Field("eval_limit", 0L, true, 0, 1e9));

    private final SuiteCatalog catalog;
    private final BiConsumer<YamlNode, String> problem;
    private final java.util.Set<String> declared = new java.util.LinkedHashSet<>();

    PretrainSection(SuiteCatalog catalog, BiConsumer<YamlNode, String> problem) {
        this.catalog = catalog;
        this.problem = problem;
    }

    /** Every key a stage accepts. */
    static TreeSet<String> keys() {
        TreeSet<String> keys = new TreeSet<>(List.of("dataset", "data_dir"));
        FIELDS.forEach(f -> keys.add(f.name()));
        return keys;
    }

    /** Every stage name the section declares, valid or not (runs naming an invalid one get no second error). */
    java.util.Set<String> declared() {
        return declared;
    }

    /** The stages by name, or an empty map when {@code section} is null; problems go to the sink. */
    Map<String, PretrainSpec> parse(YamlNode section) {
        Map<String, PretrainSpec> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        if (!section.isMap() || section.map().isEmpty()) {
            problem.accept(section, "'pretrain' must map stage names to their settings, e.g. {fashion-vit: {dataset: "
                    + "fashion-mnist, seed: 7}}, got " + section.describeType());
            return out;
        }
        section.map().forEach((name, node) -> {
            declared.add(name);
            if (!name.matches("[A-Za-z0-9._-]+")) {
                problem.accept(section.keyNode(name), "a pretrain stage name is letters, digits, '.', '_' or '-', got '" + name + "'");
            } else if (!node.isMap()) {
                problem.accept(node, "pretrain stage '" + name + "' must be a mapping of " + String.join(", ", keys())
                        + ", got " + node.describeType());
            } else {
                PretrainSpec spec = stage(name, node);
                if (spec != null) {
                    out.put(name, spec);
                }
            }
        });
        return out;
    }

    private PretrainSpec stage(String name, YamlNode node) {
        int before = problemsSeen;
        node.map().keySet().stream().filter(k -> !keys().contains(k)).forEach(k ->
                report(node.keyNode(k), "unknown key '" + k + "' in pretrain stage '" + name + "'; allowed: " + String.join(", ", keys())));
        String dataset = dataset(name, node);
        Map<String, Number> v = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            YamlNode value = node.map().get(f.name());
            if (value == null) {
                if (f.builtIn() == null) {
                    report(node, "pretrain stage '" + name + "' needs '" + f.name() + "' (the stage's own seed, e.g. " + f.name() + ": 7)");
                } else {
                    v.put(f.name(), (Number) f.builtIn());
                }
                continue;
            }
            Number n = number(f, value, name);
            if (n != null) {
                v.put(f.name(), n);
            }
        }
        String dataDir = "";
        YamlNode dir = node.map().get("data_dir");
        if (dir != null) {
            if (dir.value() instanceof String s) {
                dataDir = s;
            } else {
                report(dir, "'data_dir' must be text (a folder), got " + dir.describeType());
            }
        }
        if (problemsSeen != before || dataset == null) {
            return null;
        }
        VitConfig vit;
        try {
            vit = new VitConfig(i(v, "image_size"), i(v, "patch_size"), i(v, "channels"), i(v, "hidden_size"), i(v, "layers"),
                    i(v, "heads"), i(v, "intermediate_size"), LAYER_NORM_EPS, 0.0, 0.0, true);
        } catch (IllegalArgumentException e) {
            report(node, "pretrain stage '" + name + "': " + e.getMessage());
            return null;
        }
        int datasetChannels = catalog.imageChannels(dataset).orElse(vit.numChannels());
        if (datasetChannels > vit.numChannels()) {
            report(node.map().getOrDefault("channels", node), "pretrain stage '" + name + "': " + dataset + " has "
                    + datasetChannels + " channels but the backbone takes " + vit.numChannels() + "; set channels: " + datasetChannels);
            return null;
        }
        return new PretrainSpec(name, dataset, vit, i(v, "epochs"), i(v, "batch_size"), d(v, "learning_rate"),
                d(v, "weight_decay"), d(v, "warmup_ratio"), d(v, "max_grad_norm"), i(v, "train_limit"),
                i(v, "eval_limit"), v.get("seed").longValue(), dataDir);
    }

    private String dataset(String name, YamlNode node) {
        YamlNode d = node.map().get("dataset");
        if (d == null) {
            report(node, "pretrain stage '" + name + "' needs 'dataset' (an image dataset with a test split, e.g. fashion-mnist)");
            return null;
        }
        if (!(d.value() instanceof String s)) {
            report(d, "'dataset' must be a dataset name, got " + d.describeType());
            return null;
        }
        try {
            String canonical = catalog.canonicalTask(s);
            if (catalog.taskDomain(canonical) != TaskDomain.IMAGE) {
                report(d, "'" + s + "' is not an image dataset; a pretrain stage trains a ViT on images");
                return null;
            }
            if (!catalog.hasTestSplit(canonical)) {
                report(d, "'" + s + "' has no test split to report the pretraining accuracy on; pick one that has");
                return null;
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            report(d, e.getMessage());
            return null;
        }
    }

    private Number number(Field f, YamlNode node, String stage) {
        Object value = node.value();
        if (f.integer() && !(value instanceof Long)) {
            report(node, "'" + f.name() + "' in pretrain stage '" + stage + "' must be a whole number, got " + node.describeType());
            return null;
        }
        if (!(value instanceof Number n)) {
            report(node, "'" + f.name() + "' in pretrain stage '" + stage + "' must be a number, got " + node.describeType());
            return null;
        }
        double x = n.doubleValue();
        if (x < f.min() || x > f.max()) {
            report(node, "'" + f.name() + "' in pretrain stage '" + stage + "' must be in [" + fmt(f.min()) + ", " + fmt(f.max())
                    + "], got " + value);
            return null;
        }
        return n;
    }

    private int problemsSeen;

    private void report(YamlNode at, String message) {
        problemsSeen++;
        problem.accept(at, message);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static int i(Map<String, Number> v, String key) {
        return v.get(key).intValue();
    }

    private static double d(Map<String, Number> v, String key) {
        return v.get(key).doubleValue();
    }
}
