package dev.surmbench.report;

import java.util.Arrays;

/**
 * The expected best validation score of a tuning budget (Dodge et al. 2019, "Show Your Work"): for
 * {@code n} trials drawn without replacement from the {@code N} recorded trial scores, E[max]. With
 * the scores sorted ascending {@code v_1 ≤ … ≤ v_N}, the maximum of {@code n} draws is {@code v_i}
 * with probability {@code C(i−1, n−1) / C(N, n)}. The curve over {@code n = 1 … N} shows how much a
 * method gains from more tuning; a ranking of methods can flip with the budget. NaN scores (diverged
 * trials) are left out.
 */
public final class ExpectedMax {
    private ExpectedMax() {}

    /** E[max] of {@code n} draws without replacement from {@code scores}; NaN when no score or n out of range. */
    public static double of(double[] scores, int n) {
        double[] v = Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
        int total = v.length;
        if (n < 1 || n > total) {
            return Double.NaN;
        }
        // p_i = C(i-1, n-1) / C(N, n), built up from p_n = 1 / C(N, n) by p_{i+1} = p_i * i / (i - n + 1)
        double p = Math.exp(-logChoose(total, n));
        double sum = 0;
        for (int i = n; i <= total; i++) {
            sum += v[i - 1] * p;
            p = p * i / (i - n + 1);
        }
        return sum;
    }

    /** The curve E[max] for every budget {@code n = 1 … N} (index n − 1). */
    public static double[] curve(double[] scores) {
        int total = (int) Arrays.stream(scores).filter(Double::isFinite).count();
        double[] out = new double[total];
        for (int n = 1; n <= total; n++) {
            out[n - 1] = of(scores, n);
        }
        return out;
    }

    private static double logChoose(int total, int k) {
        double s = 0;
        for (int j = 1; j <= k; j++) {
            s += Math.log(total - k + j) - Math.log(j);
        }
        return s;
    }
}
