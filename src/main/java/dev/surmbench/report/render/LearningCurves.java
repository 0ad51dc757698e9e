package dev.surmbench.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.report.MethodKey;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learning curves: per task, the dev headline metric (in points) after each epoch, one series per
 * method row, the mean over the seeds whose completed run recorded that epoch. Read from each
 * completed run's {@code runs/<id>/run.json} {@code epochs} (1-based epoch numbers, as written); a
 * missing file or one without epochs adds nothing, an unparsable one is listed in {@code unreadable}.
 *
 * @param tasks one entry per task with at least one recorded epoch, in the suite's task order
 * @param runsRead completed runs whose run.json gave at least one epoch
 * @param unreadable run.json files that could not be parsed (relative to the suite folder)
 */
public record LearningCurves(List<TaskCurves> tasks, int runsRead, List<String> unreadable) {

    /** No curves (no run.json read). */
    public static final LearningCurves NONE = new LearningCurves(List.of(), 0, List.of());

    /**
     * The curves of one task.
     *
     * @param task the task
     * @param metric its headline metric
     * @param epochs the epoch numbers on the x axis (1-based, every epoch any run recorded)
     * @param series one per method row with a recorded epoch, in the main table's row order
     */
    public record TaskCurves(String task, String metric, List<Integer> epochs, List<Series> series) {}

    /**
     * One method row on one task.
     *
     * @param row the method row
     * @param mean per entry of {@link TaskCurves#epochs()}: the mean over seeds in points, null where no run recorded it
     * @param seeds per entry: how many seeds the mean is over
     */
    public record Series(MethodKey row, List<Double> mean, List<Integer> seeds) {}

    /** The curves of {@code agg}'s completed runs, read from their run.json under {@code layout}. */
    public static LearningCurves collect(ResultsLayout layout, SuiteAggregate agg) {
        // task → row → epoch → values over seeds
        Map<String, Map<MethodKey, TreeMap<Integer, List<Double>>>> values = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int read = 0;
        for (RunRecord r : agg.runs()) {
            if (!r.completed()) {
                continue;
            }
            Path file = layout.runJson(r.runId());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode epochs;
            try {
                epochs = RunJson.readTree(file).path("epochs");
            } catch (IOException e) {
                unreadable.add(layout.suiteDir().relativize(file) + " (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            String metric = agg.headlineByTask().getOrDefault(r.task(), r.headlineMetric());
            double factor = agg.scale().factor(metric);
            boolean any = false;
            for (JsonNode e : epochs) {
                JsonNode v = e.path("metrics").path(metric);
                if (e.path("epoch").canConvertToInt() && v.isNumber() && Double.isFinite(v.asDouble())) {
                    values.computeIfAbsent(r.task(), t -> new TreeMap<>())
                            .computeIfAbsent(new MethodKey(r.method(), r.label()), k -> new TreeMap<>())
                            .computeIfAbsent(e.path("epoch").asInt(), k -> new ArrayList<>()).add(v.asDouble() * factor);
                    any = true;
                }
            }
            read += any ? 1 : 0;
        }
        List<TaskCurves> tasks = new ArrayList<>();
        for (String task : agg.tasks()) {
            Map<MethodKey, TreeMap<Integer, List<Double>>> byRow = values.get(task);
            if (byRow == null) {
                continue;
            }
            List<Integer> epochs = byRow.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
            List<Series> series = new ArrayList<>();
            for (MethodKey row : agg.rows()) {
                TreeMap<Integer, List<Double>> byEpoch = byRow.get(row);
                if (byEpoch == null) {
                    continue;
                }
                List<Double> mean = new ArrayList<>();
                List<Integer> seeds = new ArrayList<>();
                for (int epoch : epochs) {
                    List<Double> v = byEpoch.getOrDefault(epoch, List.of());
                    mean.add(v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                    seeds.add(v.size());
                }
                series.add(new Series(row, mean, seeds));
            }
            tasks.add(new TaskCurves(task, agg.headlineByTask().get(task), epochs, series));
        }
        return new LearningCurves(tasks, read, unreadable);
    }
}
