package dev.surmbench.suite.tune;

import dev.surmbench.results.RunProtocol;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.Tuning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each cell's winning learning rate, a pure function of the tuning and the recorded trial rows.
 *
 * <p><b>Rule.</b> A rate scores the mean, over the trial seeds, of its trials' score on the validation
 * split at their selected epoch — the headline metric ({@link RunProtocol#validationValue()}, higher is
 * better) or, with {@code tune.rank: loss}, the mean validation loss ({@code metrics_validation.loss},
 * lower is better); the best score wins; equal scores go to the smaller rate (the more conservative
 * choice, and the one the grid reaches first). A rate with a diverged trial, or with a score that is not a number, never wins. A winner at
 * the grid's smallest or largest rate is flagged as at the edge (the best rate may lie outside).
 *
 * <p>A cell is undecided while any of its trials has no row, failed, or was not selected on validation,
 * or when no rate has a score.
 */
public final class Winners {
    /** The rule, as the pinned file states it (each cell's entry names its rank). */
    public static final String RULE = "per cell, the best mean over the trial seeds of its rank's score — rank: loss,"
            + " the lowest validation loss; rank: headline, the highest validation headline; ties go to the smaller rate;"
            + " a rate with a diverged trial never wins; a winner at the grid's edge extends the grid once past it;"
            + " edge: the winner is the (extended) grid's smallest or largest rate";

    /** A completed trial's score under {@code rank}: NaN when the row does not hold it. */
    public static double score(RunRecord row, Tuning.Rank rank) {
        if (rank == Tuning.Rank.HEADLINE) {
            return row.protocol().validationValue();
        }
        Double loss = row.protocol().metricsValidation().get(RunProtocol.VALIDATION_LOSS);
        return loss == null ? Double.NaN : loss;
    }

    private Winners() {}

    /** One grid rate: its score (the mean over seeds; NaN: cannot win), its trials' run ids, and how many diverged. */
    public record Point(double learningRate, double meanValidation, List<String> runIds, int diverged) {
        public Point {
            runIds = List.copyOf(runIds);
        }
    }

    /** A cell's decision: the winning rate, whether it is at the grid's edge, and every point. */
    public record Winner(Tuning.Cell cell, double learningRate, boolean edge, List<Point> points) {
        public Winner {
            points = List.copyOf(points);
        }

        /** Every trial run id of the cell, by rate then seed. */
        public List<String> runIds() {
            return points.stream().flatMap(p -> p.runIds().stream()).toList();
        }
    }

    /** The winners of the decided cells, and why each other cell is undecided ("task/method: reason"). */
    public record Decision(List<Winner> winners, List<String> undecided) {
        public Decision {
            winners = List.copyOf(winners);
            undecided = List.copyOf(undecided);
        }
    }

    /** Chooses every cell of {@code tuning} from {@code rows} (rows of other runs are ignored). */
    public static Decision choose(Tuning tuning, Collection<RunRecord> rows) {
        Map<String, RunRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.runId(), r));
        List<Winner> winners = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Tuning.Cell cell : tuning.cells()) {
            Tuning.Rank rank = tuning.ranking().of(cell.task());
            List<Point> points = new ArrayList<>();
            String why = null;
            for (double rate : cell.grid().values()) {
                List<String> ids = new ArrayList<>();
                double sum = 0;
                int diverged = 0;
                for (Tuning.Trial trial : tuning.trials()) {
                    if (!trial.task().equals(cell.task()) || !trial.method().equals(cell.method())
                            || trial.learningRate() != rate) {
                        continue;
                    }
                    String id = trial.spec().runId();
                    ids.add(id);
                    RunRecord row = byId.get(id);
                    String problem = row == null ? "not recorded" : row.status() == RunStatus.FAILED ? "failed"
                            : row.status() != RunStatus.COMPLETED ? null
                            : row.protocol().selection() != RunProtocol.Selection.VALIDATION ? "not selected on validation"
                            : Double.isNaN(score(row, rank)) && rank == Tuning.Rank.LOSS
                            ? "has no validation loss (recorded before it was measured: retrain it)" : null;
                    if (problem != null) {
                        why = why != null ? why : "trial " + id + " (rate " + rate + ", seed " + trial.spec().seed() + ") "
                                + problem;
                    } else if (row.status() == RunStatus.DIVERGED) {
                        diverged++;
                    } else {
                        sum += score(row, rank);
                    }
                }
                double mean = diverged > 0 || ids.isEmpty() ? Double.NaN : sum / ids.size();
                points.add(new Point(rate, mean, ids, diverged));
            }
            Point best = null;
            for (Point p : points) { // ascending rates: a tie keeps the smaller
                if (!Double.isNaN(p.meanValidation()) && (best == null || (rank.higherIsBetter
                        ? p.meanValidation() > best.meanValidation() : p.meanValidation() < best.meanValidation()))) {
                    best = p;
                }
            }
            if (why == null && best == null) {
                why = "no rate has a validation score (every rate diverged or scored NaN)";
            }
            if (why != null) {
                undecided.add(cell.name() + ": " + why);
            } else {
                winners.add(new Winner(cell, best.learningRate(), cell.grid().atEdge(best.learningRate()), points));
            }
        }
        return new Decision(winners, undecided);
    }
}
