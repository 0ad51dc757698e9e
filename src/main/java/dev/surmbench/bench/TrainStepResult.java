package dev.surmbench.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One training-step measurement: every timed step's wall seconds in order (warm-up excluded), the
 * forward-only seconds per evaluation batch, and the process's peak resident memory.
 */
public record TrainStepResult(TrainStepSpec spec, List<Double> stepSeconds, List<Double> evalSeconds,
                              double peakResidentMb, int threads) {
    public TrainStepResult {
        stepSeconds = List.copyOf(stepSeconds);
        evalSeconds = List.copyOf(evalSeconds);
    }

    public double medianStepSeconds() {
        return median(stepSeconds);
    }

    /** Real tokens trained per second at the median step time. */
    public double tokensPerSecond() {
        return (double) spec.batch() * spec.sequence() / medianStepSeconds();
    }

    /** Training examples per second at the median step time. */
    public double examplesPerSecond() {
        return spec.batch() / medianStepSeconds();
    }

    /** Forward-only (no autograd) examples per second at the median batch time; NaN without evaluation. */
    public double evalExamplesPerSecond() {
        return evalSeconds.isEmpty() ? Double.NaN : spec.batch() / median(evalSeconds);
    }

    /**
     * Median of the last 10 timed steps over the median of the first 10 (NaN with fewer than 20):
     * 1.0 is a flat step time; above 1.1 the step slows down as training goes on.
     */
    public double drift() {
        int n = stepSeconds.size();
        if (n < 20) {
            return Double.NaN;
        }
        return median(stepSeconds.subList(n - 10, n)) / median(stepSeconds.subList(0, 10));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
