package dev.surmbench.report.render;

import dev.surmbench.report.MethodKey;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.report.TaskAverage;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the report's two figures, as a JSON-ready map:
 * <ul>
 *   <li>{@code quality}: one point per method row — x: trainable (stored) parameters, mean over the
 *       averaged tasks (log axis); y: GLUE average (or the average over all tasks when the suite has no
 *       GLUE task) in points; {@code low}/{@code high}: ±1 std over per-seed averages, absent with one
 *       seed. Rows with an incomplete average or no positive parameter count are listed in
 *       {@code skipped} with the reason;</li>
 *   <li>{@code throughput}: per method row, mean and std of training examples/s over completed runs of
 *       all tasks.</li>
 * </ul>
 */
public final class ChartData {
    private ChartData() {}

    /** The figure data of {@code agg}. */
    public static Map<String, Object> of(SuiteAggregate agg) {
        Map<MethodKey, TaskAverage> averages = ReportViewBuilder.averages(agg);
        String yName = !agg.glueTasks().isEmpty() ? "GLUE average (points)"
                : agg.tasks().size() == 1 ? agg.headlineByTask().get(agg.tasks().get(0)) + " on " + agg.tasks().get(0)
                        + " (points)" : "average over tasks (points)";
        List<Map<String, Object>> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MethodKey row : agg.rows()) {
            TaskAverage a = averages.get(row);
            if (a == null || !a.complete()) {
                skipped.add(row.display() + ": no completed run on " + (a == null ? "some task" : String.join(", ", a.missingTasks())));
                continue;
            }
            if (!(a.trainable() > 0)) {
                skipped.add(row.display() + ": no positive trainable parameter count for a log axis");
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", row.display());
            p.put("x", a.trainable());
            p.put("y", a.value());
            if (a.perSeed().hasSpread()) {
                p.put("low", a.value() - a.perSeed().std());
                p.put("high", a.value() + a.perSeed().std());
            }
            points.add(p);
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("title", yName.replace(" (points)", "") + " vs trainable parameters");
        quality.put("xName", "trainable parameters (log scale)");
        quality.put("yName", yName);
        quality.put("points", points);
        quality.put("skipped", skipped);

        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        for (MethodKey row : agg.rows()) {
            Summary s = Summary.of(agg.runs().stream().filter(RunRecord::completed)
                    .filter(r -> new MethodKey(r.method(), r.label()).equals(row))
                    .mapToDouble(RunRecord::trainExamplesPerSecond).toArray());
            if (s.n() > 0) {
                labels.add(row.display());
                means.add(s.mean());
                stds.add(s.hasSpread() ? s.std() : null);
            }
        }
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("title", "Training throughput per method");
        throughput.put("yName", "train examples/s");
        throughput.put("labels", labels);
        throughput.put("mean", means);
        throughput.put("std", stds);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quality", quality);
        out.put("throughput", throughput);
        return out;
    }
}
