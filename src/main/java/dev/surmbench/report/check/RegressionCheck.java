package dev.surmbench.report.check;

import dev.surmbench.report.Cell;
import dev.surmbench.report.Fmt;
import dev.surmbench.report.GroupKey;
import dev.surmbench.report.LearningRates;
import dev.surmbench.report.MetricScale;
import dev.surmbench.report.SuiteAggregate;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nightly regression gate: compares each task × method mean of a suite with a baseline file.
 *
 * <p>For every baseline row that applies (its backbone is empty or one of the suite's backbones), the
 * group with the same task, method and label is looked up and compared:
 * <ul>
 *   <li><b>metric</b>: fails when the mean drops by more than the tolerance — the row's {@code
 *       tolerance}, else the suite-wide {@link CheckOptions#tolerance()}, else max(2 × baseline std,
 *       1 point). A drop is baseline − ours (ours − baseline for loss-like metrics). It also fails when the
 *       row's {@code selection} is known and the group's runs chose their epoch another way (validation vs
 *       dev), or when the row's {@code learning_rate} is known and a completed run of the group used another
 *       rate (a re-tune moved the cell): not like for like, whatever the delta (the message says so and how
 *       to refresh the baseline);</li>
 *   <li><b>runs</b>: fails when the group is missing, or has fewer completed runs than the row's
 *       {@code n} ("missing run");</li>
 *   <li><b>status</b>: fails for every diverged or failed run, naming it;</li>
 *   <li><b>params</b>: fails when a run's trainable (stored) parameter count differs from the row's;</li>
 *   <li><b>throughput</b>: fails when ours ÷ baseline training examples/s is below the row's {@code
 *       min_throughput_ratio}, else the suite-wide ratio (not checked when neither is declared). Only
 *       runs of the row's device class ({@code cpu} or {@code cuda}) are compared: a GPU run never
 *       fails a CPU throughput gate or the reverse (INFO "not compared" instead). When the baseline
 *       holds a row for each device class, the group's own class is used for every check.</li>
 * </ul>
 * Diverged or failed runs of groups without a baseline row also fail; groups without a baseline row
 * are listed as INFO. Group-level checks (runs, status, params, throughput) run once per group.
 */
public final class RegressionCheck {
    /** How a reference row's notes name its suite ({@code check --write-baseline} writes "suite NAME"). */
    private static final Pattern SUITE_NOTE = Pattern.compile("\\bsuite (\\S+)");

    /** What each selection word means, as the check's messages say it. */
    private static final String PROTOCOLS = "validation: the clean protocol; dev: the paper's, optimistic";

    private RegressionCheck() {}

    /**
     * Runs the check.
     *
     * @throws IllegalArgumentException when no baseline row applies to the suite's backbone(s) (bad input)
     */
    public static CheckReport run(SuiteAggregate agg, List<BaselineRow> baseline, CheckOptions options) {
        Set<String> backbones = new TreeSet<>(agg.runs().stream().map(RunRecord::backbone).toList());
        List<BaselineRow> forBackbones = baseline.stream()
                .filter(b -> b.backbone().isEmpty() || backbones.contains(b.backbone())).toList();
        List<BaselineRow> applicable = forBackbones.stream().filter(b -> !supersededOnDevice(b, forBackbones, agg)).toList();
        if (applicable.isEmpty()) {
            throw new IllegalArgumentException("none of the " + baseline.size() + " baseline rows is for backbone(s) "
                    + backbones + " of suite " + agg.suite() + "; pick the baseline file of this suite");
        }
        refuseForeign(agg, applicable);
        List<CheckRow> out = new ArrayList<>();
        Set<GroupKey> checkedGroups = new LinkedHashSet<>();
        for (BaselineRow b : applicable) {
            GroupKey key = GroupKey.of(b.task(), b.method(), b.label());
            Cell cell = agg.cells().get(key);
            if (cell == null) {
                if (checkedGroups.add(key)) {
                    out.add(row(CheckStatus.FAIL, "runs", key, "", count(b.n()), "0", "–", "–",
                            "missing: no run of this task × method in the results (baseline line " + b.line() + ")"));
                }
                continue;
            }
            out.add(metric(agg.scale(), cell, b, options));
            if (checkedGroups.add(key)) {
                out.addAll(groupChecks(cell, b, options));
            }
        }
        for (Cell cell : agg.cells().values()) {
            if (checkedGroups.contains(cell.key())) {
                continue;
            }
            out.addAll(statusChecks(cell));
            out.add(row(CheckStatus.INFO, "coverage", cell.key(), cell.metric(), "–", Fmt.meanStd(cell.value()), "–",
                    "–", "not in the baseline"));
        }
        return new CheckReport(out, baseline.size() - applicable.size());
    }

