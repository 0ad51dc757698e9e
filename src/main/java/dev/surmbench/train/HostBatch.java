package dev.surmbench.train;

import java.util.List;

/**
 * One batch: the model's inputs in order, the targets (class ids as doubles, or regression scores),
 * and the number of real tokens (or pixels-as-patches for images) for throughput accounting.
 */
public record HostBatch(List<HostInput> inputs, double[] targets, long tokens) {
    public HostBatch {
        inputs = List.copyOf(inputs);
    }

    public int size() {
        return targets.length;
    }
}
