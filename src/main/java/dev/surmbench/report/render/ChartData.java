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
import java.util.TreeMap;

/**
 * The data of the report's figures, as a JSON-ready map, and their captions. Each caption states
 * what the figure's error bars are, from the same numbers the figure draws, so it cannot claim bars
 * the figure does not have:
 * <ul>
 *   <li>{@code quality} (parameters vs quality, the Pareto view): per method row x = trainable
 *       (stored) parameters, mean over the averaged tasks (log axis), y = the GLUE average (or the
 *       average over all tasks) in points; {@code seeds}: each complete seed's average; {@code
 *       low}/{@code high}: ±1 sample std over those seeds, only with ≥ 2; {@code front}: the rows no
 *       other row beats with as few or fewer parameters. Rows that cannot be placed are in {@code skipped};</li>
 *   <li>{@code curves}: {@link LearningCurves}, per task;</li>
 *   <li>{@code throughput}: per method row, training examples/s — for each seed the mean over that
 *       seed's completed runs (tasks pooled), then mean and (≥ 2 seeds) sample std over seeds.</li>
 * </ul>
 * Labels drop a suffix every row shares ("(top 2 layers)"); {@code common} says which.
 *
 * @param json the figure data
 * @param quality caption of the parameters-vs-quality figure
 * @param curves caption of the learning curves
 * @param throughput caption of the throughput figure
 */
public record ChartData(Map<String, Object> json, String quality, String curves, String throughput) {

    /** The figures of {@code agg}, with the learning curves read from its run.json files. */
    public static ChartData of(SuiteAggregate agg, LearningCurves curves) {
        Map<MethodKey, String> labels = shortLabels(agg.rows());
        String common = commonSuffix(agg.rows());
        String note = common.isEmpty() ? "" : " Every row: " + common.substring(2, common.length() - 1) + ".";
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> quality = quality(agg, labels);
        out.put("quality", quality);
        out.put("curves", curves(curves, labels));
        Map<String, Object> throughput = throughput(agg, labels);
        out.put("throughput", throughput);
        out.put("common", common.isEmpty() ? "" : common.substring(2, common.length() - 1));
        return new ChartData(out, qualityCaption(quality) + note, curvesCaption(curves) + note,
                throughputCaption(throughput) + note);
    }

    /** These figures and one more part of the JSON (e.g. the tuning stage's, drawn by its own part of the page). */
    public ChartData with(String key, Object part) {
        Map<String, Object> more = new LinkedHashMap<>(json);
        more.put(key, part);
        return new ChartData(more, quality, curves, throughput);
    }

