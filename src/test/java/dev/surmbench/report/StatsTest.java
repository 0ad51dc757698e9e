package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.stats.Difference;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.report.stats.TestKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mean, std, Student-t intervals and the paired/Welch tests against hand-computed values. */
class StatsTest {

    @Test
    void summaryUsesSampleStdAndStudentT() {
        Summary s = Summary.of(1, 2, 3, 4);
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-12);           // (n − 1) denominator
        double half = 3.182446305284263 * s.std() / 2;               // t(0.975, 3) × s / √4
        assertEquals(2.5 - half, s.ciLow(), 1e-9);
        assertEquals(2.5 + half, s.ciHigh(), 1e-9);
    }

    @Test
    void oneValueHasNoSpreadAndNaNsAreDropped() {
        Summary s = Summary.of(7.0, Double.NaN);
        assertEquals(1, s.n());
        assertEquals(7.0, s.mean());
        assertTrue(Double.isNaN(s.std()) && Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()));
        assertFalse(s.hasSpread());
        assertEquals("7.00", Fmt.meanStd(s));
        assertEquals("–", Fmt.ci(s));
        assertEquals(0, Summary.of().n());
    }

    @Test
    void fromSampleAddsTheIntervalAndNoSpreadBelowTwoValues() {
        Summary s = Summary.of(1, 2, 3, 4);
        assertEquals(s, Summary.fromSample(4, s.mean(), s.std()));
        Summary one = Summary.fromSample(1, 7.0, 0.0);   // Tablesaw's stdDev of one value is 0
        assertEquals(7.0, one.mean());
        assertTrue(Double.isNaN(one.std()) && Double.isNaN(one.ciLow()));
        assertEquals(Summary.EMPTY, Summary.fromSample(0, Double.NaN, Double.NaN));
        assertEquals(2, Summary.of(1.0, Double.POSITIVE_INFINITY, 3.0).n(), "infinities are dropped like NaN");
    }

    @Test
    void pairedTestMatchesTheClosedFormForTwoDegreesOfFreedom() {
        // differences 1, 2, 3: mean 2, sd 1, t = 2√3, df 2; Student t with df 2 has CDF 1/2 + t / (2√(2 + t²))
        Difference d = Difference.of(Map.of(1L, 11.0, 2L, 22.0, 3L, 33.0, 4L, 99.0), Map.of(1L, 10.0, 2L, 20.0, 3L, 30.0));
        assertEquals(TestKind.PAIRED, d.kind());
        assertEquals(3, d.pairs());
        assertEquals(2.0, d.meanDiff(), 1e-12);
        double t = 2 * Math.sqrt(3);
        double p = 2 * (0.5 - t / (2 * Math.sqrt(2 + t * t)));
        assertEquals(p, d.p(), 1e-9);
        // against a shifted null: differences − 2 have mean 0, so p = 1
        assertEquals(1.0, d.pAgainst(2.0), 1e-9);
        assertEquals(2.0 - 4.302652729911275 / Math.sqrt(3), d.ciLow(), 1e-9);
    }

    @Test
    void welchWhenSeedsDoNotPairAndNoTestWithOneRun() {
        Difference w = Difference.of(Map.of(1L, 1.0, 2L, 2.0, 3L, 3.0), Map.of(7L, 4.0, 8L, 6.0));
        assertEquals(TestKind.WELCH, w.kind());
        assertEquals(2.0 - 5.0, w.meanDiff(), 1e-12);
        assertTrue(w.p() > 0 && w.p() < 1, "p " + w.p());
        Difference none = Difference.of(Map.of(1L, 1.0), Map.of(1L, 2.0, 2L, 3.0));
        assertEquals(TestKind.NONE, none.kind());
        assertTrue(Double.isNaN(none.p()));
        assertEquals("–", Fmt.p(none.p()));
    }

    /**
     * One-sided tests and bounds against SciPy 1.17.1 ({@code from scipy import stats; import numpy as np}):
     * paired differences d = [0.2, 0.5, -0.8]; Welch with x = [1, 2, 3], y = [4, 6].
     */
    @Test
    void oneSidedTestsAndBoundsMatchSciPy() {
        Difference d = Difference.of(Map.of(1L, 50.2, 2L, 51.0, 3L, 49.5), Map.of(1L, 50.0, 2L, 50.5, 3L, 50.3));
        assertEquals(TestKind.PAIRED, d.kind());
        // stats.ttest_1samp(d, -1, alternative='greater').pvalue
        assertEquals(0.0665360752219355, d.pAbove(-1), 1e-9);
        // stats.ttest_1samp(d, -1, alternative='less').pvalue
        assertEquals(0.9334639247780645, d.pBelow(-1), 1e-9);
        // stats.ttest_1samp(d, 0, alternative='greater').confidence_interval(0.95).low
        assertEquals(-1.1808707424242777, d.bound(0.95, true), 1e-9);
        // stats.ttest_1samp(d, 0, alternative='less').confidence_interval(0.95).high
        assertEquals(1.1142040757576108, d.bound(0.95, false), 1e-9);

        Difference w = Difference.of(Map.of(1L, 1.0, 2L, 2.0, 3L, 3.0), Map.of(7L, 4.0, 8L, 6.0));
        // stats.ttest_ind(x + 1, y, equal_var=False, alternative='greater').pvalue
        assertEquals(0.875905730957994, w.pAbove(-1), 1e-9);
        // stats.ttest_ind(x, y, equal_var=False, alternative='greater').confidence_interval(0.95).low
        assertEquals(-6.84500271058271, w.bound(0.95, true), 1e-9);
        // stats.ttest_ind(x, y, equal_var=False).confidence_interval(0.95)
        assertEquals(-8.976997448258373, w.ciLow(), 1e-9);
        assertEquals(2.9769974482583734, w.ciHigh(), 1e-9);
        assertTrue(Double.isNaN(Difference.of(Map.of(1L, 1.0), Map.of(1L, 2.0)).pAbove(-1)), "no test, no p");
    }

    @Test
    void identicalDifferencesGiveNoPValueRatherThanAFakeOne() {
        Difference d = Difference.of(Map.of(1L, 2.0, 2L, 3.0), Map.of(1L, 1.0, 2L, 2.0));
        assertEquals(TestKind.PAIRED, d.kind());
        assertEquals(1.0, d.meanDiff(), 1e-12);
        assertTrue(Double.isNaN(d.p()));
        assertFalse(d.tested());
    }
}
