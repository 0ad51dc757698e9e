package dev.surmbench.peft.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntBinaryOperator;

/**
 * Explicit dense forms of the structured matrices, built by index formulas that share nothing with
 * the FFT kernels in {@link Spectral}: they are the reference the kernels are tested against, and
 * what a merge adds into the base weight. All builders are differentiable (gather + multiply).
 */
public final class DenseStructures {
    private DenseStructures() {}

    /** circ(c)[r][t] = c[(r − t) mod p], for c: [..., p] → [..., p, p]. */
    public static NDArray circulant(NDArray c) {
        return gatherSquare(c, "circulant", (r, t, p) -> Math.floorMod(r - t, p), null);
    }

    /** skewcirc(s)[r][t] = s[r − t] for r ≥ t, −s[p + r − t] for r < t. */
    public static NDArray skewCirculant(NDArray s) {
        return gatherSquare(s, "circulant", (r, t, p) -> Math.floorMod(r - t, p), (r, t) -> r >= t ? 1 : -1);
    }

    /** T(v)[r][t] = v[|r − t|]: the symmetric Toeplitz matrix with first row and column v. */
    public static NDArray symmetricToeplitz(NDArray v) {
        return gatherSquare(v, "toeplitz", (r, t, p) -> Math.abs(r - t), null);
    }

    /** Kronecker product B ⊗ A of 2-D arrays: [m1·m2, n1·n2]. */
    public static NDArray kronecker(NDArray b, NDArray a) {
        long m1 = b.getShape().get(0);
        long n1 = b.getShape().get(1);
        long m2 = a.getShape().get(0);
        long n2 = a.getShape().get(1);
        return b.reshape(m1, 1, n1, 1).mul(a.reshape(1, m2, 1, n2)).reshape(m1 * m2, n1 * n2);
    }

    /** Lays out a grid of blocks [qOut, qIn, p, p] as one [qOut·p, qIn·p] matrix. */
    public static NDArray assembleBlocks(NDArray blocks) {
        Shape s = blocks.getShape();
        return blocks.transpose(0, 2, 1, 3).reshape(s.get(0) * s.get(2), s.get(1) * s.get(3));
    }

    /** Index function of a p×p structured matrix: which entry of the vector sits at (row, col). */
    @FunctionalInterface
    private interface IndexRule {
        int index(int row, int col, int p);
    }

    /** Gather indices by rule name, block size and batch: built once, then reused every step. */
    private static final Map<String, long[]> INDICES = new ConcurrentHashMap<>();

    private static NDArray gatherSquare(NDArray v, String ruleName, IndexRule rule, IntBinaryOperator sign) {
        Shape shape = v.getShape();
        int last = shape.dimension() - 1;
        int p = Math.toIntExact(shape.get(last));
        long batch = shape.size() / p;
        long[] index = INDICES.computeIfAbsent(ruleName + "/" + p + "/" + batch, k -> {
            long[] out = new long[Math.toIntExact(batch * p * p)];
            for (long b = 0; b < batch; b++) {
                for (int r = 0; r < p; r++) {
                    for (int t = 0; t < p; t++) {
                        out[Math.toIntExact(b * p * p + (long) r * p + t)] = b * p + rule.index(r, t, p);
                    }
                }
            }
            return out;
        });
        float[] signs = sign == null ? null : new float[p * p];
        if (signs != null) {
            for (int r = 0; r < p; r++) {
                for (int t = 0; t < p; t++) {
                    signs[r * p + t] = sign.applyAsInt(r, t);
                }
            }
        }
        NDManager manager = v.getManager();
        NDArray flat = v.take(manager, manager.create(index).toType(DataType.INT64, false));
        NDArray dense = flat.reshape(shape.slice(0, last).add(p, p));
        return signs == null ? dense : dense.mul(manager.create(signs, new Shape(p, p)));
    }
}
