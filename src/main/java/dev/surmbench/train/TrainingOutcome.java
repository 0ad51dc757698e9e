package dev.surmbench.train;

import java.util.List;
import java.util.Map;

/**
 * The result of training one run: per-epoch series, the best epoch by the headline metric (the
 * authors report the best dev epoch; both best and last are kept, labelled), how it ended, and cost.
 *
 * @param status completed, diverged (non-finite loss at {@code divergedAtStep}) or failed
 */
public record TrainingOutcome(
        Status status, String detail, List<EpochRecord> epochs, int bestEpoch, long steps,
        long trainExamples, long trainTokens, double trainSeconds, long evalExamples, double evalSeconds,
        double peakHeapMb) {

    /** How training ended. */
    public enum Status { COMPLETED, DIVERGED }

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }

    public Map<String, Double> bestMetrics() {
        return bestEpoch < 0 ? Map.of() : epochs.get(bestEpoch).metrics();
    }

    public Map<String, Double> lastMetrics() {
        return epochs.isEmpty() ? Map.of() : epochs.get(epochs.size() - 1).metrics();
    }

    public double trainExamplesPerSecond() {
        return trainSeconds > 0 ? trainExamples / trainSeconds : 0;
    }

    public double trainTokensPerSecond() {
        return trainSeconds > 0 ? trainTokens / trainSeconds : 0;
    }

    public double evalExamplesPerSecond() {
        return evalSeconds > 0 ? evalExamples / evalSeconds : 0;
    }
}
