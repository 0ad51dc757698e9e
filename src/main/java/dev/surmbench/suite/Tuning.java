package dev.surmbench.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A suite's learning-rate tuning ({@code tune:}): its trials — ordinary {@link RunSpec}s, one per
 * (task, method, grid rate, trial seed), with the trial budget's settings — the cells they decide, and
 * the pinned file that holds the decisions ({@code pinned:}). The suite's own runs are the final
 * stage: each cell at its pinned rate. {@link #NONE} for a suite without {@code tune:}.
 *
 * @param seeds the trial seeds (the winner is the best mean validation headline over them)
 * @param pinned the pinned file the suite names (null: none named)
 * @param cells every (task, method) cell, with its grid and pinned rate (NaN: not pinned yet)
 * @param trials every trial, in the order they run (task, method, rate, seed)
 */
public record Tuning(List<Long> seeds, Path pinned, List<Cell> cells, List<Trial> trials) {
    /** No tuning. */
    public static final Tuning NONE = new Tuning(List.of(), null, List.of(), List.of());

    public Tuning {
        seeds = List.copyOf(seeds);
        cells = List.copyOf(cells);
        trials = List.copyOf(trials);
    }

    /** One (task, method) cell: the method by its entry's label (as the suite writes it, without the layer note). */
    public record Cell(String task, String method, LearningRateGrid grid, double pinnedRate) {
        /** "task/method", as messages name it. */
        public String name() {
            return task + "/" + method;
        }
    }

    /** One trial: a cell at one rate and trial seed, and the run that tries it. */
    public record Trial(String task, String method, double learningRate, RunSpec spec) {}

    /** Whether the suite declares a tuning. */
    public boolean declared() {
        return !cells.isEmpty();
    }

    /** The cells without a pinned rate. */
    public List<Cell> unpinned() {
        return cells.stream().filter(c -> Double.isNaN(c.pinnedRate())).toList();
    }

    /**
     * Refuses to run the final stage of a tuned suite whose cells are not all pinned: their rates would
     * be the untuned defaults.
     *
     * @throws IllegalArgumentException naming the file to write and the command that writes it
     */
    public void requirePinned(Path suiteFile) {
        List<Cell> missing = unpinned();
        if (declared() && !missing.isEmpty()) {
            throw new IllegalArgumentException(suiteFile + ": " + missing.size() + " of " + cells.size()
                    + " tuned cells have no pinned learning rate in " + pinned + " (" + missing.stream().limit(3)
                    .map(Cell::name).collect(Collectors.joining(", ")) + (missing.size() > 3 ? ", …" : "")
                    + "); run `surm-bench tune " + suiteFile + "` first");
        }
    }
}
