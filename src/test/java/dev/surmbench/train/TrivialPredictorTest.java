package dev.surmbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.metrics.Metric;
import dev.surmbench.metrics.MetricScores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrivialPredictorTest {

    /** Targets only: the trivial predictor never looks at inputs. */
    private record Targets(double[] train, double[] eval, int numLabels, List<Metric> metrics) implements TrainingData {
        @Override
        public List<HostBatch> trainEpoch(int epoch) {
            return split(train);
        }

        @Override
        public List<HostBatch> evalBatches() {
            return split(eval);
        }

        /** Two batches, so the predictor must gather targets across batches. */
        private static List<HostBatch> split(double[] t) {
            int half = t.length / 2;
            return List.of(new HostBatch(List.of(), java.util.Arrays.copyOfRange(t, 0, half), 0),
                    new HostBatch(List.of(), java.util.Arrays.copyOfRange(t, half, t.length), 0));
        }

        @Override
        public Map<String, Double> evaluate(double[] predictions, double[] targets) {
            return MetricScores.compute(metrics, predictions, targets).byName();
        }

        @Override
        public String headlineMetric() {
            return metrics.get(0).userName();
        }

        @Override
        public int trainSize() {
            return train.length;
        }
    }

    @Test
    void classificationPredictsTheTrainingMajorityOnTheEvaluationExamples() {
        // training: class 1 is the majority (3 of 5); dev: 2 of 6 are class 1 -> accuracy 2/6, MCC 0
        Targets data = new Targets(new double[] {1, 0, 1, 1, 0}, new double[] {0, 0, 1, 0, 1, 0}, 2,
                List.of(Metric.ACCURACY, Metric.MCC, Metric.F1));
        Map<String, Double> s = TrivialPredictor.score(data);
        assertEquals(2.0 / 6, s.get("accuracy"), 1e-12);
        assertEquals(0.0, s.get("mcc"), 0.0);
        // F1 of the positive class when everything is predicted positive: 2·P·R/(P+R), P = 2/6, R = 1
        assertEquals(2 * (2.0 / 6) / (2.0 / 6 + 1), s.get("f1"), 1e-12);
    }

    @Test
    void tiesGoToTheSmallestClassId() {
        assertEquals(0.0, TrivialPredictor.majority(new double[] {2, 0, 2, 0, 1}), 0.0);
        assertEquals(2.0, TrivialPredictor.majority(new double[] {2, 2, 0, 1}), 0.0);
    }

    @Test
    void regressionPredictsTheTrainingMeanAndItsUndefinedCorrelationCountsAsZero() {
        Targets data = new Targets(new double[] {1, 2, 3, 6}, new double[] {0.5, 4.5, 2.0, 3.0}, 1,
                List.of(Metric.PEARSON, Metric.SPEARMAN));
        Map<String, Double> s = TrivialPredictor.score(data);
        assertEquals(Map.of("pearson", 0.0, "spearman", 0.0), s);
        // the task's own metric is undefined for a constant — the floor records 0 instead
        assertTrue(Double.isNaN(data.evaluate(new double[] {3, 3, 3, 3}, data.eval()).get("pearson")));
    }

    @Test
    void noEvaluationExamplesGiveNoFloor() {
        Targets data = new Targets(new double[] {1, 0}, new double[0], 2, List.of(Metric.ACCURACY));
        assertTrue(TrivialPredictor.score(data).isEmpty());
    }
}
