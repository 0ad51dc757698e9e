package dev.surmbench.bench;

import dev.surmbench.model.Pooling;
import java.util.Map;

/**
 * What one training-step measurement runs: the backbone and method as a suite names them, the batch
 * geometry (every position a real token), the model cut, and how many steps are timed after warm-up.
 *
 * @param layers encoder layers kept (0 = all)
 * @param dropout hidden and attention dropout (negative = the checkpoint's own)
 * @param warmup steps run before timing starts (allocator and kernel caches warm up)
 * @param evalBatches forward-only batches timed after training (0 = none)
 */
public record TrainStepSpec(String backbone, String method, Map<String, Object> options, int batch, int sequence,
                            int layers, double dropout, Pooling pooling, int steps, int warmup, int evalBatches,
                            long seed) {
    public TrainStepSpec {
        options = Map.copyOf(options);
        require("batch", batch, 1, 65_536);
        require("seq", sequence, 2, 65_536);
        require("layers", layers, 0, 1_000);
        require("steps", steps, 1, 1_000_000);
        require("warmup", warmup, 0, 1_000_000);
        require("eval-batches", evalBatches, 0, 1_000_000);
        if (!(dropout < 1) || Double.isNaN(dropout)) {
            throw new IllegalArgumentException("--dropout must be < 1 (negative = the checkpoint's own), got " + dropout);
        }
    }

    private static void require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + option + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
