package dev.surmbench.report;

import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.RunRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregate of one task × method row over its seeds. Only completed runs enter the statistics;
 * diverged and failed runs are counted ({@link #diverged()}, {@link #failed()}) and listed in
 * {@link #runs()}, never averaged in.
 *
 * @param key task and method row
 * @param metric the headline metric of the task (as named in runs.csv)
 * @param value headline value in points over completed runs
 * @param bySeed completed runs' headline value in points by seed
 * @param completed number of completed runs
 * @param diverged number of diverged runs
 * @param failed number of failed runs
 * @param runs every run of the group, in run-id order
 * @param trainableStored trainable parameters held by the optimiser
 * @param trainableEffective degrees of freedom of the update
 * @param headParameters task-head parameters
 * @param totalParameters all parameters of the model
 * @param trainExamplesPerSecond training throughput (examples/s)
 * @param trainTokensPerSecond training throughput (tokens/s)
 * @param evalExamplesPerSecond evaluation throughput (examples/s)
 * @param wallSeconds wall-clock time of a run
 * @param peakHeapMb peak JVM heap
 * @param peakNativeMb peak native memory
 * @param metrics every metric of {@code metrics_best} in points (headline included)
 */
public record Cell(GroupKey key, String metric, Summary value, Map<Long, Double> bySeed, int completed,
        int diverged, int failed, List<RunRecord> runs, Range trainableStored, Range trainableEffective,
        Range headParameters, Range totalParameters, Summary trainExamplesPerSecond,
        Summary trainTokensPerSecond, Summary evalExamplesPerSecond, Summary wallSeconds,
        Summary peakHeapMb, Summary peakNativeMb, Map<String, Summary> metrics) {

    public Cell {
        bySeed = Collections.unmodifiableSortedMap(new TreeMap<>(bySeed));
        runs = List.copyOf(runs);
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    /** Runs that did not complete. */
    public int unsuccessful() {
        return diverged + failed;
    }

    /**
     * The device class ({@code cpu} or {@code cuda}) most of the group's completed runs ran on; {@code
     * cpu} when none completed or on a tie.
     */
    public String deviceClass() {
        long gpu = runs.stream().filter(RunRecord::completed).filter(r -> r.device().gpu()).count();
        long cpu = runs.stream().filter(RunRecord::completed).count() - gpu;
        return gpu > cpu ? DeviceUsage.CUDA : DeviceUsage.CPU;
    }

    /** Training throughput (examples/s) of the completed runs that ran on {@code deviceClass} only. */
    public Summary trainExamplesPerSecondOn(String deviceClass) {
        return Summary.of(runs.stream().filter(RunRecord::completed)
                .filter(r -> r.device().deviceClass().equals(deviceClass))
                .mapToDouble(RunRecord::trainExamplesPerSecond).toArray());
    }

    /** Mean trainable (stored) parameters of the group, NaN when unknown. */
    public double meanTrainable() {
        return trainableStored.present() ? (trainableStored.min() + trainableStored.max()) / 2.0 : Double.NaN;
    }
}
