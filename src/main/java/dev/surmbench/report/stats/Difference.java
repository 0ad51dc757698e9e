package dev.surmbench.report.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The difference {@code a − b} between two groups of per-seed values, tested for significance.
 *
 * <p>Seeds present on both sides are paired: with ≥ 2 pairs the paired t-test ({@link
 * TTest#pairedTTest}) is used and the difference is the mean of the per-seed differences. Otherwise,
 * with ≥ 2 values on each side, Welch's unequal-variance t-test ({@link TTest#tTest(double[],
 * double[])}) on all values and the difference of means. Otherwise there is no test: {@link #p()} is
 * NaN. A p-value is also NaN when the standard error is zero (every difference identical), because
 * the t statistic is then undefined; it is never replaced by a made-up number.
 *
 * @param kind the test used
 * @param pairs number of seeds present on both sides (used by the paired test)
 * @param nA number of values of {@code a}
 * @param nB number of values of {@code b}
 * @param meanDiff mean of {@code a − b} (paired) or difference of means; NaN when a side is empty
 * @param p two-sided p-value of "mean difference = 0", NaN when no test applies
 * @param ciLow lower end of the 95% CI of the difference, NaN when no test applies
 * @param ciHigh upper end of the 95% CI of the difference, NaN when no test applies
 * @param a the values of {@code a} used (paired: in seed order)
 * @param b the values of {@code b} used (paired: in seed order)
 */
public record Difference(TestKind kind, int pairs, int nA, int nB, double meanDiff, double p,
        double ciLow, double ciHigh, double[] a, double[] b) {

    private static final TTest T_TEST = new TTest();

    /** Compares per-seed values {@code a} and {@code b} (seed → value; non-finite values dropped). */
    public static Difference of(Map<Long, Double> a, Map<Long, Double> b) {
        Map<Long, Double> fa = finite(a);
        Map<Long, Double> fb = finite(b);
        List<Long> common = new ArrayList<>(fa.keySet());
        common.retainAll(fb.keySet());
        double[] all1 = fa.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] all2 = fb.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (common.size() >= 2) {
            double[] pa = common.stream().mapToDouble(fa::get).toArray();
            double[] pb = common.stream().mapToDouble(fb::get).toArray();
            double[] d = new double[pa.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = pa[i] - pb[i];
            }
            Summary s = Summary.of(d);
            return new Difference(TestKind.PAIRED, common.size(), fa.size(), fb.size(), s.mean(),
                    oneSampleP(d, 0), s.std() > 0 ? s.ciLow() : Double.NaN, s.std() > 0 ? s.ciHigh() : Double.NaN, pa, pb);
        }
        double diff = all1.length == 0 || all2.length == 0 ? Double.NaN : mean(all1) - mean(all2);
        if (all1.length >= 2 && all2.length >= 2) {
            Difference welch = new Difference(TestKind.WELCH, common.size(), all1.length, all2.length, diff,
                    welchP(all1, all2), Double.NaN, Double.NaN, all1, all2);
            // The two-sided 95% interval's ends are the one-sided 97.5% bounds.
            double q = 1 - (1 - Summary.CONFIDENCE) / 2;
            return new Difference(TestKind.WELCH, welch.pairs, welch.nA, welch.nB, diff, welch.p,
                    welch.bound(q, true), welch.bound(q, false), all1, all2);
        }
        return new Difference(TestKind.NONE, common.size(), all1.length, all2.length, diff, Double.NaN,
                Double.NaN, Double.NaN, all1, all2);
    }

    /** True when a p-value exists. */
    public boolean tested() {
        return Double.isFinite(p);
    }

    /** True when the difference is significantly non-zero at {@code alpha}. */
    public boolean significant(double alpha) {
        return tested() && p < alpha;
    }

    /**
     * Two-sided p-value of "mean difference = {@code shift}" with the same test; NaN when no test
     * applies. Used for margins: {@code pAgainst(5)} asks whether a gain differs from 5 points.
     */
    public double pAgainst(double shift) {
        return switch (kind) {
            case PAIRED -> {
                double[] d = new double[a.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = a[i] - b[i];
                }
                yield oneSampleP(d, shift);
            }
            case WELCH -> welchP(Arrays.stream(a).map(x -> x - shift).toArray(), b);
            case NONE -> Double.NaN;
        };
    }

    /**
     * One-sided p-value of "the true difference is at most {@code margin}" against "it is above":
     * {@code 1 − F(t)} with {@code t = (meanDiff − margin) / se} and the test's degrees of freedom
     * (paired: n − 1; Welch: Welch–Satterthwaite). Below α it shows the difference lies above the
     * margin — with the mirror-image test this is one half of TOST (two one-sided tests). NaN when no
     * test applies or the standard error is zero.
     */
    public double pAbove(double margin) {
        Spread s = spread();
        return s == null ? Double.NaN : 1 - s.t().cumulativeProbability((meanDiff - margin) / s.se());
    }

    /** One-sided p-value of "the true difference is at least {@code margin}" against "it is below". */
    public double pBelow(double margin) {
        Spread s = spread();
        return s == null ? Double.NaN : s.t().cumulativeProbability((meanDiff - margin) / s.se());
    }

    /**
     * The one-sided confidence bound at {@code confidence} (0.95: the 95% lower bound for {@code lower},
     * else the upper one), i.e. an end of the two-sided {@code 2·confidence − 1} interval: the lower
     * bound lies above a margin exactly when {@link #pAbove} of that margin is below {@code 1 − confidence}.
     */
    public double bound(double confidence, boolean lower) {
        Spread s = spread();
        if (s == null) {
            return Double.NaN;
        }
        double half = s.t().inverseCumulativeProbability(confidence) * s.se();
        return lower ? meanDiff - half : meanDiff + half;
    }

    /** The standard error of the difference and the t distribution of its test. */
    private record Spread(double se, TDistribution t) {}

    /** The test's spread, or null when no test applies or the standard error is zero. */
    private Spread spread() {
        double se;
        double df;
        if (kind == TestKind.PAIRED) {
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] - b[i];
            }
            se = Summary.of(d).std() / Math.sqrt(d.length);
            df = d.length - 1;
        } else if (kind == TestKind.WELCH) {
            double vx = variance(a) / a.length;
            double vy = variance(b) / b.length;
            se = Math.sqrt(vx + vy);
            df = (vx + vy) * (vx + vy) / (vx * vx / (a.length - 1) + vy * vy / (b.length - 1));
        } else {
            return null;
        }
        return se > 0 && Double.isFinite(meanDiff) ? new Spread(se, new TDistribution(df)) : null;
    }

    private static double oneSampleP(double[] d, double mu) {
        if (d.length < 2 || Summary.of(d).std() == 0) {
            return Double.NaN;
        }
        return T_TEST.tTest(mu, d);
    }

    private static double welchP(double[] x, double[] y) {
        if (standardError(x, y) == 0) {
            return Double.NaN;
        }
        return T_TEST.tTest(x, y);
    }

    private static double standardError(double[] x, double[] y) {
        return Math.sqrt(variance(x) / x.length + variance(y) / y.length);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double variance(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    private static Map<Long, Double> finite(Map<Long, Double> m) {
        Map<Long, Double> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Difference d && kind == d.kind && pairs == d.pairs && nA == d.nA && nB == d.nB
                && Double.compare(meanDiff, d.meanDiff) == 0 && Double.compare(p, d.p) == 0
                && Arrays.equals(a, d.a) && Arrays.equals(b, d.b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(a) + Arrays.hashCode(b) + kind.hashCode();
    }

    @Override
    public String toString() {
        return kind + "(diff=" + meanDiff + ", p=" + p + ", pairs=" + pairs + ", nA=" + nA + ", nB=" + nB + ")";
    }
}