    /**
     * A baseline none of whose rows is a task × method of the suite belongs to another suite: one line
     * saying so (bad input) instead of a "missing" failure per row.
     */
    private static void refuseForeign(SuiteAggregate agg, List<BaselineRow> applicable) {
        if (applicable.stream().anyMatch(b -> agg.cells().containsKey(GroupKey.of(b.task(), b.method(), b.label())))) {
            return;
        }
        Set<String> theirTasks = new TreeSet<>(applicable.stream().map(BaselineRow::task).toList());
        Set<String> suites = new TreeSet<>();
        for (BaselineRow b : applicable) {
            Matcher m = SUITE_NOTE.matcher(b.notes());
            if (m.find()) {
                suites.add(m.group(1));
            }
        }
        Set<String> methods = new TreeSet<>(agg.cells().keySet().stream().map(k -> k.row().method()).toList());
        throw new IllegalArgumentException("the baseline has no runs of suite " + agg.suite() + ": tasks "
                + String.join(", ", agg.tasks()) + " × methods " + String.join(", ", methods) + "; it holds tasks "
                + String.join(", ", theirTasks) + (suites.isEmpty() ? "" : " of suite " + String.join(", ", suites))
                + " — pick the baseline file of this suite (or write one: check --write-baseline FILE)");
    }

    /**
     * True when the baseline holds the same row (source, backbone, task, method, label, metric) for
     * another device class, and that one is the class the group's runs ran on: each group is compared
     * with the row measured on its own kind of device when there is one.
     */
    private static boolean supersededOnDevice(BaselineRow b, List<BaselineRow> rows, SuiteAggregate agg) {
        Cell cell = agg.cells().get(GroupKey.of(b.task(), b.method(), b.label()));
        if (cell == null || b.device().equals(cell.deviceClass())) {
            return false;
        }
        return rows.stream().anyMatch(o -> o != b && o.device().equals(cell.deviceClass()) && o.source() == b.source()
                && o.backbone().equals(b.backbone()) && o.task().equals(b.task()) && o.method().equals(b.method())
                && o.label().equals(b.label()) && o.metric().equals(b.metric()));
    }

    private static CheckRow metric(MetricScale scale, Cell cell, BaselineRow b, CheckOptions options) {
        GroupKey key = cell.key();
        Summary ours = b.metric().equals(cell.metric()) ? cell.value()
                : cell.metrics().getOrDefault(b.metric(), Summary.EMPTY);
        double tol = Double.isFinite(b.tolerance()) ? b.tolerance()
                : Double.isFinite(options.tolerance()) ? options.tolerance()
                : Math.max(2 * (Double.isFinite(b.std()) ? b.std() : 0), CheckOptions.MIN_TOLERANCE);
        String source = Double.isFinite(b.tolerance()) ? "row tolerance" : Double.isFinite(options.tolerance())
                ? "suite tolerance" : "max(2 × std, 1)";
        if (ours.n() == 0) {
            return row(CheckStatus.FAIL, "metric", key, b.metric(), Fmt.pts(b.value()), "–", "–", Fmt.pts(tol),
                    "no completed run with metric '" + b.metric() + "'");
        }
        double delta = ours.mean() - b.value();
        double drop = MetricScale.lowerIsBetter(b.metric()) ? delta : -delta;
        boolean fail = drop > tol + 1e-9;
        String mismatch = protocolMismatch(cell, b) + rateMismatch(cell, b);
        return row(fail || !mismatch.isEmpty() ? CheckStatus.FAIL : CheckStatus.PASS, "metric", key, b.metric(),
                Fmt.pts(b.value()), Fmt.meanStd(ours), Fmt.signed(delta), "-" + Fmt.pts(tol), mismatch
                + (fail ? "dropped by " + Fmt.pts(drop) + " points, more than " : "within ") + source
                        + " (n=" + ours.n() + ")");
    }

    /**
     * "" when the baseline row's {@code selection} is unknown or every completed run of the cell chose
     * its epoch the same way; else why the comparison is not like for like. A clean headline (epoch chosen
     * on validation) sits systematically below a dev-selected one (dev both selects and reports), so across
     * protocols a drop or a gain says nothing about a regression: the metric check fails until the baseline
     * is refreshed from runs of the same protocol.
     */
    static String protocolMismatch(Cell cell, BaselineRow b) {
        if (b.selection().isEmpty()) {
            return "";
        }
        Set<String> ours = new TreeSet<>(cell.runs().stream().filter(RunRecord::completed)
                .map(r -> r.protocol().selection().word()).toList());
        if (ours.isEmpty() || ours.equals(Set.of(b.selection()))) {
            return "";
        }
        return "not like for like: the baseline's epoch was chosen on " + b.selection() + ", these runs' on "
                + String.join(" and ", ours) + " (" + PROTOCOLS + "); refresh the baseline from runs of one protocol"
                + " (check --write-baseline FILE) — ";
    }

