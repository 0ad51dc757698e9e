package dev.surmbench.peft.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Initialisers that draw from a Java {@link SplittableRandom} seeded per parameter, so adapter
 * initialisation depends only on the declared seed and the module path — never on the engine's
 * global RNG state, the thread count or the order in which other blocks were initialised.
 */
public final class SeededInit implements Initializer {

    private enum Kind { ZEROS, NORMAL, UNIFORM }

    private final Kind kind;
    private final double scale;
    private final long seed;

    private SeededInit(Kind kind, double scale, long seed) {
        this.kind = kind;
        this.scale = scale;
        this.seed = seed;
    }

    public static SeededInit zeros() {
        return new SeededInit(Kind.ZEROS, 0, 0);
    }

    /** N(0, std²). */
    public static SeededInit normal(double std, long seed) {
        return new SeededInit(Kind.NORMAL, std, seed);
    }

    /** U(−bound, bound). */
    public static SeededInit uniform(double bound, long seed) {
        return new SeededInit(Kind.UNIFORM, bound, seed);
    }

    /**
     * PyTorch's {@code kaiming_uniform_(w, a=sqrt(5))}, the default of {@code nn.Linear} and of
     * LoRA's A: gain = sqrt(2 / (1 + a²)) = sqrt(1/3), bound = gain·sqrt(3 / fanIn) = 1/sqrt(fanIn).
     */
    public static SeededInit kaimingUniformLinear(long fanIn, long seed) {
        return uniform(1.0 / Math.sqrt(fanIn), seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int size = Math.toIntExact(shape.size());
        float[] values = new float[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            values[i] = switch (kind) {
                case ZEROS -> 0f;
                case NORMAL -> (float) (random.nextGaussian() * scale);
                case UNIFORM -> (float) ((2 * random.nextDouble() - 1) * scale);
            };
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
