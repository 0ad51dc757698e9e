package dev.surmbench.suite.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.RunProtocol;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.LearningRateGrid;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Tuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The winner is a pure function of rows: argmax of the seed mean, ties to the smaller rate, edges flagged. */
class WinnersTest {
    private static final LearningRateGrid GRID = new LearningRateGrid(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0));

    /** A tuning of one cell over {@link #GRID} with seeds 1 and 2. */
    private static Tuning tuning() {
        return tuning(Tuning.Rank.HEADLINE);
    }

    private static Tuning tuning(Tuning.Rank rank) {
        List<Tuning.Trial> trials = new ArrayList<>();
        for (double lr : GRID.values()) {
            for (long seed : List.of(1L, 2L)) {
                trials.add(new Tuning.Trial("rte", "lora", lr, new RunSpec("s", "rte", "lora", "lora", Map.of(), seed,
                        Map.of("learning_rate", lr, "validation", 0.1))));
            }
        }
        return new Tuning(List.of(1L, 2L), Tuning.Ranking.of(rank), null, List.of(new Tuning.Cell("rte", "lora", GRID, Double.NaN, Map.of(), null)), trials);
    }

    /** A recorded trial row with validation headline {@code value} (and validation loss 1 - value). */
    static RunRecord row(RunSpec spec, RunStatus status, double value) {
        return row(spec, status, value, Map.of("accuracy", value, "loss", 1 - value));
    }

    /** A recorded trial row with validation headline {@code value} and validation metrics {@code validation}. */
    static RunRecord row(RunSpec spec, RunStatus status, double value, Map<String, Double> validation) {
        return new RunRecord(spec.runId(), "s-tune", spec.task(), spec.method(), spec.label(), "{}", spec.seed(), "b",
                status, "", "accuracy", value - 0.1, value - 0.1, 0, Map.of(), Map.of(), Map.of(), 1, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1, 1, DeviceUsage.cpu("test CPU"), 1, "", "", "",
                new RunProtocol(RunProtocol.Selection.VALIDATION, spec.config().learningRate(), value,
                        validation, value - 0.1, 0, Map.of()));
    }

    /** Rows for every trial: seed 1 scores {@code one[i]} at rate i, seed 2 {@code two[i]}. */
    private static List<RunRecord> rows(Tuning t, double[] one, double[] two) {
        List<RunRecord> rows = new ArrayList<>();
        for (Tuning.Trial trial : t.trials()) {
            int i = GRID.values().indexOf(trial.learningRate());
            rows.add(row(trial.spec(), RunStatus.COMPLETED, trial.spec().seed() == 1 ? one[i] : two[i]));
        }
        return rows;
    }

    @Test
    void theWinnerIsTheBestMeanOverSeedsNotTheBestSingleTrial() {
        Tuning t = tuning();
        // rate 1e-1 has the best single trial (0.9) but the lower mean (0.55); 1e-2's mean 0.7 wins
        Winners.Decision d = Winners.choose(t, rows(t, new double[] {0.5, 0.6, 0.7, 0.9, 0.3},
                new double[] {0.5, 0.6, 0.7, 0.2, 0.3}));
        assertEquals(List.of(), d.undecided());
        Winners.Winner w = d.winners().get(0);
        assertEquals(1e-2, w.learningRate());
        assertFalse(w.edge());
        assertEquals(0.55, w.points().get(3).meanValidation(), 1e-12);
        assertEquals(10, w.runIds().size());
    }

    @Test
    void tiesGoToTheSmallerRateAndAnEdgeWinnerIsFlagged() {
        Tuning t = tuning();
        Winners.Winner tie = Winners.choose(t, rows(t, new double[] {0.5, 0.7, 0.7, 0.6, 0.3},
                new double[] {0.5, 0.7, 0.7, 0.6, 0.3})).winners().get(0);
        assertEquals(1e-3, tie.learningRate());
        Winners.Winner top = Winners.choose(t, rows(t, new double[] {0.1, 0.2, 0.3, 0.4, 0.5},
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5})).winners().get(0);
        assertEquals(1.0, top.learningRate());
        assertTrue(top.edge());
    }

    @Test
    void aDivergedTrialNeverWinsAndAMissingOrFailedOneLeavesTheCellUndecided() {
        Tuning t = tuning();
        List<RunRecord> rows = new ArrayList<>(rows(t, new double[] {0.5, 0.6, 0.7, 0.9, 0.3},
                new double[] {0.5, 0.6, 0.7, 0.9, 0.3}));
        RunSpec best = t.trials().get(6).spec(); // rate 1e-1, seed 1
        rows.set(6, row(best, RunStatus.DIVERGED, Double.NaN));
        assertEquals(1e-2, Winners.choose(t, rows).winners().get(0).learningRate());

        rows.set(6, row(best, RunStatus.FAILED, Double.NaN));
        Winners.Decision failed = Winners.choose(t, rows);
        assertEquals(List.of(), failed.winners());
        assertTrue(failed.undecided().get(0).startsWith("rte/lora: trial " + best.runId() + " (rate 0.1, seed 1) failed"),
                failed.undecided().toString());
        rows.remove(6);
        assertTrue(Winners.choose(t, rows).undecided().get(0).endsWith("not recorded"));
    }

    @Test
    void rankedByLossTheLowestMeanLossWinsEvenWhereTheHeadlineCannotTellRatesApart() {
        Tuning t = tuning(Tuning.Rank.LOSS);
        // every rate at the same headline (a majority-class floor), losses 0.69, 0.60, 0.55, 0.55, 0.70 (seed means)
        double[] loss1 = {0.69, 0.62, 0.50, 0.56, 0.70};
        double[] loss2 = {0.69, 0.58, 0.60, 0.54, 0.70};
        List<RunRecord> rows = new ArrayList<>();
        for (Tuning.Trial trial : t.trials()) {
            int i = GRID.values().indexOf(trial.learningRate());
            double loss = trial.spec().seed() == 1 ? loss1[i] : loss2[i];
            rows.add(row(trial.spec(), RunStatus.COMPLETED, 0.812, Map.of("accuracy", 0.812, "loss", loss)));
        }
        Winners.Winner w = Winners.choose(t, rows).winners().get(0);
        assertEquals(1e-2, w.learningRate(), "0.55 at 1e-2 and 1e-1: the tie goes to the smaller rate");
        assertEquals(0.60, w.points().get(1).meanValidation(), 1e-12);
        assertTrue(Winners.RULE.contains("rank: loss, the lowest validation loss"));
        assertTrue(Winners.choose(tuning(), rows).winners().get(0).learningRate() == 1e-4,
                "ranked by the tied headline, the smallest rate wins: the trap loss ranking avoids");

        RunSpec first = t.trials().get(0).spec();
        rows.set(0, row(first, RunStatus.COMPLETED, 0.812, Map.of("accuracy", 0.812)));
        assertTrue(Winners.choose(t, rows).undecided().get(0).endsWith("has no validation loss (recorded before it was"
                + " measured: retrain it)"), "a row without a loss is never read as a score");
    }
}
