package dev.surmbench.peft.core;

import dev.surmbench.peft.InvalidMethodConfigException;

/**
 * How a d_out×d_in matrix is tiled by p×p structured blocks: a (d_out/p)×(d_in/p) grid. The
 * default p is gcd(d_in, d_out), so a square matrix is one block and an FFN projection 768→3072 is
 * four 768×768 blocks (as Hugging Face PEFT's C3A does).
 *
 * @param blockSize p
 * @param rows q_out = d_out / p
 * @param cols q_in = d_in / p
 */
public record BlockGrid(int blockSize, int rows, int cols) {

    /** The grid for the given shape; {@code requested} = 0 means gcd(in, out). */
    public static BlockGrid of(String method, int requested, int inFeatures, int outFeatures) {
        int p = requested == 0 ? gcd(inFeatures, outFeatures) : requested;
        if (inFeatures % p != 0 || outFeatures % p != 0) {
            throw new InvalidMethodConfigException(method, "block",
                    "block size " + p + " must divide both dimensions of the " + outFeatures + "x" + inFeatures
                            + " projection; use 0 (gcd = " + gcd(inFeatures, outFeatures) + ") or a divisor of it");
        }
        return new BlockGrid(p, outFeatures / p, inFeatures / p);
    }

    public long blocks() {
        return (long) rows * cols;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
