package dev.surmbench.report;

import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.RunProtocol.Selection;
import dev.surmbench.results.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean protocol beside the paper's, per task × method row, for the completed runs that chose
 * their epoch on a validation split: {@code clean} is the headline (the dev metric at the epoch best on
 * validation, {@code best_value}), {@code paper} the dev metric at the epoch best on dev ({@code
 * dev_best_value}) — optimistic, because dev both selects and reports. Both in points. Also the one
 * line that says which protocol the claim verdicts (which use {@code best_value}) rest on.
 *
 * @param lines one per cell with validation-selected completed runs, in cell order
 * @param validationRuns completed runs that chose their epoch on validation
 * @param devRuns completed runs that chose it on dev
 */
public record ProtocolComparison(List<Line> lines, long validationRuns, long devRuns) {

    /** One cell: both protocols' numbers over its validation-selected completed runs. */
    public record Line(GroupKey key, String metric, Summary clean, Summary paper) {
        /** Paper − clean in points: how much selecting on dev inflates the cell (negated for loss-like metrics). */
        public double optimism() {
            double d = paper.mean() - clean.mean();
            return MetricScale.lowerIsBetter(metric) ? -d : d;
        }
    }

    public ProtocolComparison {
        lines = List.copyOf(lines);
    }

    /** The comparison of {@code agg}'s runs. */
    public static ProtocolComparison of(SuiteAggregate agg) {
        List<Line> lines = new ArrayList<>();
        for (Cell c : agg.cells().values()) {
            List<RunRecord> clean = c.runs().stream().filter(RunRecord::completed)
                    .filter(r -> r.protocol().selection() == Selection.VALIDATION).toList();
            if (clean.isEmpty()) {
                continue;
            }
            double f = agg.scale().factor(c.metric());
            lines.add(new Line(c.key(), c.metric(), Summary.of(clean.stream().mapToDouble(r -> r.bestValue() * f).toArray()),
                    Summary.of(clean.stream().mapToDouble(r -> r.protocol().devBestValue() * f).toArray())));
        }
        List<RunRecord> done = agg.runs().stream().filter(RunRecord::completed).toList();
        long validation = done.stream().filter(r -> r.protocol().selection() == Selection.VALIDATION).count();
        return new ProtocolComparison(lines, validation, done.size() - validation);
    }

    /** Which protocol the verdicts' numbers come from, in one line. */
    public String verdictNote() {
        if (devRuns == 0 && validationRuns > 0) {
            return "Verdicts and the main table use dev metrics at the epoch chosen on validation (the clean protocol:"
                    + " dev is held out).";
        }
        if (validationRuns == 0) {
            return "Verdicts and the main table use dev metrics at the epoch chosen on dev (paper protocol, optimistic:"
                    + " dev both selects and reports).";
        }
        return "Verdicts and the main table use each run's headline, and the runs differ: " + validationRuns
                + " chose their epoch on validation (clean), " + devRuns + " on dev (paper protocol, optimistic) — not"
                + " like for like.";
    }
}
