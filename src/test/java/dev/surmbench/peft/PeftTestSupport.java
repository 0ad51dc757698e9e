package dev.surmbench.peft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Shared fixtures: a seeded toy backbone, random arrays, parameter snapshots. */
final class PeftTestSupport {
    static final int HIDDEN = 16;
    static final int INTERMEDIATE = 32;
    static final Shape INPUT = new Shape(3, 5, HIDDEN);

    private PeftTestSupport() {}

    /** A freshly initialised toy backbone; the same {@code seed} gives the same weights. */
    static ToyEncoder toyModel(NDManager manager, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        ToyEncoder model = new ToyEncoder(2, HIDDEN, INTERMEDIATE, 2);
        model.initialize(manager, DataType.FLOAT32, INPUT);
        return model;
    }

    static NDArray random(NDManager manager, Shape shape, long seed, double std) {
        float[] v = new float[Math.toIntExact(shape.size())];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * std);
        }
        return manager.create(v, shape);
    }

    /** Overwrites a parameter's values in place (keeping its gradient attachment). */
    static void randomize(Parameter p, long seed, double std) {
        NDArray array = p.getArray();
        try (NDManager scratch = array.getManager().newSubManager()) {
            array.set(random(scratch, array.getShape(), seed, std).toFloatArray());
        }
    }

    static float[] output(Block model, NDArray x, boolean training) {
        NDManager manager = x.getManager();
        return model.forward(new ParameterStore(manager, false), new NDList(x), training).head().toFloatArray();
    }

    static Map<String, float[]> snapshot(Block model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        BlockPaths.parameters(model).forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
        return out;
    }

    /** max |a − b| / max |b|: the relative error measure used for numerics checks. */
    static double relativeError(float[] actual, float[] expected) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        return maxRef == 0 ? maxDiff : maxDiff / maxRef;
    }
}
