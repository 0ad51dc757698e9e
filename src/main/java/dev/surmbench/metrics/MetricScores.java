package dev.surmbench.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of several metrics on one evaluation, keyed by {@link Metric} in declaration order.
 * Immutable; {@link #byName()} gives the user-facing names for reports.
 */
public record MetricScores(Map<Metric, Double> values) {

    public MetricScores {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** Computes each metric of {@code metrics} on the same predictions. */
    public static MetricScores compute(List<Metric> metrics, double[] predictions, double[] references) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : metrics) {
            values.put(metric, metric.compute(predictions, references));
        }
        return new MetricScores(values);
    }

    /** The value of {@code metric}; throws if it was not computed. */
    public double get(Metric metric) {
        Double value = values.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("metric " + metric.userName() + " was not computed; have "
                    + byName().keySet());
        }
        return value;
    }

    /** The values keyed by user-facing metric name, in declaration order. */
    public Map<String, Double> byName() {
        Map<String, Double> named = new LinkedHashMap<>();
        values.forEach((metric, value) -> named.put(metric.userName(), value));
        return Collections.unmodifiableMap(named);
    }
}
