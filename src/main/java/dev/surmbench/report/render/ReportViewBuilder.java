package dev.surmbench.report.render;

import dev.surmbench.report.Cell;
import dev.surmbench.report.ClaimVerdict;
import dev.surmbench.report.ComparisonVerdict;
import dev.surmbench.report.Fmt;
import dev.surmbench.report.LearningRates;
import dev.surmbench.report.MethodKey;
import dev.surmbench.report.MetricScale;
import dev.surmbench.report.PairComparison;
import dev.surmbench.report.Range;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.report.TaskAverage;
import dev.surmbench.report.TrivialFloor;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.render.ReportView.Claim;
import dev.surmbench.report.render.ReportView.ClaimLine;
import dev.surmbench.report.render.ReportView.Column;
import dev.surmbench.report.render.ReportView.Comparison;
import dev.surmbench.report.render.ReportView.Fact;
import dev.surmbench.report.render.ReportView.MetricLine;
import dev.surmbench.report.render.ReportView.ParamRow;
import dev.surmbench.report.render.ReportView.Row;
import dev.surmbench.report.render.ReportView.RunLine;
import dev.surmbench.report.render.ReportView.Value;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the {@link ReportView} of a suite from its aggregate, verdicts, baselines and provenance. */
public final class ReportViewBuilder {
    /** Cell badge for a result that does not clearly beat the task's trivial predictor. */
    static final String AT_FLOOR = "≈ trivial";

    private ReportViewBuilder() {}

    /** The complete view; {@code baselines} may hold rows of any task (only the suite's tasks are shown). */
    public static ReportView build(SuiteAggregate agg, String resultsPath, ProvenanceSummary provenance,
            List<ClaimVerdict> claims, List<PairComparison> comparisons, List<BaselineRow> baselines,
            ChartData charts, String echartsJs, TuningView tuning) {
        List<Column> columns = agg.tasks().stream().map(t -> new Column(t, agg.headlineByTask().get(t))).toList();
        Map<MethodKey, TaskAverage> averages = averages(agg);
        String averageLabel = !agg.glueTasks().isEmpty() ? "GLUE average" : agg.tasks().size() > 1 ? "Task average" : "";
        List<String> citations = new ArrayList<>();
        int runs = agg.runs().size();
        int completed = (int) agg.runs().stream().filter(RunRecord::completed).count();
        int diverged = (int) agg.runs().stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        return new ReportView(agg.suite(), resultsPath, runs, completed, diverged, runs - completed - diverged,
                scaleNote(agg), facts(provenance.items()), facts(provenance.datasets()), provenanceNote(provenance, runs),
                columns, averageLabel, ourRows(agg, averages, averageLabel), floorRows(agg, averageLabel), floorNote(agg),
                baselineRows(agg, baselines, citations),
                citations, paramRows(agg), claims.stream().map(ReportViewBuilder::claim).toList(),
                comparisons.stream().map(ReportViewBuilder::comparison).toList(),
                agg.unsuccessful().stream().map(r -> runLine(agg, r)).toList(), metricLines(agg),
                agg.runs().stream().map(r -> runLine(agg, r)).toList(), SafeJson.write(charts.json()), echartsJs,
                new ReportView.Captions(charts.quality(), charts.curves(), charts.throughput()), tuning);
    }

    /** The averages the main table and the headline figure use: GLUE when present, else all tasks. */
    static Map<MethodKey, TaskAverage> averages(SuiteAggregate agg) {
        return agg.glueTasks().isEmpty() ? agg.taskAverages() : agg.glueAverages();
    }

