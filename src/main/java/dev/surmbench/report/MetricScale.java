package dev.surmbench.report;

import dev.surmbench.results.RunRecord;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts recorded metric values to <em>points</em>, the unit of every table, tolerance and claim.
 *
 * <p>Rule: a metric whose every finite recorded value in the suite (headline best/last values and
 * the {@code metrics_best}/{@code metrics_last} entries of that name) lies in [−1, 1] is a fraction
 * (accuracy 0.853, MCC 0.41) and is multiplied by 100, so 0.853 becomes 85.3 points; a metric with
 * any value outside [−1, 1] is already in points (85.3) and is kept. Loss-like metrics ({@link
 * #lowerIsBetter}) are never scaled. Baseline files always hold points.
 *
 * @param factors metric name → multiplier (1 or 100)
 */
public record MetricScale(Map<String, Double> factors) {

    public MetricScale {
        factors = Collections.unmodifiableSortedMap(new TreeMap<>(factors));
    }

    /** Detects the scale of every metric named in {@code runs}. */
    public static MetricScale detect(List<RunRecord> runs) {
        Map<String, Boolean> fraction = new TreeMap<>();
        for (RunRecord r : runs) {
            String h = r.headlineMetric();
            if (h != null && !h.isBlank()) {
                note(fraction, h, r.bestValue());
                note(fraction, h, r.lastValue());
            }
            r.metricsBest().forEach((k, v) -> note(fraction, k, v));
            r.metricsLast().forEach((k, v) -> note(fraction, k, v));
        }
        Map<String, Double> f = new HashMap<>();
        fraction.forEach((k, isFraction) -> f.put(k, isFraction && !lowerIsBetter(k) ? 100.0 : 1.0));
        return new MetricScale(f);
    }

    private static void note(Map<String, Boolean> fraction, String metric, Double value) {
        if (value == null || !Double.isFinite(value)) {
            fraction.putIfAbsent(metric, true);
            return;
        }
        fraction.merge(metric, Math.abs(value) <= 1.0, Boolean::logicalAnd);
    }

    /** Multiplier from recorded values of {@code metric} to points (1 when unknown). */
    public double factor(String metric) {
        return factors.getOrDefault(metric, 1.0);
    }

    /** {@code value} of {@code metric} in points. */
    public double points(String metric, double value) {
        return value * factor(metric);
    }

    /** True for metrics where smaller is better: names containing loss, error, mse, mae, perplexity. */
    public static boolean lowerIsBetter(String metric) {
        String m = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
        return m.contains("loss") || m.contains("error") || m.contains("mse") || m.contains("mae")
                || m.contains("perplexity");
    }
}
