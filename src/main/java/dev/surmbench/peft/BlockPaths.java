package dev.surmbench.peft;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dotted module and parameter paths of a DJL block tree, in Hugging Face style
 * ({@code encoder.layer.0.attention.self.query.weight}). DJL stores a child added as "query" under
 * the key "01query" (its 1-based position, two digits); that prefix is removed here.
 */
public final class BlockPaths {
    private BlockPaths() {}

    /** Every block below {@code root} (root excluded) by path, depth-first in child order. */
    public static Map<String, Block> modules(Block root) {
        Map<String, Block> out = new LinkedHashMap<>();
        collectModules(root, "", out);
        return out;
    }

    /** Every parameter of the tree by path ("module.path.name"), in child order. */
    public static Map<String, Parameter> parameters(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collectParameters(root, "", out);
        return out;
    }

    private static void collectModules(Block block, String prefix, Map<String, Block> out) {
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            String path = join(prefix, childName(child.getKey(), index++));
            out.put(path, child.getValue());
            collectModules(child.getValue(), path, out);
        }
    }

    private static void collectParameters(Block block, String prefix, Map<String, Parameter> out) {
        for (Parameter p : block.getDirectParameters().values()) {
            out.put(join(prefix, p.getName()), p);
        }
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            collectParameters(child.getValue(), join(prefix, childName(child.getKey(), index++)), out);
        }
    }

    /** The name a child was added under, without DJL's position prefix. */
    static String childName(String key, int index) {
        String prefix = String.format(Locale.ROOT, "%02d", index + 1);
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