    private static List<Row> ourRows(SuiteAggregate agg, Map<MethodKey, TaskAverage> averages, String averageLabel) {
        Map<String, Double> best = new TreeMap<>();
        for (String task : agg.tasks()) {
            boolean lower = MetricScale.lowerIsBetter(agg.headlineByTask().get(task));
            agg.rows().stream().map(r -> agg.cell(task, r)).flatMap(Optional::stream).filter(c -> c.value().n() > 0)
                    .mapToDouble(c -> c.value().mean()).reduce(lower ? Math::min : Math::max)
                    .ifPresent(v -> best.put(task, v));
        }
        double bestAverage = averages.values().stream().filter(TaskAverage::complete).mapToDouble(TaskAverage::value)
                .max().orElse(Double.NaN);
        List<Row> rows = new ArrayList<>();
        for (MethodKey row : agg.rows()) {
            List<Value> cells = new ArrayList<>();
            for (String task : agg.tasks()) {
                cells.add(agg.cell(task, row).map(c -> value(agg, c, best.get(task))).orElse(new Value(Fmt.NONE, false,
                        "no run", "")));
            }
            Value avg = averageLabel.isEmpty() ? null : average(averages.get(row), bestAverage);
            rows.add(new Row(row.display(), "ours", "this suite", "", cells, avg, trainable(agg, row)));
        }
        return rows;
    }

    /** The row's trainable (stored) parameters over its cells' completed runs: one count or a range over tasks. */
    private static String trainable(SuiteAggregate agg, MethodKey row) {
        return Range.of(agg.runs().stream().filter(RunRecord::completed)
                .filter(r -> new MethodKey(r.method(), r.label()).equals(row))
                .mapToLong(RunRecord::trainableStored).filter(n -> n >= 0)).display();
    }

    private static Value value(SuiteAggregate agg, Cell c, Double best) {
        boolean isBest = best != null && c.value().n() > 0 && c.value().mean() == best;
        String title = "n=" + c.value().n() + " completed, 95% CI " + Fmt.ci(c.value()) + ", metric " + c.metric();
        List<String> warn = new ArrayList<>();
        if (c.diverged() > 0) {
            warn.add(c.diverged() + " diverged");
        }
        if (c.failed() > 0) {
            warn.add(c.failed() + " failed");
        }
        if (c.value().n() > 0 && agg.atFloor(c.key().task(), c.key().row())) {
            warn.add(AT_FLOOR);
        }
        return new Value(Fmt.meanStd(c.value()), isBest, title, String.join(", ", warn),
                LearningRates.of(c.runs()).display());
    }

