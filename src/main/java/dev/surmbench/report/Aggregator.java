package dev.surmbench.report;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;

/**
 * Aggregates a suite's runs with Tablesaw: the runs become a {@link RunsTable}, its completed runs are
 * put in points ({@link MetricScale}) and summarised per task × method × label ({@link
 * GroupSummaries}: headline per seed, then mean, sample std and n of it, of every {@code best.*}
 * metric and of the cost columns; min and max of the parameter counts) into {@link Cell}s; rows are
 * then averaged over the GLUE tasks and over all tasks ({@link TaskAverage}), and each task's trivial
 * predictor is summarised ({@link TrivialFloor}). Deterministic: groups, tasks and rows come out sorted.
 */
public final class Aggregator {
    /** The completed-runs table's column with the headline value in points (non-finite: missing). */
    static final String HEADLINE = "headline";
    private static final String ROW = "row";
    private static final List<String> COSTS = List.of("train_examples_per_s", "train_tokens_per_s",
            "eval_examples_per_s", "wall_seconds", "peak_heap_mb", "peak_native_mb");
    private static final List<String> PARAMETERS = List.of("trainable_stored", "trainable_effective",
            "head_parameters", "total_parameters");

    private Aggregator() {}

    /** Aggregates {@code runs} of the suite {@code suite}. */
    public static SuiteAggregate aggregate(String suite, List<RunRecord> runs) {
        MetricScale scale = MetricScale.detect(runs);
        Table table = RunsTable.of("runs", runs);
        table.addColumns(IntColumn.indexColumn(ROW, runs.size(), 0),
                DoubleColumn.create(HEADLINE,
                        runs.stream().mapToDouble(r -> scale.points(r.headlineMetric(), r.bestValue()))));
        Table done = completedInPoints(table, scale);
        Table doneByRunId = done.sortOn("run_id");
        Map<GroupKey, Map<Long, Double>> headlineBySeed = GroupSummaries.firstBySeed(doneByRunId, HEADLINE);
        List<String> metricColumns = done.columnNames().stream().filter(c -> c.startsWith(RunsTable.BEST)).toList();
        Map<GroupKey, Map<String, Summary>> metrics = GroupSummaries.summaries(doneByRunId, metricColumns);
        Map<GroupKey, Map<String, Summary>> costs = GroupSummaries.summaries(doneByRunId, COSTS);
        Map<GroupKey, Map<String, Range>> doneParameters = GroupSummaries.ranges(done, PARAMETERS);
        Map<GroupKey, Map<String, Range>> allParameters = GroupSummaries.ranges(table, PARAMETERS);
        Map<GroupKey, Cell> cells = new TreeMap<>();
        groups(table, runs).forEach((key, group) -> cells.put(key, cell(key, group,
                headlineBySeed.getOrDefault(key, Map.of()), metrics.getOrDefault(key, Map.of()),
                costs.getOrDefault(key, Map.of()), doneParameters.getOrDefault(key, allParameters.get(key)))));
        List<String> tasks = new ArrayList<>(new TreeSet<>(runs.stream().map(RunRecord::task).toList()));
        List<MethodKey> rows = new ArrayList<>(new TreeSet<>(cells.keySet().stream().map(GroupKey::row).toList()));
        Map<String, String> headline = new TreeMap<>();
        for (String task : tasks) {
            headline.put(task, mostCommonHeadline(runs, task));
        }
        List<String> glue = tasks.stream().filter(t -> TaskDomain.of(t) == TaskDomain.GLUE).toList();
        List<String> image = tasks.stream().filter(t -> TaskDomain.of(t) == TaskDomain.IMAGE).toList();
        Map<MethodKey, TaskAverage> glueAverages = new LinkedHashMap<>();
        Map<MethodKey, TaskAverage> taskAverages = new LinkedHashMap<>();
        for (MethodKey row : rows) {
            if (!glue.isEmpty()) {
                glueAverages.put(row, average(row, glue, cells));
            }
            taskAverages.put(row, average(row, tasks, cells));
        }
        Map<String, TrivialFloor> floors = new TreeMap<>();
        for (String task : tasks) {
            TrivialFloor.of(task, headline.get(task), done).ifPresent(f -> floors.put(task, f));
        }
        return new SuiteAggregate(suite, runs, scale, tasks, rows, cells, headline, glue, image, glueAverages,
                taskAverages, floors);
    }

    /** Each task × method × label group's runs, in run-id order. */
    private static Map<GroupKey, List<RunRecord>> groups(Table table, List<RunRecord> runs) {
        Map<GroupKey, List<RunRecord>> groups = new TreeMap<>();
        if (runs.isEmpty()) {
            return groups;
        }
        for (TableSlice slice : table.splitOn(GroupSummaries.GROUP)) {
            List<RunRecord> group = new ArrayList<>();
            for (int i = 0; i < slice.rowCount(); i++) {
                group.add(runs.get(slice.intColumn(ROW).getInt(i)));
            }
            group.sort(Comparator.comparing(RunRecord::runId));
            RunRecord first = group.get(0);
            groups.put(GroupKey.of(first.task(), first.method(), first.label()), group);
        }
        return groups;
    }

