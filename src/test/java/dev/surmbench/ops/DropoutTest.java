package dev.surmbench.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Inverted dropout with host-drawn masks: statistics, determinism, gradient, pass-through cases. */
class DropoutTest {

    @Test
    void dropsEachElementIndependentlyAtTheRateAndRescalesTheRest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Dropout.reseed(11);
            int n = 1_000_003; // not a multiple of the chunk size or of 2
            float rate = 0.1f;
            float[] y = Dropout.apply(manager.ones(new Shape(n)), rate, true).toFloatArray();
            long dropped = 0;
            long droppedPairs = 0;
            for (int i = 0; i < n; i++) {
                boolean zero = y[i] == 0f;
                dropped += zero ? 1 : 0;
                assertTrue(zero || y[i] == 1f / (1f - rate), "kept values are scaled by 1/(1-p): " + y[i]);
                if (i > 0 && zero && y[i - 1] == 0f) {
                    droppedPairs++;
                }
            }
            // Binomial(n, 0.1): sd = sqrt(n p (1-p)) ~ 300; 5 sd bounds.
            assertEquals(0.1 * n, dropped, 5 * Math.sqrt(n * 0.09), "dropped fraction");
            // Neighbours (same 64-bit draw, or across a chunk boundary) are independent: P(both) = p^2.
            assertEquals(0.01 * (n - 1), droppedPairs, 5 * Math.sqrt(n * 0.01 * 0.99), "adjacent pairs dropped");
            float[] last = Arrays.copyOfRange(y, n - Dropout.CHUNK, n);
            assertFalse(allEqual(last), "the last, partial chunk is drawn too");
        }
    }

    @Test
    void theSameSeedGivesTheSameMasksAndConsecutiveCallsDiffer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(4, 300_000));
            Dropout.reseed(5);
            float[] first = Dropout.apply(x, 0.3f, true).toFloatArray();
            float[] second = Dropout.apply(x, 0.3f, true).toFloatArray();
            Dropout.reseed(5);
            assertArrayEquals(first, Dropout.apply(x, 0.3f, true).toFloatArray(), "reseeding replays the masks");
            assertArrayEquals(second, Dropout.apply(x, 0.3f, true).toFloatArray());
            assertFalse(Arrays.equals(first, second), "every call draws a fresh mask");
            Dropout.reseed(6);
            assertFalse(Arrays.equals(first, Dropout.apply(x, 0.3f, true).toFloatArray()), "another seed, other masks");
        }
    }

    @Test
    void theGradientIsTheMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(1f, 1001f).reshape(10, 100);
            x.setRequiresGradient(true);
            Dropout.reseed(3);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Dropout.apply(x, 0.5f, true);
                float[] out = y.toFloatArray();
                collector.backward(y.sum());
                float[] grad = x.getGradient().toFloatArray();
                float[] in = x.toFloatArray();
                for (int i = 0; i < out.length; i++) {
                    assertEquals(out[i] / in[i], grad[i], 1e-6f, "d y_i / d x_i = mask_i at " + i);
                }
            }
        }
    }

    @Test
    void evaluationAndRateZeroPassTheInputThroughAndBadRatesAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(3));
            assertSame(x, Dropout.apply(x, 0.5f, false));
            assertSame(x, Dropout.apply(x, 0f, true));
            assertThrows(IllegalArgumentException.class, () -> Dropout.apply(x, 1f, true));
        }
    }

    private static boolean allEqual(float[] values) {
        for (float v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
