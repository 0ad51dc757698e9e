package dev.surmbench.report.check;

import dev.surmbench.report.Cell;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.baseline.BaselineSource;
import dev.surmbench.results.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a suite's own results into reference baseline rows (source {@code reference}): per task ×
 * method row, the headline mean and std in points, n, the trainable parameter count, the training
 * throughput of the runs on the group's device class (cpu or cuda, also written), the run ids and
 * commit behind them, and the learning rate and epoch selection the runs share (empty when they differ). Used by {@code surm-bench check --write-baseline}
 * to produce committed baselines from a real run.
 */
public final class ReferenceBaseline {
    private ReferenceBaseline() {}

    /**
     * Reference rows for every group of {@code agg}.
     *
     * @throws IllegalStateException when a run diverged or failed (a reference must be clean)
     */
    public static List<BaselineRow> from(SuiteAggregate agg) {
        List<RunRecord> bad = agg.unsuccessful();
        if (!bad.isEmpty()) {
            throw new IllegalStateException("cannot write a reference baseline: " + bad.size()
                    + " run(s) did not complete: " + String.join(", ", bad.stream().map(RunRecord::runId).toList()));
        }
        List<BaselineRow> rows = new ArrayList<>();
        for (Cell c : agg.cells().values()) {
            List<RunRecord> done = c.runs().stream().filter(RunRecord::completed).toList();
            String backbone = String.join(" ", new TreeSet<>(done.stream().map(RunRecord::backbone).toList()));
            String commit = String.join(" ", new TreeSet<>(done.stream().map(RunRecord::gitCommit)
                    .map(g -> g == null || g.isBlank() ? "unknown" : g).toList()));
            rows.add(new BaselineRow(BaselineSource.REFERENCE, backbone, c.key().task(), c.key().row().method(),
                    c.key().row().label(), c.metric(), c.value().n() == 1 ? "single" : "mean", round(c.value().mean(), 4),
                    round(c.value().std(), 4), c.value().n(), c.trainableStored().constant() ? c.trainableStored().min() : -1,
                    round(c.trainExamplesPerSecondOn(c.deviceClass()).mean(), 2), c.deviceClass(), Double.NaN, Double.NaN, "", "",
                    done.stream().map(RunRecord::runId).toList(), commit, "suite " + agg.suite(), 0,
                    common(done.stream().map(r -> r.protocol().learningRate()).distinct().toList(), Double.NaN),
                    common(done.stream().map(r -> r.protocol().selection().word()).distinct().toList(), "")));
        }
        return rows;
    }

    /** The one value all runs share, or {@code none} when they differ (or there are none). */
    private static <T> T common(List<T> distinct, T none) {
        return distinct.size() == 1 ? distinct.get(0) : none;
    }

    private static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
