package dev.surmbench.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Inverted dropout y = x ⊙ m with m ∈ {0, 1/(1−p)}: each element is dropped independently with
 * probability p — an independent Bernoulli draw per element, per call (so per layer and per step).
 *
 * <p>Why not the engine's dropout: PyTorch's CPU dropout draws a float Bernoulli tensor, divides it
 * by 1−p and multiplies (three passes over the tensor plus a slow generator; ~60 ms for one attention
 * probability tensor of MiniLM at batch 32 × 128). Here the finished mask is written once, from
 * the host, straight into the memory of a fresh float32 tensor, and applied with one multiplication
 * whose backward is the same multiplication — the statistics are those of
 * {@code torch.nn.functional.dropout}.
 *
 * <p>Randomness: a 32-bit uniform draw u per element, dropped when u &lt; round(p·2³²) (p exact to
 * 2⁻³³; PyTorch's own CPU Bernoulli resolves p to 2⁻²⁴). Draws come from a {@link SplittableRandom}
 * stream set by {@link #reseed}; each call splits one child stream per chunk of {@value #CHUNK}
 * elements, in chunk order, before the chunks are filled in parallel — the mask depends only on the
 * seed and the sequence of calls, never on thread scheduling.
 *
 * <p>Tensors not on the CPU, or not PyTorch's, use the engine's dropout (same statistics, the
 * engine's generator).
 */
public final class Dropout {
    static final int CHUNK = 1 << 16;
    private static final double TWO_TO_32 = 4294967296.0;
    private static SplittableRandom stream = new SplittableRandom(0);

    private Dropout() {}

    /** Restarts the mask stream; the trainer calls this with the run's dropout seed. */
    public static synchronized void reseed(long seed) {
        stream = new SplittableRandom(seed);
    }

    /** x unchanged when not training or {@code rate} is 0; otherwise x ⊙ mask. */
    public static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0) {
            return x;
        }
        if (!(rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (!(x instanceof PtNDArray) || !x.getDevice().equals(Device.cpu()) || x.getDataType() != DataType.FLOAT32) {
            return ai.djl.nn.norm.Dropout.dropout(x, rate, true).head();
        }
        return x.mul(mask(x.getManager(), x.getShape(), rate));
    }

    /** A float32 mask of {@code shape}: 0 with probability {@code rate}, else 1/(1−rate). */
    static NDArray mask(NDManager manager, Shape shape, float rate) {
        long size = shape.size();
        int chunks = Math.toIntExact((size + CHUNK - 1) / CHUNK);
        SplittableRandom[] streams = new SplittableRandom[chunks];
        synchronized (Dropout.class) {
            SplittableRandom call = stream.split();
            for (int c = 0; c < chunks; c++) {
                streams[c] = call.split();
            }
        }
        long threshold = Math.round(rate * TWO_TO_32);
        float keep = 1f / (1f - rate);
        NDArray mask = manager.create(shape, DataType.FLOAT32);
        ByteBuffer memory = mask instanceof PtNDArray pt ? pt.toByteBuffer(true) : null;
        if (memory != null && memory.isDirect() && memory.capacity() == size * Float.BYTES) {
            FloatBuffer out = memory.order(ByteOrder.nativeOrder()).asFloatBuffer();
            IntStream.range(0, chunks).parallel().forEach(c -> fill(out, c, size, streams[c], threshold, keep));
            return mask;
        }
        mask.close();
        float[] values = new float[Math.toIntExact(size)];
        FloatBuffer out = FloatBuffer.wrap(values);
        IntStream.range(0, chunks).parallel().forEach(c -> fill(out, c, size, streams[c], threshold, keep));
        return manager.create(values, shape);
    }

    /** Elements [c·CHUNK, min(size, (c+1)·CHUNK)) from one child stream, two 32-bit draws per long. */
    private static void fill(FloatBuffer out, int chunk, long size, SplittableRandom random, long threshold, float keep) {
        int from = chunk * CHUNK;
        int to = (int) Math.min(size, (long) from + CHUNK);
        int i = from;
        for (; i + 1 < to; i += 2) {
            long bits = random.nextLong();
            out.put(i, (bits & 0xFFFFFFFFL) < threshold ? 0f : keep);
            out.put(i + 1, (bits >>> 32) < threshold ? 0f : keep);
        }
        if (i < to) {
            out.put(i, (random.nextLong() & 0xFFFFFFFFL) < threshold ? 0f : keep);
        }
    }
}
