package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected best of n trials without replacement, checked against enumeration. */
class ExpectedMaxTest {

    @Test
    void matchesEnumerationOfEverySubset() {
        double[] scores = {0.5, 0.9, 0.7, 0.6};
        // n = 1: the mean; n = 4: the max; n = 2: mean of max over the 6 pairs
        // pairs: (.5,.9)=.9 (.5,.7)=.7 (.5,.6)=.6 (.9,.7)=.9 (.9,.6)=.9 (.7,.6)=.7 -> 4.7/6
        assertEquals(0.675, ExpectedMax.of(scores, 1), 1e-12);
        assertEquals(4.7 / 6, ExpectedMax.of(scores, 2), 1e-12);
        // triples: max .9 unless {.5,.7,.6} -> (3 * .9 + .7) / 4
        assertEquals((3 * 0.9 + 0.7) / 4, ExpectedMax.of(scores, 3), 1e-12);
        assertEquals(0.9, ExpectedMax.of(scores, 4), 1e-12);
        assertTrue(Double.isNaN(ExpectedMax.of(scores, 5)));
    }

    @Test
    void theCurveRisesToTheBestAndSkipsDivergedTrials() {
        double[] curve = ExpectedMax.curve(new double[] {0.2, Double.NaN, 0.4});
        assertArrayEquals(new double[] {0.3, 0.4}, curve, 1e-12);
    }
}
