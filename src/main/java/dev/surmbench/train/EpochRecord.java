package dev.surmbench.train;

import java.util.Map;

/**
 * One epoch of a run: mean training loss, dev metrics, validation metrics (empty when the run has no
 * validation split) and timings.
 */
public record EpochRecord(int epoch, long steps, double trainLoss, Map<String, Double> metrics,
                          double trainSeconds, double evalSeconds, Map<String, Double> validationMetrics) {
    public EpochRecord {
        metrics = Map.copyOf(metrics);
        validationMetrics = validationMetrics == null ? Map.of() : Map.copyOf(validationMetrics);
    }

    /** An epoch of a run without a validation split. */
    public EpochRecord(int epoch, long steps, double trainLoss, Map<String, Double> metrics, double trainSeconds,
                       double evalSeconds) {
        this(epoch, steps, trainLoss, metrics, trainSeconds, evalSeconds, Map.of());
    }
}
