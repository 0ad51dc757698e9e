package dev.surmbench.peft.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * FFT kernels for block-structured matrices: a d_out×d_in matrix made of a q_out×q_in grid of p×p
 * blocks, each block circulant, skew-circulant or symmetric Toeplitz. Inputs are flattened to
 * {@code [N, q_in·p]}; parameters carry the grid in their leading axes.
 *
 * <p>Numerics: every product is taken in the frequency domain and the sum over input blocks (and
 * over LDR ranks) is done there too, so each output block needs one inverse transform.
 *
 * <p>Autograd caveat (PyTorch 2.7 CPU, MKL): the backward of {@code irfft} fails on a gradient with
 * zero strides (as produced by {@code sum()}). Callers therefore always follow these kernels with a
 * multiplication (the update's scale, or an activation), whose backward materialises a dense gradient.
 */
public final class Spectral {
    private Spectral() {}

    /**
     * Block-circulant product. {@code x}: [N, qIn·p]; {@code c}: [qOut, qIn, p], c[o,i] the first
     * column of block (o,i). Returns [N, qOut·p]. Each block: irfft(rfft(x_i)·rfft(c_oi)).
     */
    public static NDArray circulant(NDArray x, NDArray c) {
        long qOut = c.getShape().get(0);
        long qIn = c.getShape().get(1);
        int p = Math.toIntExact(c.getShape().get(2));
        long n = x.getShape().get(0);
        NDArray cHat = c.rfft(p, -1); // [qOut, qIn, F]
        NDArray xHat = x.reshape(n, 1, qIn, p).rfft(p, -1); // [N, 1, qIn, F]
        NDArray yHat = sumOverInputBlocks(xHat.mul(cHat), qIn, 2); // [N, qOut, F]
        return yHat.irfft(p, -1).reshape(n, qOut * p);
    }

    /**
     * Block product with symmetric Toeplitz pairs: block (o,i) is T(b_oi)·T(a_oi) with T(v)[r][s] =
     * v[|r−s|]. Each T is applied as a circulant of length 2p into which T is embedded
     * (first column [v_0..v_{p−1}, 0, v_{p−1}..v_1]), so the wrap-around never reaches the first p
     * outputs. {@code a}, {@code b}: [qOut, qIn, p]. Returns [N, qOut·p].
     */
    public static NDArray toeplitzPair(NDArray x, NDArray a, NDArray b) {
        long qOut = a.getShape().get(0);
        long qIn = a.getShape().get(1);
        int p = Math.toIntExact(a.getShape().get(2));
        int len = 2 * p;
        long n = x.getShape().get(0);
        NDArray aHat = toeplitzEmbedding(a).rfft(len, -1); // [qOut, qIn, F]
        NDArray bHat = toeplitzEmbedding(b).rfft(len, -1);
        NDArray xHat = x.reshape(n, 1, qIn, p).rfft(len, -1); // zero-padded to 2p
        NDArray inner = xHat.mul(aHat).irfft(len, -1).get("..., :" + p); // [N, qOut, qIn, p]
        NDArray outHat = sumOverInputBlocks(inner.rfft(len, -1).mul(bHat), qIn, 2);
        return outHat.irfft(len, -1).get("..., :" + p).reshape(n, qOut * p);
    }

    /**
     * Low displacement rank product: block (o,i) is Σ_k circ(c_oik)·skewcirc(s_oik). {@code c},
     * {@code s}: [qOut, qIn, r, p]. The skew-circulant with first column s (entries s[r−t] on and
     * below the diagonal, −s[p+r−t] above) is diagonalised by the DFT after scaling by the roots
     * ω^k, ω = exp(iπ/p) (ω^p = −1): skewcirc(s)·x = ω̄ ⊙ ifft(fft(ω⊙s) · fft(ω⊙x)).
     */
    public static NDArray lowDisplacementRank(NDArray x, NDArray c, NDArray s) {
        Shape shape = c.getShape();
        long qOut = shape.get(0);
        long qIn = shape.get(1);
        long rank = shape.get(2);
        int p = Math.toIntExact(shape.get(3));
        long n = x.getShape().get(0);
        NDManager manager = x.getManager();
        NDArray omega = rootsOfMinusOne(manager, p, false);
        NDArray omegaConj = rootsOfMinusOne(manager, p, true);
        NDArray xHat = x.reshape(n, 1, qIn, 1, p).mul(omega).fft(p, -1); // [N, 1, qIn, 1, p]
        NDArray sHat = s.mul(omega).fft(p, -1); // [qOut, qIn, r, p]
        NDArray skew = xHat.mul(sHat).ifft(p, -1).mul(omegaConj).real().get("..., 0"); // [N,qOut,qIn,r,p]
        NDArray prod = skew.rfft(p, -1).mul(c.rfft(p, -1)); // [N, qOut, qIn, r, F]
        NDArray yHat = qIn * rank == 1 ? prod.reshape(n, qOut, p / 2 + 1) : prod.sum(new int[] {2, 3});
        return yHat.irfft(p, -1).reshape(n, qOut * p);
    }

    private static NDArray sumOverInputBlocks(NDArray product, long qIn, int axis) {
        return qIn == 1 ? product.squeeze(axis) : product.sum(new int[] {axis});
    }

    /** [..., p] → [..., 2p]: the first column of the circulant that embeds the symmetric T(v). */
    static NDArray toeplitzEmbedding(NDArray v) {
        int last = v.getShape().dimension() - 1;
        long p = v.getShape().get(last);
        Shape zeroShape = v.getShape().slice(0, last).add(1);
        NDArray zero = v.getManager().zeros(zeroShape, v.getDataType());
        NDArray mirrored = v.get("..., 1:").flip(last);
        return NDArrays.concat(new NDList(v, zero, mirrored), last).reshape(v.getShape().slice(0, last).add(2 * p));
    }

    /** ω^k = exp(±iπk/p) for k = 0..p−1, as a complex64 vector. */
    static NDArray rootsOfMinusOne(NDManager manager, int p, boolean conjugate) {
        float[] interleaved = new float[2 * p];
        for (int k = 0; k < p; k++) {
            double angle = Math.PI * k / p;
            interleaved[2 * k] = (float) Math.cos(angle);
            interleaved[2 * k + 1] = (float) (conjugate ? -Math.sin(angle) : Math.sin(angle));
        }
        return manager.create(interleaved, new Shape(p, 2)).complex();
    }
}
