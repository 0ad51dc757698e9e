package dev.surmbench.suite.tune;

import dev.surmbench.suite.LearningRateGrid;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Tuning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extends a tuning's grid once where its winner lies at the edge: a winner at the grid's smallest or
 * largest rate says the best rate may lie outside, so the cell gets one more rate one grid step past
 * that edge ({@link LearningRateGrid#beyond}), tried with every trial seed at the same budget — the
 * edge trial's settings with only the rate changed — and is decided again on the extended grid. Once:
 * a winner at the extended grid's edge is reported as such ({@code edge: true} in the pinned file), not
 * chased further. A cell whose edge cannot be passed (past the largest rate a grid allows) is left as
 * it is.
 */
public final class GridExtension {
    private GridExtension() {}

    /**
     * {@code base} with every edge winner's cell of {@code decision} extended: its grid gains the rate past
     * the edge, the trials gain one per trial seed at that rate (after the base trials, in cell order).
     * Undecided cells and winners inside their grid are unchanged.
     */
    public static Tuning extend(Tuning base, Winners.Decision decision) {
        Map<String, Double> past = new LinkedHashMap<>();
        for (Winners.Winner w : decision.winners()) {
            if (w.edge()) {
                double next = w.cell().grid().beyond(w.learningRate());
                if (!Double.isNaN(next)) {
                    past.put(w.cell().name(), next);
                }
            }
        }
        if (past.isEmpty()) {
            return base;
        }
        List<Tuning.Cell> cells = new ArrayList<>();
        List<Tuning.Trial> added = new ArrayList<>();
        for (Tuning.Cell cell : base.cells()) {
            Double rate = past.get(cell.name());
            if (rate == null) {
                cells.add(cell);
                continue;
            }
            LearningRateGrid grid = cell.grid();
            cells.add(new Tuning.Cell(cell.task(), cell.method(), grid.with(rate), cell.pinnedRate(), cell.budget(), cell.stale()));
            double edge = rate < grid.values().get(0) ? grid.values().get(0) : grid.values().get(grid.values().size() - 1);
            for (Tuning.Trial trial : base.trials()) {
                if (trial.task().equals(cell.task()) && trial.method().equals(cell.method()) && trial.learningRate() == edge) {
                    added.add(new Tuning.Trial(cell.task(), cell.method(), rate, at(trial.spec(), rate)));
                }
            }
        }
        List<Tuning.Trial> trials = new ArrayList<>(base.trials());
        trials.addAll(added);
        return new Tuning(base.seeds(), base.ranking(), base.pinned(), cells, trials);
    }

    /** The trials of {@code extended} that {@code base} does not have. */
    public static List<Tuning.Trial> added(Tuning base, Tuning extended) {
        return extended.trials().subList(base.trials().size(), extended.trials().size());
    }

    /** {@code spec} at learning rate {@code rate}, every other setting as it is. */
    private static RunSpec at(RunSpec spec, double rate) {
        Map<String, Object> settings = new LinkedHashMap<>(spec.settings());
        settings.put("learning_rate", rate);
        return new RunSpec(spec.suite(), spec.task(), spec.method(), spec.label(), spec.methodOptions(), spec.seed(), settings);
    }
}
