package dev.surmbench.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Constants that stay valid until the backward pass: the gradients through {@link Scalars} are exact
 * after garbage collections between forward and backward that recycle freed native memory (what broke
 * DJL's {@code mul(Number)}: a constant over a Java buffer freed under autograd), results equal DJL's
 * overloads bit for bit, and no production class calls an {@code NDArray} method with a {@code Number}
 * but the optimizer, whose updates finish within the call.
 */
class ScalarsTest {
    /** The method descriptor every {@code NDArray op(Number)} overload shares, as a class file holds it. */
    private static final byte[] NUMBER_OVERLOAD = "(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;".getBytes(StandardCharsets.US_ASCII);

    @Test
    void gradientsThroughConstantsSurviveCollectionsBetweenForwardAndBackward() {
        List<BiFunction<NDArray, Float, NDArray>> ops = List.of(Scalars::mul, Scalars::div, Scalars::add, Scalars::maximum);
        float[] expected = {3f, 1f / 3f, 1f, 1f}; // d/dx of 3x, x/3, x+3, max(x, -1) at x ≥ 0
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < ops.size(); i++) {
                float c = i == 3 ? -1f : 3f;
                try (NDManager manager = NDManager.newBaseManager()) {
                    NDArray x = manager.arange(0f, 64f, 1f).reshape(8, 8);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = ops.get(i).apply(x, c).sum();
                        scribbleOverFreedMemory();
                        collector.backward(y);
                    }
                    float[] gradient = x.getGradient().toFloatArray();
                    float[] want = new float[64];
                    Arrays.fill(want, expected[i]);
                    assertArrayEquals(want, gradient, "op " + i + ", round " + round);
                }
            }
        }
    }

    @Test
    void resultsEqualTheEngineOverloadsBitForBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(16, 7)).mul(5f);
            assertArrayEquals(x.mul(0.37f).toFloatArray(), Scalars.mul(x, 0.37f).toFloatArray());
            assertArrayEquals(x.div(5.6568542f).toFloatArray(), Scalars.div(x, 5.6568542f).toFloatArray());
            assertArrayEquals(x.add(1f).toFloatArray(), Scalars.add(x, 1f).toFloatArray());
            assertArrayEquals(x.maximum(1e-12f).toFloatArray(), Scalars.maximum(x, 1e-12f).toFloatArray());
            assertEquals(x.getDataType(), Scalars.mul(x, 2f).getDataType());
        }
    }

    @Test
    void noProductionClassButTheOptimizerCallsAnArrayOperationWithANumber() throws IOException {
        Path classes = Path.of(Scalars.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString();
                if (!name.equals("dev/surmbench/train/AdamW.class") && contains(Files.readAllBytes(f), NUMBER_OVERLOAD)) {
                    offenders.add(name);
                }
            }
        }
        assertTrue(Files.exists(classes.resolve("dev/surmbench/ops/Scalars.class")), "scanned " + classes);
        assertEquals(List.of(), offenders, "these call NDArray.op(Number), whose constant DJL frees before the backward"
                + " pass: use dev.surmbench.ops.Scalars");
    }

    /**
     * Leaves many small direct buffers unreachable, collects garbage (the cleaner thread frees them, and
     * any constant whose buffer nothing holds any more; beyond the few its allocator cache keeps, the
     * chunks return to the shared heap), then allocates as many fresh ones filled with NaN bits.
     */
    private static void scribbleOverFreedMemory() {
        for (int i = 0; i < 1000; i++) {
            ByteBuffer.allocateDirect(4);
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> fill = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(Float.NaN);
            fill.add(b);
        }
        assertEquals(2000, fill.size());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
