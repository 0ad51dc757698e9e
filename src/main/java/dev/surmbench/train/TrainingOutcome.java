package dev.surmbench.train;

import java.util.List;
import java.util.Map;

/**
 * The result of training one run: per-epoch series, the best epoch by the headline metric — on the
 * validation split when the run has one, else on dev — and the epoch best on dev (the authors'
 * protocol, kept beside it), the last epoch, how it ended, and cost.
 *
 * @param status completed, diverged (non-finite loss at {@code divergedAtStep}) or failed
 */
public record TrainingOutcome(
        Status status, String detail, List<EpochRecord> epochs, int bestEpoch, long steps,
        long trainExamples, long trainTokens, double trainSeconds, long evalExamples, double evalSeconds,
        double peakHeapMb, int devBestEpoch) {

    /** How training ended. */
    public enum Status { COMPLETED, DIVERGED }

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }

    /** An outcome selected on dev (no validation split): the dev-best epoch is the best epoch. */
    public TrainingOutcome(Status status, String detail, List<EpochRecord> epochs, int bestEpoch, long steps,
                           long trainExamples, long trainTokens, double trainSeconds, long evalExamples,
                           double evalSeconds, double peakHeapMb) {
        this(status, detail, epochs, bestEpoch, steps, trainExamples, trainTokens, trainSeconds, evalExamples, evalSeconds,
                peakHeapMb, bestEpoch);
    }

    /**
     * Whether a validation split chose {@link #bestEpoch} (the clean protocol; dev is the held-out test);
     * false: the dev set chose it (the paper protocol).
     */
    public boolean selectedOnValidation() {
        return epochs.stream().anyMatch(e -> !e.validationMetrics().isEmpty());
    }

    /** Validation metrics at the best (selected) epoch; empty without a validation split. */
    public Map<String, Double> bestValidationMetrics() {
        return bestEpoch < 0 ? Map.of() : epochs.get(bestEpoch).validationMetrics();
    }

    /** Dev metrics at the epoch best on dev (the paper protocol's numbers). */
    public Map<String, Double> devBestMetrics() {
        return devBestEpoch < 0 ? Map.of() : epochs.get(devBestEpoch).metrics();
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
