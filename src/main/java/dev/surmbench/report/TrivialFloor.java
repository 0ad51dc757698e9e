package dev.surmbench.report;

import static tech.tablesaw.aggregate.AggregateFunctions.mean;

import dev.surmbench.report.stats.Summary;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The trivial predictor of one task (runs.csv {@code metrics_trivial}: the training subset's majority
 * class, or its mean for regression, scored on the run's evaluation examples) summarised over seeds,
 * in points. Every run records it, so a suite shows its own floor without re-reading any data.
 *
 * <p>A row <b>clearly beats</b> the floor when the lower end of its 95% confidence interval over seeds
 * lies above the floor's mean; with a single seed (no interval) when it is more than {@value
 * #SINGLE_SEED_MARGIN} point above. Metrics where lower is better are compared the other way round.
 *
 * @param task the task
 * @param metric the headline metric the floor is scored with
 * @param value the floor's headline value over seeds (per seed: mean over that seed's runs)
 * @param bySeed the floor's headline value by seed
 */
public record TrivialFloor(String task, String metric, Summary value, Map<Long, Double> bySeed) {

    /** With one seed on a row, how many points above the floor count as clearly above. */
    public static final double SINGLE_SEED_MARGIN = 1.0;

    /** The label the report gives the floor row. */
    public static final String LABEL = "trivial (majority class)";

    /**
     * The floor of {@code task} from the completed runs of {@code completedInPoints} (a {@link RunsTable}
     * whose {@code trivial.*} columns are in points, non-finite values missing): per seed the mean
     * over that seed's runs, computed by Tablesaw; empty when no run recorded one (older runs.csv).
     */
    static Optional<TrivialFloor> of(String task, String metric, Table completedInPoints) {
        String column = RunsTable.TRIVIAL + metric;
        if (!completedInPoints.containsColumn(column)) {
            return Optional.empty();
        }
        Table recorded = completedInPoints.where(completedInPoints.stringColumn("task").isEqualTo(task)
                .and(completedInPoints.doubleColumn(column).isNotMissing()));
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Double> means = new TreeMap<>();
        for (Row row : recorded.summarize(column, mean).by("seed")) {
            means.put(row.getLong("seed"), row.getDouble(GroupSummaries.name(mean, column)));
        }
        return Optional.of(new TrivialFloor(task, metric,
                Summary.of(means.values().stream().mapToDouble(Double::doubleValue).toArray()), means));
    }

    /** Whether {@code cell} (same task and metric) clearly beats this floor; false for an empty cell. */
    public boolean clearlyBeatenBy(Cell cell) {
        Summary s = cell.value();
        if (s.n() == 0 || !cell.metric().equals(metric)) {
            return false;
        }
        boolean lower = MetricScale.lowerIsBetter(metric);
        if (!s.hasSpread()) {
            return lower ? s.mean() < value.mean() - SINGLE_SEED_MARGIN : s.mean() > value.mean() + SINGLE_SEED_MARGIN;
        }
        return lower ? s.ciHigh() < value.mean() : s.ciLow() > value.mean();
    }
}