    /**
     * "" when the baseline row's {@code learning_rate} is unknown or every completed run of the cell used
     * it; else why the comparison is not like for like. After a re-tune moves a cell's rate, the delta
     * measures the new rate, not a regression — within tolerance or not, the gate must not pass it
     * silently. Rates equal to 1e-9 relative (the CSV round trip) count as the same.
     */
    static String rateMismatch(Cell cell, BaselineRow b) {
        double base = b.learningRate();
        if (!Double.isFinite(base)) {
            return "";
        }
        LearningRates ours = LearningRates.of(cell.runs().stream().filter(RunRecord::completed).toList());
        if (ours.rates().stream().allMatch(r -> Math.abs(r - base) <= 1e-9 * Math.abs(base))) {
            return "";
        }
        return "not like for like: the baseline's runs used lr " + Fmt.rate(base) + ", these runs "
                + ours.values() + "; after a re-tune refresh the baseline"
                + " (check --write-baseline FILE) — ";
    }

    private static List<CheckRow> groupChecks(Cell cell, BaselineRow b, CheckOptions options) {
        List<CheckRow> out = new ArrayList<>();
        GroupKey key = cell.key();
        if (b.n() > 0) {
            boolean fewer = cell.completed() < b.n();
            out.add(row(fewer ? CheckStatus.FAIL : CheckStatus.PASS, "runs", key, "", count(b.n()),
                    count(cell.completed()), "–", "≥" + b.n(), fewer ? "missing run(s): " + cell.completed() + " of "
                            + b.n() + " completed" : cell.completed() + " completed"));
        }
        out.addAll(statusChecks(cell));
        if (b.trainableParams() >= 0) {
            List<String> changed = cell.runs().stream().filter(r -> r.trainableStored() != b.trainableParams())
                    .map(r -> r.runId() + "=" + r.trainableStored()).toList();
            out.add(row(changed.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, "params", key, "",
                    Fmt.count(b.trainableParams()), cell.trainableStored().display(), "–", "equal",
                    changed.isEmpty() ? "unchanged" : "trainable parameters changed: " + String.join(", ", changed)));
        }
        double ratio = Double.isFinite(b.minThroughputRatio()) ? b.minThroughputRatio() : options.minThroughputRatio();
        if (Double.isFinite(ratio) && Double.isFinite(b.trainExamplesPerSecond()) && cell.trainExamplesPerSecond().n() > 0) {
            Summary sameDevice = cell.trainExamplesPerSecondOn(b.device());
            if (sameDevice.n() == 0) {
                out.add(row(CheckStatus.INFO, "throughput", key, "train_examples_per_s", Fmt.num(b.trainExamplesPerSecond()),
                        Fmt.num(cell.trainExamplesPerSecond().mean()), "–", "≥" + Fmt.ratio(ratio), "not compared: the baseline"
                                + " was measured on " + b.device() + ", these runs ran on " + cell.deviceClass()));
                return out;
            }
            double r = sameDevice.mean() / b.trainExamplesPerSecond();
            boolean slow = r < ratio;
            out.add(row(slow ? CheckStatus.FAIL : CheckStatus.PASS, "throughput", key, "train_examples_per_s",
                    Fmt.num(b.trainExamplesPerSecond()), Fmt.num(sameDevice.mean()),
                    Fmt.ratio(r), "≥" + Fmt.ratio(ratio), (slow ? "throughput fell to " + Fmt.ratio(r) + " of the baseline"
                            : "within the declared ratio") + " (" + b.device() + " runs only)"));
        }
        return out;
    }

    private static List<CheckRow> statusChecks(Cell cell) {
        List<CheckRow> out = new ArrayList<>();
        for (RunRecord r : cell.runs()) {
            if (!r.completed()) {
                out.add(row(CheckStatus.FAIL, "status", cell.key(), "", "completed", r.status().csvName(), "–", "–",
                        "run " + r.runId() + " (seed " + r.seed() + ") " + r.status().csvName()
                                + (r.statusDetail().isEmpty() ? "" : ": " + r.statusDetail())));
            }
        }
        return out;
    }

    private static String count(long n) {
        return n < 0 ? "–" : Long.toString(n);
    }

    private static CheckRow row(CheckStatus status, String check, GroupKey key, String metric, String baseline,
            String ours, String delta, String limit, String detail) {
        return new CheckRow(status, check, key.task(), key.row().display(), metric, baseline, ours, delta, limit, detail);
    }
}
