package dev.surmbench.suite;

import dev.surmbench.data.ValidationSplit;
import dev.surmbench.model.LayerSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The suite parser's part for setting values ({@link RunSettings}' keys and kinds): each node becomes its
 * value or a problem reported at the node — an unknown key, a wrong type, a value out of range, a layer
 * selection, an unknown backbone or device, a backbone naming no pretrain stage. It knows the catalog and
 * the suite's pretrain stages; nothing of tasks, methods or tuning.
 */
final class SettingValues {
    private final SuiteCatalog catalog;
    private final BiConsumer<YamlNode, String> problem;
    /** A value node's key node (where an unknown key is reported). */
    private final Map<YamlNode, YamlNode> keyNodes;
    private final Map<String, PretrainSpec> pretrains;
    /** Declared pretrain stages that have problems of their own (a backbone naming one is not reported again). */
    private final Set<String> invalidStages;

    SettingValues(SuiteCatalog catalog, BiConsumer<YamlNode, String> problem, Map<YamlNode, YamlNode> keyNodes,
                  Map<String, PretrainSpec> pretrains, Set<String> invalidStages) {
        this.catalog = catalog;
        this.problem = problem;
        this.keyNodes = keyNodes;
        this.pretrains = pretrains;
        this.invalidStages = invalidStages;
    }

    /** {@code base} with each of {@code overrides} parsed as its setting (a bad one is reported and left out). */
    Map<String, Object> resolve(Map<String, Object> base, Map<String, YamlNode> overrides) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overrides.forEach((key, node) -> {
            RunSettings.Key spec = RunSettings.key(key);
            if (spec == null) {
                problem.accept(keyNodes.getOrDefault(node, node), "unknown setting '" + key + "'; allowed: " + String.join(", ", RunSettings.names()));
                return;
            }
            Object value = setting(spec, node);
            if (value != null) {
                out.put(key, value);
            }
        });
        return out;
    }

    private Object setting(RunSettings.Key spec, YamlNode node) {
        switch (spec.kind()) {
            case INT -> {
                long v = integer(node, spec.name(), (long) spec.min(), (long) spec.max());
                return v == Long.MIN_VALUE ? null : v;
            }
            case NUMBER -> {
                if (!(node.value() instanceof Number n)) {
                    problem.accept(node, "'" + spec.name() + "' must be a number, got " + node.describeType());
                    return null;
                }
                double v = n.doubleValue();
                if (!(v >= spec.min() && v <= spec.max())) {
                    problem.accept(node, "'" + spec.name() + "' must be in [" + spec.min() + ", " + spec.max() + "], got " + v);
                    return null;
                }
                if (spec.name().equals("validation")) {
                    try {
                        new ValidationSplit(v, 0);
                    } catch (IllegalArgumentException e) {
                        problem.accept(node, e.getMessage());
                        return null;
                    }
                }
                return v;
            }
            case LAYERS -> {
                return layers(spec.name(), node);
            }
            default -> {
                if (!(node.value() instanceof String s)) {
                    problem.accept(node, "'" + spec.name() + "' must be text, got " + node.describeType());
                    return null;
                }
                return checkText(spec.name(), s, node);
            }
        }
    }

    /** A layer selection in canonical text: a list of whole numbers, or 'all' / 'top-N'. */
    private String layers(String key, YamlNode node) {
        try {
            if (node.isList()) {
                List<Integer> indices = new ArrayList<>();
                for (YamlNode item : node.list()) {
                    if (!(item.value() instanceof Long v) || v > Integer.MAX_VALUE) {
                        problem.accept(item, "'" + key + "' lists layer indices (whole numbers from 0), got " + item.describeType());
                        return null;
                    }
                    indices.add((int) (long) v);
                }
                return LayerSelection.of(indices).toString();
            }
            if (node.value() instanceof String s) {
                return LayerSelection.parse(s).toString();
            }
            problem.accept(node, "'" + key + "' must be all, top-N or a list of layer indices like [4, 5], got " + node.describeType());
        } catch (IllegalArgumentException e) {
            problem.accept(node, e.getMessage());
        }
        return null;
    }

    private String checkText(String key, String value, YamlNode node) {
        try {
            RunSettings.Key spec = RunSettings.key(key);
            if (key.equals("backbone") && value.startsWith(PretrainSpec.BACKBONE_PREFIX)) {
                PretrainSpec stage = pretrains.get(PretrainSpec.nameOf(value));
                if (stage == null && !value.contains("@") && invalidStages.contains(PretrainSpec.nameOf(value))) {
                    return value; // the stage's own problems are reported; geometry checks skip it
                }
                if (stage == null || value.contains("@")) {
                    throw new IllegalArgumentException("backbone '" + value + "' names no pretrain stage; declared: "
                            + (pretrains.isEmpty() ? "none (add a 'pretrain:' section)" : String.join(", ", pretrains.keySet())));
                }
                return stage.backboneRef();
            } else if (key.equals("backbone")) {
                catalog.checkBackbone(value);
            } else if (key.equals("device")) {
                DeviceChoice.parse(value);
            } else if (spec != null && !spec.choices().isEmpty() && !spec.choices().contains(value)) {
                throw new IllegalArgumentException("'" + key + "' must be one of " + String.join(", ", new java.util.TreeSet<>(spec.choices()))
                        + ", got '" + value + "'");
            }
            return value;
        } catch (IllegalArgumentException e) {
            problem.accept(node, e.getMessage());
            return null;
        }
    }

    private long integer(YamlNode node, String key, long min, long max) {
        return integer(node, key, min, max, problem);
    }

    /** A whole number in [min, max]; {@link Long#MIN_VALUE} (reported to {@code problem}) otherwise. */
    static long integer(YamlNode node, String key, long min, long max, BiConsumer<YamlNode, String> problem) {
        if (!(node.value() instanceof Long v)) {
            problem.accept(node, "'" + key + "' must be a whole number, got " + node.describeType());
            return Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            problem.accept(node, "'" + key + "' must be in [" + min + ", " + max + "], got " + v);
            return Long.MIN_VALUE;
        }
        return v;
    }
}
