package dev.surmbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each expected value is worked by hand in the comment beside it, never by the code under test. */
class MetricsTest {

    private static final double EXACT = 1e-12;

    // Five examples: (pred, ref) = (1,1) (0,1) (1,1) (1,0) (0,0)
    // -> TP = 2 (idx 0, 2), FN = 1 (idx 1), FP = 1 (idx 3), TN = 1 (idx 4)
    private static final int[] PRED5 = {1, 0, 1, 1, 0};
    private static final int[] REF5 = {1, 1, 1, 0, 0};

    @Test
    void accuracyCountsMatches() {
        // matches at idx 0, 2, 4 -> 3 / 5
        assertEquals(0.6, Metrics.accuracy(PRED5, REF5), EXACT);
    }

    @Test
    void f1FromHandCountedConfusionMatrix() {
        // 2TP / (2TP + FP + FN) = 4 / (4 + 1 + 1) = 2/3
        assertEquals(2.0 / 3.0, Metrics.f1(PRED5, REF5), EXACT);
    }

    @Test
    void mccFromHandCountedConfusionMatrix() {
        // (TP*TN - FP*FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (2 - 1) / sqrt(3*3*2*2) = 1/6
        assertEquals(1.0 / 6.0, Metrics.matthews(PRED5, REF5), EXACT);
    }

    @Test
    void twentyExampleMatrix() {
        // Built as TP = 6, FP = 2, FN = 3, TN = 9 in that order.
        int[] pred = new int[20];
        int[] ref = new int[20];
        fill(pred, ref, 0, 6, 1, 1);
        fill(pred, ref, 6, 8, 1, 0);
        fill(pred, ref, 8, 11, 0, 1);
        fill(pred, ref, 11, 20, 0, 0);
        // accuracy (6 + 9) / 20 = 0.75
        assertEquals(0.75, Metrics.accuracy(pred, ref), EXACT);
        // F1 = 12 / (12 + 2 + 3) = 12/17
        assertEquals(12.0 / 17.0, Metrics.f1(pred, ref), EXACT);
        // MCC = (6*9 - 2*3) / sqrt(8 * 9 * 11 * 12) = 48 / sqrt(9504) = 0.49236596...
        assertEquals(0.4923659639173309, Metrics.matthews(pred, ref), 1e-15);
    }

    @Test
    void f1WithZeroDenominatorIsZero() {
        // No 1 in predictions nor references: TP = FP = FN = 0, denominator 0 -> documented 0.0
        assertEquals(0.0, Metrics.f1(new int[] {0, 0, 0}, new int[] {0, 0, 0}), 0.0);
        // No true positive but a denominator: TP = 0, FP = 1 -> 0 / 1 = 0.0
        assertEquals(0.0, Metrics.f1(new int[] {1, 0}, new int[] {0, 0}), 0.0);
    }

    @Test
    void mccOfConstantPredictionIsZero() {
        // predicted-positive count = 4, predicted-negative = 0 -> (TN+FN) = 0 -> denominator 0 -> 0.0
        assertEquals(0.0, Metrics.matthews(new int[] {1, 1, 1, 1}, new int[] {1, 0, 1, 0}), 0.0);
        assertEquals(0.0, Metrics.matthews(new int[] {0, 0, 0}, new int[] {0, 0, 0}), 0.0);
    }

    @Test
    void mccPerfectAndInverted() {
        assertEquals(1.0, Metrics.matthews(new int[] {0, 1, 1, 0}, new int[] {0, 1, 1, 0}), EXACT);
        assertEquals(-1.0, Metrics.matthews(new int[] {1, 0, 0, 1}, new int[] {0, 1, 1, 0}), EXACT);
    }

