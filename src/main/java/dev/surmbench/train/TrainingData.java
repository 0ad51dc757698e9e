package dev.surmbench.train;

import java.util.List;
import java.util.Map;

/**
 * What the trainer needs from a task: batches in the run's seeded order, the label space, and the
 * task's metrics. Implemented by the suite layer from the data package.
 */
public interface TrainingData {

    /** Training batches of {@code epoch} (0-based), in an order derived only from the run's seed. */
    List<HostBatch> trainEpoch(int epoch);

    /** Evaluation batches (dev split), in a fixed order. */
    List<HostBatch> evalBatches();

    /**
     * Validation batches (a split carved from the training data, never trained on), in a fixed order;
     * empty when the run has none. When present they select the best epoch and the dev split is the
     * held-out test.
     */
    default List<HostBatch> validationBatches() {
        return List.of();
    }

    /** Number of classes; 1 means regression. */
    int numLabels();

    /** Every metric of the task on one evaluation, by user-facing name. */
    Map<String, Double> evaluate(double[] predictions, double[] targets);

    /** The metric whose best validation value (dev without validation) selects the best epoch (higher is better). */
    String headlineMetric();

    /** Training examples per epoch. */
    int trainSize();
}
