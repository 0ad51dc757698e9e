package dev.surmbench.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The floor every trained model must clear: a constant predictor fitted on the run's own training
 * subset — its most frequent class (ties: the smallest class id), or for regression its mean target —
 * scored with the task's own metrics on the run's evaluation examples. A method that does not beat it
 * has learned nothing a label count could not; "no loss in quality" against such a reference means
 * nothing. Pure host arithmetic: no model, no randomness, so it costs nothing next to a run.
 */
public final class TrivialPredictor {
    private TrivialPredictor() {}

    /**
     * The task's metrics for the constant predictor of {@code data}. A correlation of a constant is
     * undefined (the task's metrics return NaN, as SciPy does); it is recorded as 0 — no association —
     * so the floor of a regression task is a number the report can compare with.
     */
    public static Map<String, Double> score(TrainingData data) {
        double[] trainTargets = targets(data.trainEpoch(0));
        double[] evalTargets = targets(data.evalBatches());
        if (trainTargets.length == 0 || evalTargets.length == 0) {
            return Map.of();
        }
        double constant = data.numLabels() == 1 ? mean(trainTargets) : majority(trainTargets);
        double[] predictions = new double[evalTargets.length];
        Arrays.fill(predictions, constant);
        Map<String, Double> out = new LinkedHashMap<>();
        data.evaluate(predictions, evalTargets).forEach((name, value) -> out.put(name, Double.isNaN(value) ? 0.0 : value));
        return out;
    }

    /** The most frequent class id; the smallest id among equally frequent ones. */
    static double majority(double[] classIds) {
        Map<Double, Integer> counts = new TreeMap<>();
        for (double c : classIds) {
            counts.merge(c, 1, Integer::sum);
        }
        double best = Double.NaN;
        int bestCount = -1;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] targets(List<HostBatch> batches) {
        int n = batches.stream().mapToInt(HostBatch::size).sum();
        double[] out = new double[n];
        int i = 0;
        for (HostBatch b : batches) {
            System.arraycopy(b.targets(), 0, out, i, b.size());
            i += b.size();
        }
        return out;
    }
}
