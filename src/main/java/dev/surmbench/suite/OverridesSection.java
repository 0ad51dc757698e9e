package dev.surmbench.suite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Per-(task, method) settings: a suite's {@code overrides:} list and the entries of the file it pins
 * ({@code pinned:}, written by {@code surm-bench tune}). Each entry names a task and a method entry by
 * its label and sets any settings for that one cell; they apply after the task's and the method's own
 * settings, the pinned file's last:
 *
 * <pre>
 * overrides:
 *   - {task: stsb, method: circulant, batch_size: 32}
 * pinned: pinned/glue.tuned.yaml
 * </pre>
 *
 * A pinned entry also carries {@code tuning:} (how it was chosen: grid, trial budget, trial seeds,
 * per-rate validation means, edge flag, trial run ids); its {@code grid} and {@code budget} must still be
 * the suite's for the cell, or the pin is stale.
 */
final class OverridesSection {
    private static final Set<String> PINNED_KEYS = Set.of("suite", "rule", "overrides");

    /**
     * One entry: the cell, its settings, the grid and trial budget a pinned entry was tuned on (null: not
     * recorded; an empty budget: the full one).
     */
    record Entry(String task, String method, Map<String, Object> settings, List<Double> tunedGrid,
                 Map<String, Object> tunedBudget, YamlNode node, boolean pinned) {}

    /** Every entry, suite's first, then the pinned file's. */
    record Overlay(List<Entry> entries) {
        static final Overlay NONE = new Overlay(List.of());

        /** The settings of cell (task, method label): overrides, then pins. */
        Map<String, Object> settings(String task, String method) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.stream().filter(e -> e.task.equals(task) && e.method.equals(method)).forEach(e -> out.putAll(e.settings));
            return out;
        }

        /** The pinned entry of a cell, or null. */
        Entry pin(String task, String method) {
            return entries.stream().filter(e -> e.pinned && e.task.equals(task) && e.method.equals(method)).findFirst()
                    .orElse(null);
        }
    }

    private final SuiteCatalog catalog;
    private final BiConsumer<YamlNode, String> problem;
    private final Function<Map<String, YamlNode>, Map<String, Object>> resolve;

    OverridesSection(SuiteCatalog catalog, BiConsumer<YamlNode, String> problem,
                     Function<Map<String, YamlNode>, Map<String, Object>> resolve) {
        this.catalog = catalog;
        this.problem = problem;
        this.resolve = resolve;
    }

    /** The entries of a suite's {@code overrides:} list (none when {@code node} is null). */
    List<Entry> overrides(YamlNode node) {
        return entries(node, false);
    }

    /** The entries of a pinned file's root. */
    List<Entry> pinned(YamlNode root) {
        if (!root.isMap()) {
            problem.accept(root, "a pinned file is a mapping with 'overrides:' (written by `surm-bench tune`), got "
                    + root.describeType());
            return List.of();
        }
        root.map().keySet().stream().filter(k -> !PINNED_KEYS.contains(k)).forEach(k -> problem.accept(root.keyNode(k),
                "unknown key '" + k + "' in a pinned file; allowed: overrides, rule, suite"));
        return entries(root.map().get("overrides"), true);
    }

    /** Entries naming a cell the suite does not have ({@code cells}: "task/method"), reported as problems. */
    void checkCells(Overlay overlay, Set<String> cells) {
        Set<String> seen = new HashSet<>();
        for (Entry e : overlay.entries()) {
            String cell = e.task + "/" + e.method;
            if (!cells.contains(cell)) {
                problem.accept(e.node, (e.pinned ? "the pinned file" : "'overrides'") + " names " + cell
                        + ", which is no task/method cell of this suite" + (e.pinned ? "; tune again to renew the file" : ""));
            } else if (e.pinned && !seen.add(cell)) {
                problem.accept(e.node, "the pinned file lists " + cell + " twice");
            }
        }
    }

    /** A pinned entry's {@code tuning.budget}: {@code full} (empty) or the trials' settings; null after a problem. */
    private Map<String, Object> budget(YamlNode tuning) {
        YamlNode node = tuning.map().get("budget");
        if (node != null && "full".equals(node.value())) {
            return Map.of();
        }
        if (node == null || !node.isMap()) {
            problem.accept(node == null ? tuning : node, "'tuning' must hold the 'budget' its trials used: full, or the"
                    + " settings, e.g. {epochs: 1, train_limit: 2000}" + (node == null ? "; tune again" : ", got " + node.describeType()));
            return null;
        }
        return resolve.apply(node.map());
    }

    private List<Entry> entries(YamlNode node, boolean pinned) {
        List<Entry> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isList()) {
            problem.accept(node, "'overrides' must be a list of {task: T, method: M, setting: value, …}, got "
                    + node.describeType());
            return out;
        }
        for (YamlNode item : node.list()) {
            if (!item.isMap() || !(item.map().get("task") != null && item.map().get("task").value() instanceof String task)
                    || !(item.map().get("method") != null && item.map().get("method").value() instanceof String method)) {
                problem.accept(item, "an override is {task: T, method: LABEL, setting: value, …}, got " + item.describeType());
                continue;
            }
            Map<String, YamlNode> rest = new LinkedHashMap<>(item.map());
            rest.remove("task");
            rest.remove("method");
            YamlNode tuning = rest.remove("tuning");
            List<Double> grid = null;
            Map<String, Object> budget = null;
            if (tuning != null) {
                grid = tuning.isMap() ? TuneSection.numbers(tuning.map().get("grid")) : null;
                if (!pinned || grid == null) {
                    problem.accept(tuning, pinned ? "'tuning' must hold the 'grid' the rate was chosen from"
                            : "'tuning' belongs in a pinned file (written by `surm-bench tune`)");
                } else {
                    budget = budget(tuning);
                }
            }
            try {
                out.add(new Entry(catalog.canonicalTask(task), method, resolve.apply(rest), grid, budget, item, pinned));
            } catch (IllegalArgumentException e) {
                problem.accept(item.map().get("task"), e.getMessage());
            }
        }
        return out;
    }
}