    /**
     * The completed runs of {@code table}, in table order, with every {@code best.*} and {@code
     * trivial.*} metric in points; non-finite headline, metric and cost values become missing (NaN) so
     * that no summary counts them.
     */
    private static Table completedInPoints(Table table, MetricScale scale) {
        Table done = table.where(table.stringColumn("status").isEqualTo(RunStatus.COMPLETED.csvName()));
        for (String c : done.columnNames()) {
            String metric = c.startsWith(RunsTable.BEST) ? c.substring(RunsTable.BEST.length())
                    : c.startsWith(RunsTable.TRIVIAL) ? c.substring(RunsTable.TRIVIAL.length()) : null;
            if (metric != null || c.equals(HEADLINE) || COSTS.contains(c)) {
                double factor = metric == null ? 1.0 : scale.factor(metric);
                done.replaceColumn(c, DoubleColumn.create(c, Arrays.stream(done.doubleColumn(c).asDoubleArray())
                        .map(v -> finiteOrNaN(v * factor)).toArray()));
            }
        }
        return done;
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static Cell cell(GroupKey key, List<RunRecord> group, Map<Long, Double> bySeed,
            Map<String, Summary> metricColumns, Map<String, Summary> costs, Map<String, Range> parameters) {
        List<RunRecord> done = group.stream().filter(RunRecord::completed).toList();
        String metric = done.isEmpty() ? group.get(0).headlineMetric() : done.get(0).headlineMetric();
        Map<String, Summary> metrics = new TreeMap<>();
        done.forEach(r -> r.metricsBest().keySet().forEach(k ->
                metrics.put(k, metricColumns.getOrDefault(RunsTable.BEST + k, Summary.EMPTY))));
        int diverged = (int) group.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        int failed = (int) group.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        return new Cell(key, metric, Summary.of(bySeed.values().stream().mapToDouble(Double::doubleValue).toArray()),
                bySeed, done.size(), diverged, failed, group, parameters.get("trainable_stored"),
                parameters.get("trainable_effective"), parameters.get("head_parameters"),
                parameters.get("total_parameters"), cost(costs, "train_examples_per_s"),
                cost(costs, "train_tokens_per_s"), cost(costs, "eval_examples_per_s"), cost(costs, "wall_seconds"),
                cost(costs, "peak_heap_mb"), cost(costs, "peak_native_mb"), metrics);
    }

    private static Summary cost(Map<String, Summary> costs, String column) {
        return costs.getOrDefault(column, Summary.EMPTY);
    }

    /**
     * The average of {@code row} over {@code tasks}, from its cells' Tablesaw summaries: a plain mean of
     * the per-task means (and per seed, of the per-task values), kept as it was so that every reported
     * average stays bit for bit what it was.
     */
    private static TaskAverage average(MethodKey row, List<String> tasks, Map<GroupKey, Cell> cells) {
        List<String> missing = new ArrayList<>();
        List<Cell> present = new ArrayList<>();
        for (String task : tasks) {
            Cell c = cells.get(new GroupKey(task, row));
            if (c == null || c.value().n() == 0) {
                missing.add(task);
            } else {
                present.add(c);
            }
        }
        double value = missing.isEmpty() ? present.stream().mapToDouble(c -> c.value().mean()).average().orElse(Double.NaN)
                : Double.NaN;
        Map<Long, Double> bySeed = new TreeMap<>();
        if (missing.isEmpty()) {
            TreeSet<Long> seeds = new TreeSet<>(present.get(0).bySeed().keySet());
            present.forEach(c -> seeds.retainAll(c.bySeed().keySet()));
            for (long seed : seeds) {
                bySeed.put(seed, present.stream().mapToDouble(c -> c.bySeed().get(seed)).average().orElseThrow());
            }
        }
        double trainable = present.isEmpty() || !missing.isEmpty() ? Double.NaN
                : present.stream().mapToDouble(Cell::meanTrainable).average().orElse(Double.NaN);
        return new TaskAverage(row, tasks, missing, value,
                Summary.of(bySeed.values().stream().mapToDouble(Double::doubleValue).toArray()), bySeed, trainable);
    }

    private static String mostCommonHeadline(List<RunRecord> runs, String task) {
        Map<String, Integer> counts = new TreeMap<>();
        runs.stream().filter(r -> r.task().equals(task)).forEach(r -> counts.merge(r.headlineMetric(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("");
    }
}