    @Test
    void mccMulticlass() {
        // true [0,0,1,1,2,2], pred [0,0,1,2,2,2]: correct c = 5, samples s = 6,
        // predicted counts p = [2,1,3], true counts t = [2,2,2]
        // (c*s - sum p_k t_k) = 30 - (4+2+6) = 18; sqrt((36 - (4+1+9)) * (36 - 12)) = sqrt(22*24)
        assertEquals(18.0 / Math.sqrt(528.0),
                Metrics.matthews(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 0, 1, 1, 2, 2}), EXACT);
    }

    @Test
    void pearsonByHand() {
        // x = 1..5 (mean 3), y = [2,4,5,4,5] (mean 4): dx = [-2,-1,0,1,2], dy = [-2,0,1,0,1]
        // sum dx*dy = 6, sum dx^2 = 10, sum dy^2 = 6 -> r = 6 / sqrt(60)
        assertEquals(6.0 / Math.sqrt(60.0),
                Metrics.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}), EXACT);
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        // ranks x = [1,2,3,4,5]; y = [2,4,5,4,5] ranks [1, 2.5, 4.5, 2.5, 4.5] (ties averaged)
        // Pearson of ranks: dx = [-2,-1,0,1,2], dy = [-2,-0.5,1.5,-0.5,1.5]
        // sum dx*dy = 4 + 0.5 + 0 - 0.5 + 3 = 7, sum dx^2 = 10, sum dy^2 = 9 -> 7 / sqrt(90)
        // (the no-ties shortcut 1 - 6*sum d^2 / (n(n^2-1)) would give 0.75, which this rules out)
        assertEquals(7.0 / Math.sqrt(90.0),
                Metrics.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}), EXACT);
    }

    /**
     * Ties and signed zeros against SciPy 1.17.1; each value printed by
     * {@code python3 -c "from scipy.stats import spearmanr; print(repr(spearmanr(X, Y).statistic))"}
     * with the arrays in the comment. −0.0 and 0.0 are one tied value there.
     */
    @Test
    void spearmanMatchesSciPyOnTiesAndSignedZeros() {
        // spearmanr([-0.0, 0.0, 1, 2], [1, 2, 3, 4]) -> 0.9486832980505139
        assertEquals(0.9486832980505139, Metrics.spearman(new double[] {-0.0, 0.0, 1, 2}, new double[] {1, 2, 3, 4}), 1e-15);
        // spearmanr([0.5, -0.0, 0.0, 0.5, 3, -1], [1, 0, 2, 2, 5, -0.0]) -> 0.7727272727272726
        assertEquals(0.7727272727272726, Metrics.spearman(new double[] {0.5, -0.0, 0.0, 0.5, 3, -1},
                new double[] {1, 0, 2, 2, 5, -0.0}), 1e-15);
        // spearmanr([1, 1, 2, 2, 3, 3, 4], [7, 6, 5, 5, 4, 3, 3]) -> -0.9626588645246761
        assertEquals(-0.9626588645246761, Metrics.spearman(new double[] {1, 1, 2, 2, 3, 3, 4},
                new double[] {7, 6, 5, 5, 4, 3, 3}), 1e-15);
        // spearmanr([-0.0, 0.0, -0.0, 1.0], [0.0, -0.0, 1.0, 2.0]) -> 0.8164965809277261
        assertEquals(0.8164965809277261, Metrics.spearman(new double[] {-0.0, 0.0, -0.0, 1.0},
                new double[] {0.0, -0.0, 1.0, 2.0}), 1e-15);
    }

    @Test
    void spearmanIsOneForMonotoneNonLinear() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 8, 27, 64}; // x^3: same order, so ranks are identical
        assertEquals(1.0, Metrics.spearman(x, y), EXACT);
        assertTrue(Metrics.pearson(x, y) < 0.99, "Pearson is below 1 for a cubic");
    }

    @Test
    void correlationsAreNaNWhenUndefined() {
        double[] constant = {2.5, 2.5, 2.5};
        double[] varying = {1, 2, 3};
        assertTrue(Double.isNaN(Metrics.pearson(constant, varying)));
        assertTrue(Double.isNaN(Metrics.spearman(varying, constant)));
        assertTrue(Double.isNaN(Metrics.pearson(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(Metrics.spearman(new double[] {1, Double.NaN}, new double[] {1, 2})));
    }

    @Test
    void callerBugsThrow() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1}, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.f1(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.matthews(new int[] {-1}, new int[] {0}));
    }

    private static void fill(int[] pred, int[] ref, int from, int to, int p, int r) {
        for (int i = from; i < to; i++) {
            pred[i] = p;
            ref[i] = r;
        }
    }
}
