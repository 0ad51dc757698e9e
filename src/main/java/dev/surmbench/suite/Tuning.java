package dev.surmbench.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A suite's learning-rate tuning ({@code tune:}): its trials — ordinary {@link RunSpec}s, one per
 * (task, method, grid rate, trial seed), with the trial budget's settings — the cells they decide, and
 * the pinned file that holds the decisions ({@code pinned:}). The suite's own runs are the final
 * stage: each cell at its pinned rate. {@link #NONE} for a suite without {@code tune:}.
 *
 * @param seeds the trial seeds (the winner is the best mean validation score over them)
 * @param ranking what a trial scores on the validation split, per task
 * @param pinned the pinned file the suite names (null: none named)
 * @param cells every (task, method) cell, with its grid and pinned rate (NaN: not pinned yet)
 * @param trials every trial, in the order they run (task, method, rate, seed)
 */
public record Tuning(List<Long> seeds, Ranking ranking, Path pinned, List<Cell> cells, List<Trial> trials) {
    /** No tuning. */
    public static final Tuning NONE = new Tuning(List.of(), Ranking.of(Rank.HEADLINE), null, List.of(), List.of());

    /**
     * What ranks a trial ({@code tune.rank}): its headline metric on the validation split at its selected
     * epoch (higher is better), or its mean validation loss there (the training objective; lower is
     * better). Loss is for reduced trials, whose predictions can all sit at the majority class: there MCC
     * is 0 and F1 the all-positive floor at every rate, and the headline cannot tell the rates apart.
     */
    public enum Rank {
        HEADLINE("headline", true),
        LOSS("loss", false);

        /** As a suite writes it. */
        public final String key;
        /** Whether a higher score is better. */
        public final boolean higherIsBetter;

        Rank(String key, boolean higherIsBetter) {
            this.key = key;
            this.higherIsBetter = higherIsBetter;
        }

        /** The rank a suite names, or null. */
        public static Rank of(String key) {
            for (Rank r : values()) {
                if (r.key.equals(key)) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * The rank of each task's trials ({@code tune.rank: loss}, or per task {@code {default: loss, stsb: headline}}).
     *
     * @param fallback the rank of a task not named
     * @param byTask the rank of each task named
     */
    public record Ranking(Rank fallback, Map<String, Rank> byTask) {
        public Ranking {
            Objects.requireNonNull(fallback, "fallback");
            byTask = Map.copyOf(byTask);
        }

        /** One rank for every task. */
        public static Ranking of(Rank rank) {
            return new Ranking(rank, Map.of());
        }

        /** The rank of {@code task}'s trials. */
        public Rank of(String task) {
            return byTask.getOrDefault(task, fallback);
        }
    }

    public Tuning {
        Objects.requireNonNull(ranking, "ranking");
        seeds = List.copyOf(seeds);
        cells = List.copyOf(cells);
        trials = List.copyOf(trials);
    }

    /**
     * One (task, method) cell: the method by its entry's label (as the suite writes it, without the layer
     * note), its grid, its pinned rate, and its trials' budget: the settings they use instead of the final
     * runs' (empty: the full budget, each trial a final run at its rate and seed).
     *
     * @param pinnedRate the pinned rate; NaN when not pinned, or when the pin is stale
     * @param stale why the pinned entry no longer applies (tuned on another grid or budget); null when it does
     */
    public record Cell(String task, String method, LearningRateGrid grid, double pinnedRate, Map<String, Object> budget,
                       String stale) {
        public Cell {
            budget = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(budget));
        }

        /** "task/method", as messages name it. */
        public String name() {
            return task + "/" + method;
        }
    }

    /** {@code full} for the full budget, else {@code {epochs: 1, train_limit: 2000}} (sorted keys), as a pinned file writes it. */
    public static String describeBudget(Map<String, Object> budget) {
        if (budget.isEmpty()) {
            return "full";
        }
        return new java.util.TreeMap<>(budget).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
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
            String stale = missing.stream().map(Cell::stale).filter(Objects::nonNull).findFirst()
                    .map(s -> "; " + s).orElse("");
            throw new IllegalArgumentException(suiteFile + ": " + missing.size() + " of " + cells.size()
                    + " tuned cells have no pinned learning rate that applies in " + pinned + " (" + missing.stream().limit(3)
                    .map(Cell::name).collect(Collectors.joining(", ")) + (missing.size() > 3 ? ", …" : "")
                    + stale + "); run `surm-bench tune " + suiteFile + "` first");
        }
    }
}
