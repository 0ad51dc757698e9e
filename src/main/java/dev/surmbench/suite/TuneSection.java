package dev.surmbench.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Parses a suite's {@code tune:} section, reporting every problem at its node through the parser's sink:
 *
 * <pre>
 * tune:
 *   seeds: [1]                          # trial seeds (default: the suite's first seed)
 *   rank: loss                          # what ranks a trial: headline (default) or loss, on validation;
 *                                       # per task: {default: loss, stsb: headline}
 *   learning_rate: {log_range: [1e-4, 1e-2], points: 5}   # every method's grid (default: its family's)
 *   epochs: 1                           # any other setting: the trial budget, instead of the suite's
 *   full_budget: [cola, stsb]           # tasks whose trials use no budget: each is the final run at its
 *                                       # rate and trial seed (the budget settings, per method too, do not apply)
 *   methods:                            # per method label: its own grid and/or budget
 *     linear-probe: {learning_rate: {grid: [0.001, 0.01, 0.1]}, epochs: 5}
 * </pre>
 *
 * A grid is {@code {grid: [r1, r2, …]}} (ascending) or {@code {log_range: [low, high], points: N}}
 * (N defaults to {@value LearningRateGrid#STANDARD_POINTS}).
 */
final class TuneSection {
    private static final Set<String> OWN = Set.of("seeds", "rank", "learning_rate", "methods", "full_budget");

    /**
     * A parsed {@code tune:} section.
     *
     * @param ranking what ranks a trial, per task
     * @param grid the grid of every method (null: each method's family default)
     * @param settings the trial budget: settings every trial uses instead of the suite's
     * @param methods per method label: its grid (null: as above) and budget settings
     * @param fullBudget the tasks whose trials use no budget settings (as the suite writes them)
     */
    record Parsed(List<Long> seeds, Tuning.Ranking ranking, LearningRateGrid grid, Map<String, Object> settings, Map<String, PerMethod> methods,
                  Set<String> fullBudget, YamlNode node) {
        /** The grid of the method entry {@code label} of method {@code method}. */
        LearningRateGrid gridOf(String label, String method) {
            PerMethod own = methods.get(label);
            if (own != null && own.grid != null) {
                return own.grid;
            }
            return grid != null ? grid : MethodFamily.of(method).grid;
        }

        /** The settings a trial of {@code label} on {@code task} uses on top of the final run's (none: the full budget). */
        Map<String, Object> budget(String task, String label) {
            if (fullBudget.contains(task)) {
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>(settings);
            PerMethod own = methods.get(label);
            if (own != null) {
                out.putAll(own.settings);
            }
            return out;
        }
    }

    /** One method's own grid (null: none) and budget settings. */
    record PerMethod(LearningRateGrid grid, Map<String, Object> settings, YamlNode node) {}

    private final BiConsumer<YamlNode, String> problem;
    private final Function<Map<String, YamlNode>, Map<String, Object>> resolve;

    /**
     * @param resolve turns setting nodes into values, reporting unknown keys and bad values
     */
    TuneSection(BiConsumer<YamlNode, String> problem, Function<Map<String, YamlNode>, Map<String, Object>> resolve) {
        this.problem = problem;
        this.resolve = resolve;
    }

    /** The section, or null when {@code node} is null (no tuning). */
    Parsed parse(YamlNode node, List<Long> suiteSeeds) {
        if (node == null) {
            return null;
        }
        if (!node.isMap()) {
            problem.accept(node, "'tune' must be a mapping (seeds, learning_rate, methods, budget settings), got "
                    + node.describeType());
            return null;
        }
        List<Long> seeds = suiteSeeds.isEmpty() ? List.of() : List.of(suiteSeeds.get(0));
        YamlNode seedsNode = node.map().get("seeds");
        if (seedsNode != null) {
            seeds = seeds(seedsNode);
        }
        Tuning.Ranking ranking = ranking(node.map().get("rank"));
        YamlNode rateNode = node.map().get("learning_rate");
        LearningRateGrid grid = rateNode == null ? null : grid(rateNode);
        Map<String, YamlNode> budget = new LinkedHashMap<>(node.map());
        OWN.forEach(budget::remove);
        Map<String, Object> settings = resolve.apply(budget);
        Map<String, PerMethod> methods = new LinkedHashMap<>();
        YamlNode methodsNode = node.map().get("methods");
        if (methodsNode != null) {
            if (!methodsNode.isMap()) {
                problem.accept(methodsNode, "'tune.methods' maps method labels to {learning_rate: GRID, …settings}, got "
                        + methodsNode.describeType());
            } else {
                methodsNode.map().forEach((label, entry) -> methods.put(label, perMethod(entry)));
            }
        }
        return new Parsed(seeds, ranking, grid, settings, methods, tasks(node.map().get("full_budget")), node);
    }

    /** {@code rank: WORD} for every task, or {@code rank: {default: WORD, TASK: WORD, …}}; headline when absent. */
    private Tuning.Ranking ranking(YamlNode node) {
        if (node == null) {
            return Tuning.Ranking.of(Tuning.Rank.HEADLINE);
        }
        if (!node.isMap()) {
            return Tuning.Ranking.of(rank(node));
        }
        Tuning.Rank fallback = Tuning.Rank.HEADLINE;
        Map<String, Tuning.Rank> byTask = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            if (e.getKey().equals("default")) {
                fallback = rank(e.getValue());
            } else {
                byTask.put(e.getKey(), rank(e.getValue()));
            }
        }
        return new Tuning.Ranking(fallback, byTask);
    }

    private Tuning.Rank rank(YamlNode node) {
        Tuning.Rank rank = node.value() instanceof String key ? Tuning.Rank.of(key) : null;
        if (rank == null) {
            problem.accept(node, "'tune.rank' is headline (the validation headline metric, higher is better)"
                    + " or loss (the validation loss, lower is better) — or per task {default: loss, stsb: headline} —, got "
                    + node.describeType());
            return Tuning.Rank.HEADLINE;
        }
        return rank;
    }

    private PerMethod perMethod(YamlNode entry) {
        if (!entry.isMap()) {
            problem.accept(entry, "a 'tune.methods' entry is a mapping {learning_rate: GRID, …settings}, got "
                    + entry.describeType());
            return new PerMethod(null, Map.of(), entry);
        }
        Map<String, YamlNode> rest = new LinkedHashMap<>(entry.map());
        YamlNode rate = rest.remove("learning_rate");
        return new PerMethod(rate == null ? null : grid(rate), resolve.apply(rest), entry);
    }

    /** {@code full_budget: [TASK, …]}: task names (checked against the suite's tasks later); none when absent. */
    private Set<String> tasks(YamlNode node) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (node != null) {
            items(node, "'tune.full_budget' is a non-empty list of tasks whose trials are full final runs, e.g. [cola, stsb]",
                    item -> item.value() instanceof String task && !task.isBlank() && out.add(task),
                    "a 'tune.full_budget' entry is a task name listed once");
        }
        return out;
    }

    private List<Long> seeds(YamlNode node) {
        List<Long> out = new ArrayList<>();
        items(node, "'tune.seeds' must be a non-empty list of whole numbers, e.g. [1]",
                item -> item.value() instanceof Long seed && seed >= 0 && !out.contains(seed) && out.add(seed),
                "a trial seed is a non-negative whole number listed once");
        return out;
    }

    /**
     * Hands each item of the list {@code node} to {@code take}; reports the node when it is no list or an
     * empty one ({@code notAList}), and each item {@code take} refuses ({@code refused}).
     */
    private void items(YamlNode node, String notAList, java.util.function.Predicate<YamlNode> take, String refused) {
        if (!node.isList() || node.list().isEmpty()) {
            problem.accept(node, notAList + ", got " + node.describeType());
            return;
        }
        for (YamlNode item : node.list()) {
            if (!take.test(item)) {
                problem.accept(item, refused + ", got " + item.describeType());
            }
        }
    }

    /** A grid spec: {grid: [...]} or {log_range: [low, high], points: N}. */
    LearningRateGrid grid(YamlNode node) {
        String expected = "a learning-rate grid is {grid: [1e-4, 1e-3, 1e-2]} or {log_range: [1e-4, 1e-2], points: 5}";
        if (!node.isMap() || node.map().containsKey("grid") == node.map().containsKey("log_range")) {
            problem.accept(node, expected + ", got " + node.describeType());
            return null;
        }
        try {
            YamlNode list = node.map().containsKey("grid") ? node.map().get("grid") : node.map().get("log_range");
            List<Double> values = numbers(list);
            if (values == null) {
                problem.accept(list, "every rate must be a number; " + expected);
                return null;
            }
            for (String key : node.map().keySet()) {
                if (!Set.of("grid", "log_range", "points").contains(key)
                        || (key.equals("points") && node.map().containsKey("grid"))) {
                    problem.accept(node.keyNode(key), "unknown key '" + key + "' in a grid; " + expected);
                    return null;
                }
            }
            if (node.map().containsKey("grid")) {
                return new LearningRateGrid(values);
            }
            YamlNode points = node.map().get("points");
            if (values.size() != 2 || (points != null && !(points.value() instanceof Long))) {
                problem.accept(node, "log_range is [low, high] with a whole number of points, e.g. {log_range: [1e-4, 1e-2], points: 5}");
                return null;
            }
            long n = points == null ? LearningRateGrid.STANDARD_POINTS : (Long) points.value();
            return LearningRateGrid.logRange(values.get(0), values.get(1), (int) Math.min(n, 1000));
        } catch (IllegalArgumentException e) {
            problem.accept(node, e.getMessage());
            return null;
        }
    }

    /** The numbers of a list node; null when it is not a list of numbers. */
    static List<Double> numbers(YamlNode list) {
        if (list == null || !list.isList()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (YamlNode item : list.list()) {
            if (!(item.value() instanceof Number n)) {
                return null;
            }
            out.add(n.doubleValue());
        }
        return out;
    }
}
