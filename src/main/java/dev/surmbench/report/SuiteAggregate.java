package dev.surmbench.report;

import dev.surmbench.results.RunRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the report and the check need from one suite's runs.csv, in stable order.
 *
 * @param suite the suite name
 * @param runs every run, in {@code ResultsLayout.allRuns()} order
 * @param scale how recorded metric values map to points
 * @param tasks task names, sorted
 * @param rows method rows, in {@link MethodKey} order
 * @param cells aggregates by task × row (absent when a row never ran a task)
 * @param headlineByTask the headline metric of each task
 * @param glueTasks the GLUE tasks among {@link #tasks()}
 * @param imageTasks the image-classification tasks among {@link #tasks()}
 * @param glueAverages GLUE average per row (empty when the suite has no GLUE task)
 * @param taskAverages average over all tasks per row
 * @param floors the trivial predictor of each task (absent for runs recorded before it existed)
 */
public record SuiteAggregate(String suite, List<RunRecord> runs, MetricScale scale, List<String> tasks,
        List<MethodKey> rows, Map<GroupKey, Cell> cells, Map<String, String> headlineByTask,
        List<String> glueTasks, List<String> imageTasks, Map<MethodKey, TaskAverage> glueAverages,
        Map<MethodKey, TaskAverage> taskAverages, Map<String, TrivialFloor> floors) {

    public SuiteAggregate {
        runs = List.copyOf(runs);
        tasks = List.copyOf(tasks);
        rows = List.copyOf(rows);
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        headlineByTask = Collections.unmodifiableSortedMap(new TreeMap<>(headlineByTask));
        glueTasks = List.copyOf(glueTasks);
        imageTasks = List.copyOf(imageTasks);
        glueAverages = Collections.unmodifiableSortedMap(new TreeMap<>(glueAverages));
        taskAverages = Collections.unmodifiableSortedMap(new TreeMap<>(taskAverages));
        floors = Collections.unmodifiableSortedMap(new TreeMap<>(floors));
    }

    public Optional<TrivialFloor> floor(String task) {
        return Optional.ofNullable(floors.get(task));
    }

    /**
     * Cells with completed runs that do not clearly beat their task's trivial floor, in cell order
     * (tasks without a recorded floor are skipped).
     */
    public List<Cell> notAboveFloor() {
        return cells.values().stream().filter(c -> c.value().n() > 0 && atFloor(c.key().task(), c.key().row())).toList();
    }

    /**
     * Whether {@code row} fails to clearly beat the trivial floor of {@code task}: false when the task
     * has no recorded floor; true when it has one and the row has no completed run there.
     */
    public boolean atFloor(String task, MethodKey row) {
        return floor(task).map(f -> cell(task, row).map(c -> !f.clearlyBeatenBy(c)).orElse(true)).orElse(false);
    }

    public Optional<Cell> cell(String task, MethodKey row) {
        return Optional.ofNullable(cells.get(new GroupKey(task, row)));
    }

    /** Rows whose method is {@code method}, in order. */
    public List<MethodKey> rowsOf(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** Diverged and failed runs, in run order. */
    public List<RunRecord> unsuccessful() {
        return runs.stream().filter(r -> !r.completed()).toList();
    }
}
