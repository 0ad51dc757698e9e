package dev.surmbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void namesRoundTrip() {
        for (Metric metric : Metric.values()) {
            assertEquals(metric, Metric.fromName(metric.userName().toUpperCase()));
        }
        assertEquals(Metric.MCC, Metric.fromName("matthews"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.fromName("auc"));
        assertEquals("unknown metric 'auc'; known: accuracy, f1, mcc, pearson, spearman", e.getMessage());
    }

    @Test
    void classificationMetricsRejectFractionalIds() {
        assertThrows(IllegalArgumentException.class,
                () -> Metric.ACCURACY.compute(new double[] {0.5}, new double[] {1}));
    }

    @Test
    void scoresKeyedByUserName() {
        // pred [1,0,1,1,0] ref [1,1,1,0,0]: accuracy 3/5, F1 2/3 (TP 2, FP 1, FN 1)
        MetricScores scores = MetricScores.compute(List.of(Metric.F1, Metric.ACCURACY),
                new double[] {1, 0, 1, 1, 0}, new double[] {1, 1, 1, 0, 0});
        assertEquals(Map.of("accuracy", 0.6, "f1", 2.0 / 3.0), scores.byName());
        assertEquals(List.of("accuracy", "f1"), List.copyOf(scores.byName().keySet()));
        assertThrows(IllegalArgumentException.class, () -> scores.get(Metric.MCC));
    }
}
