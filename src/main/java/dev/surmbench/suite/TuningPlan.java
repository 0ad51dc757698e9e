package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Builds a suite's {@link Tuning} while the parser expands its cells: each cell's grid, its trials
 * (the cell's final settings, then the trial budget, at each grid rate and trial seed), and its pinned
 * rate — a pin tuned on another grid or budget than the suite's now is stale: the cell counts as not
 * pinned (the final stage refuses, {@code tune} decides it again). Trials need a validation split: the
 * winner is chosen on it, never on dev.
 */
final class TuningPlan {
    private final TuneSection.Parsed tune;
    private final Path pinned;
    private final OverridesSection.Overlay overlay;
    private final BiConsumer<YamlNode, String> problem;
    private final List<Tuning.Cell> cells = new ArrayList<>();
    private final List<Tuning.Trial> trials = new ArrayList<>();
    private boolean reportedValidation;

    /** @param tune the parsed section (null: the suite does not tune) */
    TuningPlan(TuneSection.Parsed tune, Path pinned, OverridesSection.Overlay overlay, BiConsumer<YamlNode, String> problem) {
        this.tune = tune;
        this.pinned = pinned;
        this.overlay = overlay;
        this.problem = problem;
    }

    /**
     * Adds cell (task, method entry {@code label}) whose final runs use {@code settings} (before the
     * task's domain filter), with the run label {@code runLabel}.
     */
    void add(String suite, String task, TaskDomain domain, String method, String label, String runLabel,
             Map<String, Object> options, Map<String, Object> settings) {
        if (tune == null) {
            return;
        }
        LearningRateGrid grid = tune.gridOf(label, method);
        if (grid == null) {
            return; // its problem is reported
        }
        OverridesSection.Entry pin = overlay.pin(task, label);
        Map<String, Object> budget = tune.budget(task, label);
        double rate = Double.NaN;
        String stale = null;
        if (pin != null && pin.settings().get("learning_rate") instanceof Number n) {
            rate = n.doubleValue();
            if (pin.tunedGrid() != null && !grid.triedAs(pin.tunedGrid())) {
                stale = task + "/" + label + " was tuned on the grid " + pin.tunedGrid() + " but the suite's grid is now "
                        + grid.values();
            } else if (pin.tunedBudget() != null && !pin.tunedBudget().equals(budget)) {
                stale = task + "/" + label + " was tuned with the trial budget " + Tuning.describeBudget(pin.tunedBudget())
                        + " but the suite's budget is now " + Tuning.describeBudget(budget);
            }
        }
        cells.add(new Tuning.Cell(task, label, grid, stale == null ? rate : Double.NaN, budget, stale));
        for (double lr : grid.values()) {
            Map<String, Object> trial = new LinkedHashMap<>(settings);
            trial.putAll(budget);
            trial.put("learning_rate", lr);
            trial = RunSettings.forDomain(trial, domain);
            if (ResolvedSettings.of(trial).validation().isNone() && !reportedValidation) {
                reportedValidation = true;
                problem.accept(tune.node(), "tuning chooses on a validation split, and " + task + "/" + label
                        + " has none: set 'validation' (e.g. 0.1) in defaults");
            }
            for (long seed : tune.seeds()) {
                trials.add(new Tuning.Trial(task, label, lr, new RunSpec(suite, task, method, runLabel, options, seed, trial)));
            }
        }
    }

    /** Reports {@code tune.methods} entries that name no method entry of the suite (call after every {@link #add}). */
    void checkLabels() {
        if (tune != null) {
            java.util.Set<String> labels = new java.util.HashSet<>();
            cells.forEach(c -> labels.add(c.method()));
            tune.methods().forEach((label, own) -> {
                if (!labels.contains(label)) {
                    problem.accept(own.node(), "'tune.methods' names '" + label + "', which is no method label of this suite");
                }
            });
            java.util.Set<String> tasks = new java.util.TreeSet<>();
            cells.forEach(c -> tasks.add(c.task()));
            tune.ranking().byTask().keySet().stream().filter(t -> !tasks.contains(t)).sorted().findFirst().ifPresent(t ->
                    problem.accept(tune.node().map().get("rank"), "'tune.rank' names the task '" + t
                            + "', which is no task of this suite (" + String.join(", ", tasks) + ")"));
            tune.fullBudget().stream().filter(t -> !tasks.contains(t)).findFirst().ifPresent(t ->
                    problem.accept(tune.node().map().get("full_budget"), "'tune.full_budget' names the task '" + t
                            + "', which is no task of this suite (" + String.join(", ", tasks) + ")"));
        }
    }

    Tuning build() {
        if (tune == null) {
            return Tuning.NONE;
        }
        // the file's order, as the final runs: cells as their tasks and methods are listed, then rate, then seed
        java.util.Map<String, Integer> cellOrder = new java.util.HashMap<>();
        trials.forEach(t -> cellOrder.putIfAbsent(t.task() + "\u0000" + t.method(), cellOrder.size()));
        List<Tuning.Trial> ordered = new ArrayList<>(trials);
        ordered.sort(Comparator.comparingInt((Tuning.Trial t) -> cellOrder.get(t.task() + "\u0000" + t.method()))
                .thenComparingDouble(Tuning.Trial::learningRate).thenComparingLong(t -> t.spec().seed()));
        return new Tuning(tune.seeds(), tune.ranking(), pinned, cells, ordered);
    }
}
