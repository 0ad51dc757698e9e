package dev.surmbench.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code results/<suite>/runs.csv}: a finished run (completed, diverged or failed) with
 * its identity, headline and all metrics (best dev epoch and last epoch), the same metrics for the
 * run's trivial predictor ({@code metrics_trivial}: the training subset's majority class or mean,
 * scored on the same evaluation examples — the floor a method must clear), parameter counts, cost and
 * the device it ran on ({@link DeviceUsage}), and how its epoch was chosen ({@link RunProtocol}: with a
 * validation split the best epoch is validation's and {@code best_value} the dev metric there).
 * The column order is {@link #COLUMNS}; the schema is documented in {@code results/README.md}. In run.json
 * ({@link RunDocument#result()}) it is written by its component names; a run.json written before the
 * device columns holds the old device text, read as {@link DeviceUsage} does.
 */
public record RunRecord(
        String runId,
        String suite,
        String task,
        String method,
        String label,
        String methodOptions,
        long seed,
        String backbone,
        RunStatus status,
        String statusDetail,
        String headlineMetric,
        double bestValue,
        double lastValue,
        int bestEpoch,
        Map<String, Double> metricsBest,
        Map<String, Double> metricsLast,
        Map<String, Double> metricsTrivial,
        long trainableStored,
        long trainableEffective,
        long headParameters,
        long totalParameters,
        int epochs,
        long steps,
        double trainExamplesPerSecond,
        double trainTokensPerSecond,
        double evalExamplesPerSecond,
        double wallSeconds,
        double peakHeapMb,
        double peakNativeMb,
        DeviceUsage device,
        int threads,
        String startedAt,
        String finishedAt,
        String gitCommit,
        RunProtocol protocol) {

    /** CSV header, in order: the names of the {@link RunColumn}s, where each column's reading and writing is stated. */
    public static final List<String> COLUMNS = RunColumn.NAMES;

    /** Metric maps iterate in name order, so run.json is the same bytes in every JVM (Map.copyOf's order is not). */
    static Map<String, Double> sorted(Map<String, Double> metrics) {
        return metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        metricsBest = sorted(metricsBest);
        metricsLast = sorted(metricsLast);
        metricsTrivial = sorted(metricsTrivial);
        label = label == null || label.isBlank() ? method : label;
        statusDetail = statusDetail == null ? "" : statusDetail;
        Objects.requireNonNull(device, "device");
        protocol = protocol != null ? protocol : RunProtocol.devSelected(Double.NaN, bestValue, bestEpoch, metricsBest);
    }

    /** A row selected on dev at an unrecorded learning rate (rows and run.json files written before {@link RunProtocol}). */
    public RunRecord(String runId, String suite, String task, String method, String label, String methodOptions, long seed,
                     String backbone, RunStatus status, String statusDetail, String headlineMetric, double bestValue,
                     double lastValue, int bestEpoch, Map<String, Double> metricsBest, Map<String, Double> metricsLast,
                     Map<String, Double> metricsTrivial, long trainableStored, long trainableEffective, long headParameters,
                     long totalParameters, int epochs, long steps, double trainExamplesPerSecond,
                     double trainTokensPerSecond, double evalExamplesPerSecond, double wallSeconds, double peakHeapMb,
                     double peakNativeMb, DeviceUsage device, int threads, String startedAt, String finishedAt,
                     String gitCommit) {
        this(runId, suite, task, method, label, methodOptions, seed, backbone, status, statusDetail, headlineMetric,
                bestValue, lastValue, bestEpoch, metricsBest, metricsLast, metricsTrivial, trainableStored,
                trainableEffective, headParameters, totalParameters, epochs, steps, trainExamplesPerSecond,
                trainTokensPerSecond, evalExamplesPerSecond, wallSeconds, peakHeapMb, peakNativeMb, device, threads,
                startedAt, finishedAt, gitCommit, null);
    }

    /** This row under another report label (the label is not part of the run's identity). */
    public RunRecord withLabel(String newLabel) {
        return relabelled(suite, newLabel, statusDetail);
    }

    /** How the status detail of a final run adopted from its tuning stage begins ({@link #adoptedBy}). */
    public static final String ADOPTED = "adopted from the tuning stage: ";

    /**
     * This row as a run of {@code adoptingSuite}: a tuning trial adopted as a final run of the suite it
     * tunes (the same run id, so the same settings, seed and data), its status detail {@link #ADOPTED}
     * followed by {@code where} (which trial, trained when).
     */
    public RunRecord adoptedBy(String adoptingSuite, String where) {
        return relabelled(adoptingSuite, label, ADOPTED + where);
    }

    /** This row, every number kept, under another suite, label and status detail: the one copy of the 35 fields. */
    private RunRecord relabelled(String newSuite, String newLabel, String newDetail) {
        return new RunRecord(runId, newSuite, task, method, newLabel, methodOptions, seed, backbone, status, newDetail,
                headlineMetric, bestValue, lastValue, bestEpoch, metricsBest, metricsLast, metricsTrivial, trainableStored,
                trainableEffective, headParameters, totalParameters, epochs, steps, trainExamplesPerSecond,
                trainTokensPerSecond, evalExamplesPerSecond, wallSeconds, peakHeapMb, peakNativeMb, device, threads,
                startedAt, finishedAt, gitCommit, protocol);
    }

    /** Whether this final run was adopted from its tuning stage rather than trained as a final run. */
    public boolean adopted() {
        return statusDetail.startsWith(ADOPTED);
    }

    public boolean completed() {
        return status == RunStatus.COMPLETED;
    }
}