    private static Map<String, Object> quality(SuiteAggregate agg, Map<MethodKey, String> labels) {
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
            p.put("name", labels.get(row));
            p.put("x", a.trainable());
            p.put("y", a.value());
            p.put("seeds", List.copyOf(a.bySeed().values()));
            if (a.perSeed().hasSpread()) {
                p.put("low", a.value() - a.perSeed().std());
                p.put("high", a.value() + a.perSeed().std());
            }
            points.add(p);
        }
        List<Map<String, Object>> byX = points.stream()
                .sorted((a, b) -> Double.compare((double) a.get("x"), (double) b.get("x"))).toList();
        List<String> front = new ArrayList<>();
        double bestSoFar = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> p : byX) {
            if ((double) p.get("y") > bestSoFar) {
                bestSoFar = (double) p.get("y");
                front.add((String) p.get("name"));
            }
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("title", yName.replace(" (points)", "") + " vs trainable parameters");
        quality.put("xName", "trainable parameters, head excluded (log scale)");
        quality.put("yName", yName);
        quality.put("points", points);
        quality.put("front", front);
        quality.put("skipped", skipped);
        return quality;
    }

    private static Map<String, Object> curves(LearningCurves curves, Map<MethodKey, String> labels) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (LearningCurves.TaskCurves t : curves.tasks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", t.task());
            m.put("metric", t.metric());
            m.put("epochs", t.epochs());
            m.put("series", t.series().stream().map(s -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", labels.getOrDefault(s.row(), s.row().display()));
                one.put("mean", s.mean());
                one.put("seeds", s.seeds());
                return one;
            }).toList());
            tasks.add(m);
        }
        return Map.of("tasks", tasks);
    }

    private static Map<String, Object> throughput(SuiteAggregate agg, Map<MethodKey, String> labels) {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        List<Integer> seeds = new ArrayList<>();
        for (MethodKey row : agg.rows()) {
            Map<Long, List<Double>> bySeed = new TreeMap<>();
            agg.runs().stream().filter(RunRecord::completed).filter(r -> new MethodKey(r.method(), r.label()).equals(row))
                    .filter(r -> Double.isFinite(r.trainExamplesPerSecond()))
                    .forEach(r -> bySeed.computeIfAbsent(r.seed(), k -> new ArrayList<>()).add(r.trainExamplesPerSecond()));
            Summary s = Summary.of(bySeed.values().stream()
                    .mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray());
            if (s.n() > 0) {
                names.add(labels.get(row));
                means.add(s.mean());
                stds.add(s.hasSpread() ? s.std() : null);
                seeds.add(s.n());
            }
        }
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("title", "Training throughput per method");
        throughput.put("yName", "train examples/s");
        throughput.put("labels", names);
        throughput.put("mean", means);
        throughput.put("std", stds);
        throughput.put("seeds", seeds);
        return throughput;
    }

    @SuppressWarnings("unchecked")
    private static String qualityCaption(Map<String, Object> q) {
        List<Map<String, Object>> points = (List<Map<String, Object>>) q.get("points");
        long withBars = points.stream().filter(p -> p.containsKey("low")).count();
        String bars = withBars == 0 ? "No error bars: no row has two or more seeds with every task completed."
                : "Error bars: ±1 sample standard deviation of the per-seed averages over seeds"
                        + (withBars < points.size() ? ", drawn for the " + withBars + " of " + points.size()
                                + " rows with ≥ 2 complete seeds." : " (every row has ≥ 2 complete seeds).");
        return "Large points: each method's " + q.get("yName") + " against its trainable (stored) parameters, head "
                + "excluded, mean over the averaged tasks; small points: each seed's average. The line joins the "
                + "Pareto front (no other row is better with as few or fewer parameters). " + bars;
    }

    private static String curvesCaption(LearningCurves c) {
        if (c.tasks().isEmpty()) {
            return "No learning curves: no completed run's run.json recorded its epochs.";
        }
        return "Per task, the dev headline metric in points after each epoch (1-based), one line per method: the "
                + "mean over the seeds that recorded that epoch, from " + c.runsRead() + " runs' run.json. No error "
                + "bars." + (c.unreadable().isEmpty() ? "" : " Unreadable: " + String.join(", ", c.unreadable()) + ".");
    }

    @SuppressWarnings("unchecked")
    private static String throughputCaption(Map<String, Object> t) {
        List<Double> std = (List<Double>) t.get("std");
        long withBars = std.stream().filter(s -> s != null).count();
        String bars = withBars == 0 ? "No error bars: every method has one seed (a spread over tasks would mix tasks "
                + "of different speed, so none is drawn)."
                : "Error bars: ±1 sample standard deviation over seeds"
                        + (withBars < std.size() ? ", drawn for the " + withBars + " of " + std.size()
                                + " methods with ≥ 2 seeds." : ".");
        return "Bars: training examples/s per method — for each seed the mean over its completed runs (tasks pooled), "
                + "then the mean over seeds. " + bars;
    }

    /** Every row's label without the suffix all rows share. */
    static Map<MethodKey, String> shortLabels(List<MethodKey> rows) {
        String common = commonSuffix(rows);
        Map<MethodKey, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r, r.display().substring(0, r.display().length() - common.length())));
        return out;
    }

    /** The " (…)" suffix that every one of two or more rows' labels ends with, else "". */
    static String commonSuffix(List<MethodKey> rows) {
        if (rows.size() < 2) {
            return "";
        }
        String first = rows.get(0).display();
        int open = first.lastIndexOf(" (");
        if (open <= 0 || !first.endsWith(")")) {
            return "";
        }
        String suffix = first.substring(open);
        boolean shared = rows.stream().map(MethodKey::display)
                .allMatch(d -> d.endsWith(suffix) && d.length() > suffix.length());
        return shared ? suffix : "";
    }
}
