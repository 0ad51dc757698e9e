package dev.surmbench.report;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;

/**
 * Groups a suite's runs by task × method × label with Tablesaw and summarises each group over its
 * seeds ({@link Cell}), then averages rows over the GLUE tasks and over all tasks ({@link
 * TaskAverage}), and summarises each task's trivial predictor ({@link TrivialFloor}). Deterministic:
 * groups, tasks and rows come out sorted.
 */
public final class Aggregator {
    private Aggregator() {}

    /** Aggregates {@code runs} of the suite {@code suite}. */
    public static SuiteAggregate aggregate(String suite, List<RunRecord> runs) {
        MetricScale scale = MetricScale.detect(runs);
        Table table = Table.create("runs",
                StringColumn.create("task", runs.stream().map(RunRecord::task).toList()),
                StringColumn.create("method", runs.stream().map(RunRecord::method).toList()),
                StringColumn.create("label", runs.stream().map(RunRecord::label).toList()),
                IntColumn.create("row", IntStream.range(0, runs.size()).toArray()));
        Map<GroupKey, Cell> cells = new TreeMap<>();
        if (!runs.isEmpty()) {
            for (TableSlice slice : table.splitOn("task", "method", "label")) {
                List<RunRecord> group = new ArrayList<>();
                for (int i = 0; i < slice.rowCount(); i++) {
                    group.add(runs.get(slice.intColumn("row").getInt(i)));
                }
                group.sort(Comparator.comparing(RunRecord::runId));
                RunRecord first = group.get(0);
                GroupKey key = GroupKey.of(first.task(), first.method(), first.label());
                cells.put(key, cell(key, group, scale));
            }
        }
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
            TrivialFloor.of(task, headline.get(task), runs, scale).ifPresent(f -> floors.put(task, f));
        }
        return new SuiteAggregate(suite, runs, scale, tasks, rows, cells, headline, glue, image, glueAverages,
                taskAverages, floors);
    }

    private static Cell cell(GroupKey key, List<RunRecord> group, MetricScale scale) {
        List<RunRecord> done = group.stream().filter(RunRecord::completed).toList();
        String metric = done.isEmpty() ? group.get(0).headlineMetric() : done.get(0).headlineMetric();
        Map<Long, Double> bySeed = new TreeMap<>();
        for (RunRecord r : done) {
            double v = scale.points(r.headlineMetric(), r.bestValue());
            if (Double.isFinite(v)) {
                bySeed.putIfAbsent(r.seed(), v);
            }
        }
        Map<String, List<Double>> metricValues = new TreeMap<>();
        for (RunRecord r : done) {
            r.metricsBest().forEach((k, v) -> metricValues.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(scale.points(k, v)));
        }
        Map<String, Summary> metrics = new TreeMap<>();
        metricValues.forEach((k, v) -> metrics.put(k, Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        List<RunRecord> counted = done.isEmpty() ? group : done;
        int diverged = (int) group.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        int failed = (int) group.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        return new Cell(key, metric, Summary.of(bySeed.values().stream().mapToDouble(Double::doubleValue).toArray()),
                bySeed, done.size(), diverged, failed, group, range(counted, RunRecord::trainableStored),
                range(counted, RunRecord::trainableEffective), range(counted, RunRecord::headParameters),
                range(counted, RunRecord::totalParameters), summary(done, RunRecord::trainExamplesPerSecond),
                summary(done, RunRecord::trainTokensPerSecond), summary(done, RunRecord::evalExamplesPerSecond),
                summary(done, RunRecord::wallSeconds), summary(done, RunRecord::peakHeapMb),
                summary(done, RunRecord::peakNativeMb), metrics);
    }

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

    private static Range range(List<RunRecord> runs, ToLongFunction<RunRecord> f) {
        return Range.of(runs.stream().mapToLong(f));
    }

    private static Summary summary(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return Summary.of(runs.stream().mapToDouble(f).toArray());
    }
}
