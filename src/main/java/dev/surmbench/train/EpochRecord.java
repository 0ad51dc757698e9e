package dev.surmbench.train;

import java.util.Map;

/** One epoch of a run: mean training loss, dev metrics and timings. */
public record EpochRecord(int epoch, long steps, double trainLoss, Map<String, Double> metrics,
                          double trainSeconds, double evalSeconds) {
    public EpochRecord {
        metrics = Map.copyOf(metrics);
    }
}