    /** The trivial predictor's row: per task its floor over seeds, the average when every averaged task has one. */
    private static List<Row> floorRows(SuiteAggregate agg, String averageLabel) {
        if (agg.floors().isEmpty()) {
            return List.of();
        }
        List<Value> cells = new ArrayList<>();
        for (String task : agg.tasks()) {
            // the floor rarely varies by seed (the dev subset is fixed); its std is shown only when it does
            cells.add(agg.floor(task).map(f -> new Value(f.value().std() >= 0.005 ? Fmt.meanStd(f.value())
                    : Fmt.pts(f.value().mean()), false, "constant prediction on "
                    + f.value().n() + " seed(s)' training subsets, metric " + f.metric(), ""))
                    .orElse(new Value(Fmt.NONE, false, "not recorded", "")));
        }
        Value avg = null;
        if (!averageLabel.isEmpty()) {
            List<String> averaged = agg.glueTasks().isEmpty() ? agg.tasks() : agg.glueTasks();
            List<Double> vals = averaged.stream().map(agg::floor).flatMap(Optional::stream).map(f -> f.value().mean()).toList();
            avg = vals.size() == averaged.size()
                    ? new Value(Fmt.pts(vals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)), false,
                            "mean of the floors over " + String.join(", ", averaged), "")
                    : new Value(Fmt.NONE, false, "not every averaged task has a floor", "");
        }
        return List.of(new Row(TrivialFloor.LABEL, "trivial", "each run's training subset: its majority class (regression: "
                + "its mean; a constant has correlation 0), scored on the run's evaluation examples", "", cells, avg, ""));
    }

    /** Which of our cells sit at the floor, in one sentence ("" when no floor was recorded). */
    private static String floorNote(SuiteAggregate agg) {
        if (agg.floors().isEmpty()) {
            return "";
        }
        long withFloor = agg.cells().values().stream().filter(c -> c.value().n() > 0)
                .filter(c -> agg.floor(c.key().task()).isPresent()).count();
        List<Cell> at = agg.notAboveFloor();
        String rule = " Clearly beats: the 95% CI over seeds lies above the trivial row; with one seed, more than "
                + Fmt.pts(TrivialFloor.SINGLE_SEED_MARGIN) + " point above it.";
        if (at.isEmpty()) {
            return "All " + withFloor + " cells clearly beat the trivial predictor." + rule;
        }
        return at.size() + " of " + withFloor + " cells do not clearly beat the trivial predictor: "
                + at.stream().map(c -> c.key().task() + " · " + c.key().row().display()).collect(Collectors.joining(", "))
                + "." + rule;
    }

    private static Value average(TaskAverage a, double best) {
        if (a == null || !a.complete()) {
            return new Value(Fmt.NONE, false, "incomplete", a == null ? "" : "missing " + String.join(", ", a.missingTasks()));
        }
        String text = a.perSeed().hasSpread() ? Fmt.pts(a.value()) + " ± " + Fmt.pts(a.perSeed().std()) : Fmt.pts(a.value());
        return new Value(text, a.value() == best, "mean of per-task means over " + String.join(", ", a.tasks())
                + "; std over " + a.perSeed().n() + " seed(s) with every task completed", "");
    }

    private static List<Row> baselineRows(SuiteAggregate agg, List<BaselineRow> baselines, List<String> citations) {
        Map<String, List<BaselineRow>> groups = new java.util.LinkedHashMap<>();
        baselines.stream().filter(b -> agg.tasks().contains(b.task()))
                .sorted(java.util.Comparator.comparing(BaselineRow::source))
                .forEach(b -> groups.computeIfAbsent(String.join("\u0000", b.source().csvName(), b.backbone(),
                        b.method(), b.label(), b.citation(), b.table()), k -> new ArrayList<>()).add(b));
        List<String> averageTasks = agg.glueTasks().isEmpty() ? agg.tasks() : agg.glueTasks();
        boolean hasAverage = !agg.glueTasks().isEmpty() || agg.tasks().size() > 1;
        List<Row> rows = new ArrayList<>();
        for (List<BaselineRow> group : groups.values()) {
            BaselineRow first = group.get(0);
            String cite = first.source().csvName().equals("reference")
                    ? "our reference run @ " + first.gitCommit() + " (" + first.runIds().size() + " runs)" : first.provenance();
            if (!citations.contains(cite)) {
                citations.add(cite);
            }
            List<Value> cells = new ArrayList<>();
            for (String task : agg.tasks()) {
                cells.add(group.stream().filter(b -> b.task().equals(task)).findFirst().map(ReportViewBuilder::baselineValue)
                        .orElse(new Value(Fmt.NONE, false, "not reported", "")));
            }
            Value avg = null;
            if (hasAverage) {
                List<Double> vals = averageTasks.stream().map(t -> group.stream().filter(b -> b.task().equals(t)).findFirst())
                        .flatMap(Optional::stream).map(BaselineRow::value).toList();
                avg = vals.size() == averageTasks.size()
                        ? new Value(Fmt.pts(vals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)),
                                false, "mean of this row's values over " + String.join(", ", averageTasks), "")
                        : new Value(Fmt.NONE, false, "not every averaged task reported", "");
            }
            String label = first.label() + (first.backbone().isEmpty() ? "" : " · " + first.backbone());
            rows.add(new Row(label, first.source().csvName(), first.provenance(),
                    Integer.toString(citations.indexOf(cite) + 1), cells, avg,
                    Range.of(group.stream().mapToLong(BaselineRow::trainableParams).filter(n -> n >= 0)).display()));
        }
        return rows;
    }

    private static Value baselineValue(BaselineRow b) {
        String text = Double.isFinite(b.std()) ? Fmt.pts(b.value()) + " ± " + Fmt.pts(b.std()) : Fmt.pts(b.value());
        String title = b.metric() + (b.statistic().isEmpty() ? "" : ", " + b.statistic())
                + (b.n() > 0 ? " of " + b.n() + " seeds" : "") + (b.notes().isEmpty() ? "" : "; " + b.notes());
        return new Value(text, false, title, "", Double.isFinite(b.learningRate()) ? "lr " + Fmt.rate(b.learningRate()) : "");
    }

    private static List<ParamRow> paramRows(SuiteAggregate agg) {
        return agg.cells().values().stream().map(c -> new ParamRow(c.key().task(), c.key().row().display(),
                c.completed() + "/" + c.runs().size(), c.trainableStored().display(), c.trainableEffective().display(),
                c.headParameters().display(), c.totalParameters().display(), Fmt.numStd(c.trainExamplesPerSecond()),
                Fmt.numStd(c.trainTokensPerSecond()), Fmt.numStd(c.evalExamplesPerSecond()), Fmt.numStd(c.wallSeconds()),
                Fmt.numStd(c.peakHeapMb()), Fmt.numStd(c.peakNativeMb()))).toList();
    }

    private static Claim claim(ClaimVerdict v) {
        List<ClaimLine> lines = new ArrayList<>();
        for (ComparisonVerdict cv : v.comparisons()) {
            PairComparison p = cv.pair();
            lines.add(new ClaimLine(p.scope(), p.variant().display(), p.counterpart().display(),
                    Fmt.signed(p.diff().meanDiff()), p.diff().kind().label(), Fmt.p(p.diff().p()),
                    Fmt.ratio(p.parameterRatio()), cv.verdict().text(), cv.verdict().css(), cv.reason()));
        }
        return new Claim(v.id(), v.title(), v.quote(), v.rule(), v.verdict().text(), v.verdict().css(), v.summary(), lines);
    }

    private static Comparison comparison(PairComparison p) {
        String ci = Double.isFinite(p.diff().ciLow()) ? "[" + Fmt.signed(p.diff().ciLow()) + ", "
                + Fmt.signed(p.diff().ciHigh()) + "]" : Fmt.NONE;
        return new Comparison(p.scope(), p.variant().display(), p.counterpart().display(), Fmt.signed(p.diff().meanDiff()),
                ci, p.diff().kind().label(), p.diff().pairs() + " paired / " + p.diff().nA() + " vs " + p.diff().nB(),
                Fmt.p(p.diff().p()), Fmt.ratio(p.parameterRatio()));
    }

    private static List<MetricLine> metricLines(SuiteAggregate agg) {
        List<MetricLine> out = new ArrayList<>();
        for (Cell c : agg.cells().values()) {
            c.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(new MetricLine(
                    c.key().task(), c.key().row().display(), e.getKey(), Fmt.meanStd(e.getValue()), Fmt.ci(e.getValue()),
                    Integer.toString(e.getValue().n()))));
        }
        return out;
    }

    private static RunLine runLine(SuiteAggregate agg, RunRecord r) {
        double f = agg.scale().factor(r.headlineMetric());
        String metrics = r.metricsBest().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4f", e.getValue())).collect(Collectors.joining(", "));
        return new RunLine(r.runId(), r.task(), new MethodKey(r.method(), r.label()).display(), Long.toString(r.seed()),
                r.status().csvName(), r.status().csvName(), r.statusDetail(), r.headlineMetric(),
                r.completed() ? Fmt.pts(r.bestValue() * f) : Fmt.NONE, r.completed() ? Fmt.pts(r.lastValue() * f) : Fmt.NONE,
                (r.bestEpoch() >= 0 ? "best " + (r.bestEpoch() + 1) + " of " + r.epochs() : "no best epoch of " + r.epochs())
                        + " (1-based; " + r.steps() + " steps)",
                Fmt.count(r.trainableStored()) + " stored / " + Fmt.count(r.trainableEffective()) + " effective",
                Fmt.num(r.wallSeconds()), r.device().display() + " × " + r.threads() + " threads", r.startedAt(), r.finishedAt(),
                r.gitCommit(), r.methodOptions(), metrics);
    }

    private static String scaleNote(SuiteAggregate agg) {
        List<String> scaled = agg.scale().factors().entrySet().stream().filter(e -> e.getValue() != 1.0)
                .map(Map.Entry::getKey).sorted().toList();
        return scaled.isEmpty() ? "All values are shown as recorded (already in points)."
                : "Recorded as fractions and shown ×100 as points: " + String.join(", ", scaled) + ".";
    }

    private static List<Fact> facts(List<ProvenanceSummary.Item> items) {
        return items.stream().map(i -> new Fact(i.name(), i.display(), !i.consistent())).toList();
    }

    private static String provenanceNote(ProvenanceSummary p, int runs) {
        return "run.json found for " + p.runJsonFound() + " of " + runs + " runs"
                + (p.unreadable().isEmpty() ? "" : "; unreadable: " + String.join(", ", p.unreadable()));
    }

}
