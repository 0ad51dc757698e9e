package dev.surmbench.util;

import java.nio.charset.StandardCharsets;

/**
 * Named sub-seeds: every random choice of a run (adapter init, data order, dropout, subsampling)
 * draws from {@code derive(runSeed, "purpose")}, so adding a new consumer of randomness never
 * shifts the numbers another consumer sees, and the same seed reproduces the same run.
 */
public final class Seeds {
    private Seeds() {}

    /** A 64-bit seed derived from {@code seed} and a label (SplitMix64 over FNV-1a of the label). */
    public static long derive(long seed, String label) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64-bit offset basis
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** The SplitMix64 finaliser: a bijective, well-mixing function of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
