package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim-verdict rules of {@link Claims} on fabricated suites. */
class ClaimsTest {

    /** lora vs circulant on one image task, seeds 1–3, circulant = lora + gain (points) + seed noise. */
    private static SuiteAggregate image(double gain, int seeds) {
        RunFixtures f = new RunFixtures("img");
        double[] noise = {0.0, 0.006, -0.004};
        double[] wobble = {0.0, -0.002, 0.003};
        for (int s = 1; s <= seeds; s++) {
            f.ok("cifar10", "lora", s, 0.80 + noise[s - 1], 73_728, 10);
            f.ok("cifar10", "circulant", s, 0.80 + gain / 100 + noise[s - 1] + wobble[s - 1], 18_432, 9);
        }
        return Aggregator.aggregate("img", f.runs());
    }

    @Test
    void imageGainOfSixPointsIsSupported() {
        ClaimVerdict v = Claims.imageClaim(image(6.0, 3));
        assertEquals(Verdict.SUPPORTED, v.verdict(), v.summary());
        assertEquals(1, v.comparisons().size());
        ComparisonVerdict cv = v.comparisons().get(0);
        assertEquals(6.0 + (0.0 - 0.2 + 0.3) / 3, cv.pair().diff().meanDiff(), 1e-9);
        assertTrue(cv.reason().contains("paired t"), cv.reason());
        assertEquals(4.0, cv.pair().parameterRatio(), 1e-9);
    }

    @Test
    void imageGainOfOnePointIsNotSupported() {
        ClaimVerdict v = Claims.imageClaim(image(1.0, 3));
        assertEquals(Verdict.NOT_SUPPORTED, v.verdict(), v.summary());
        assertTrue(v.comparisons().get(0).reason().contains("significantly below 5"), v.comparisons().get(0).reason());
    }

    @Test
    void oneSeedIsInconclusive() {
        ClaimVerdict v = Claims.imageClaim(image(6.0, 1));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.comparisons().get(0).reason().contains("fewer than 2 seeds"), v.comparisons().get(0).reason());
    }

    @Test
    void suiteWithoutImageTasksDoesNotTestClaimOne() {
        ClaimVerdict v = Claims.imageClaim(Aggregator.aggregate("g", RunFixtures.glue("g").runs()));
        assertEquals(Verdict.NOT_TESTED, v.verdict());
        assertTrue(v.summary().contains("no image-classification task") && v.summary().contains("sst2"), v.summary());
    }

    @Test
    void imageTaskWithoutLoraNamesTheMissingRow() {
        RunFixtures f = new RunFixtures("img").ok("mnist", "circulant", 1, 0.9, 10, 1).ok("mnist", "circulant", 2, 0.91, 10, 1);
        ClaimVerdict v = Claims.imageClaim(Aggregator.aggregate("img", f.runs()));
        assertEquals(Verdict.NOT_TESTED, v.verdict());
        assertTrue(v.summary().contains("mnist: no lora row"), v.summary());
    }

    @Test
    void surmAdapterWithinOnePointAndFarFewerParametersIsSupported() {
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", RunFixtures.glue("g").runs()));
        assertEquals(Verdict.SUPPORTED, v.verdict(), v.summary());
        PairComparison p = v.comparisons().get(0).pair();
        assertEquals(PairComparison.GLUE_AVERAGE, p.scope());
        assertEquals(600_000.0 / 13_824, p.parameterRatio(), 1e-9);
        assertTrue(p.diff().meanDiff() > -1 && p.diff().meanDiff() < 0, "diff " + p.diff().meanDiff());
        assertTrue(v.summary().contains("paper: up to 12.0×"), v.summary());
    }

    @Test
    void parityWithAnAdapterAtTheTrivialFloorIsInconclusive() {
        // same numbers as the supported case, but cola's majority-class floor is at adapter's level (MCC 42)
        RunFixtures f = new RunFixtures("g").trivial("cola", 0.42).trivial("sst2", 0.50);
        RunFixtures.glue("g").runs().forEach(r -> f.ok(r.task(), r.method(), r.seed(), r.bestValue(),
                r.trainableStored(), r.trainExamplesPerSecond()));
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict(), v.summary());
        String reason = v.comparisons().get(0).reason();
        assertTrue(reason.contains("within the 1-point margin") && reason.contains("adapter does not clearly beat the trivial "
                + "predictor on cola:"), reason);
        assertTrue(!reason.contains("sst2"), "sst2 adapter (88.6) clearly beats its floor (50): " + reason);
        assertTrue(v.summary().endsWith("; parity not counted as evidence: adapter does not clearly beat the trivial "
                + "predictor on cola"), v.summary());
    }

    @Test
    void aVariantClearlyWorseThanAnAdapterAtTheFloorIsNotSupportedWithoutAFloorNote() {
        // circulant-adapter 5 points below adapter on both tasks; adapter at cola's floor again: the guard only
        // holds back a "supported" verdict, so it says nothing here
        RunFixtures f = new RunFixtures("g").trivial("cola", 0.42).trivial("sst2", 0.50);
        RunFixtures.glue("g").runs().forEach(r -> f.ok(r.task(), r.method(), r.seed(),
                r.bestValue() - (r.method().equals("circulant-adapter") ? 0.05 : 0), r.trainableStored(),
                r.trainExamplesPerSecond()));
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.NOT_SUPPORTED, v.verdict(), v.summary());
        assertTrue(v.comparisons().get(0).reason().contains("worse than the 1-point margin"), v.comparisons().get(0).reason());
        assertTrue(!v.summary().contains("parity not counted"), v.summary());
    }

    @Test
    void parityWithAnAdapterClearlyAboveTheFloorStaysSupported() {
        RunFixtures f = new RunFixtures("g").trivial("cola", 0.0).trivial("sst2", 0.50);
        RunFixtures.glue("g").runs().forEach(r -> f.ok(r.task(), r.method(), r.seed(), r.bestValue(),
                r.trainableStored(), r.trainExamplesPerSecond()));
        assertEquals(Verdict.SUPPORTED, Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs())).verdict());
    }

    @Test
    void aMeanWithinOnePointThatNoiseCouldExplainIsNotParity() {
        // per-seed GLUE differences +3, −4, +1.5 points: mean +0.17 ≥ −1 (the old rule said "supported"),
        // but the one-sided 95% bounds are −6.05 and +6.38 (SciPy: ttest_1samp([3, -4, 1.5], 0,
        // alternative='greater' / 'less').confidence_interval(0.95) → −6.0466, +6.3800): not shown within 1 point
        RunFixtures f = new RunFixtures("g");
        double[] diff = {0.03, -0.04, 0.015};
        for (int s = 1; s <= 3; s++) {
            f.ok("sst2", "adapter", s, 0.80, 600_000, 1);
            f.ok("sst2", "circulant-adapter", s, 0.80 + diff[s - 1], 13_824, 1);
        }
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict(), v.summary());
        String reason = v.comparisons().get(0).reason();
        assertTrue(reason.contains("the bounds straddle −1: not shown within the 1-point margin"), reason);
        assertTrue(reason.contains("one-sided 95% bounds [-6.05, +6.38]"), reason);
    }

    @Test
    void surmAdapterWithoutParameterSavingsIsNotSupported() {
        RunFixtures f = new RunFixtures("g");
        for (int s = 1; s <= 2; s++) {
            f.ok("rte", "adapter", s, 0.70 + s * 0.01, 1000, 1);
            f.ok("rte", "ldr-adapter", s, 0.70 + s * 0.012, 900, 1);
        }
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.NOT_SUPPORTED, v.verdict(), v.summary());
        assertTrue(v.comparisons().get(0).reason().contains("fewer than 2× fewer parameters"));
    }

    @Test
    void surmAdapterSignificantlyWorseIsNotSupported() {
        RunFixtures f = new RunFixtures("g");
        double[] noise = {0.0, 0.002, -0.001};
        for (int s = 1; s <= 3; s++) {
            f.ok("mrpc", "adapter", s, 0.85 + noise[s - 1], 600_000, 1);
            f.ok("mrpc", "toeplitz-adapter", s, 0.80 + noise[s - 1] * 1.3, 20_000, 1);
        }
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.NOT_SUPPORTED, v.verdict(), v.summary());
        assertTrue(v.comparisons().get(0).reason().contains("worse than the 1-point margin"));
    }

    @Test
    void glueSuiteWithoutAdaptersIsNotTested() {
        RunFixtures f = new RunFixtures("g").ok("sst2", "lora", 1, 0.9, 10, 1);
        ClaimVerdict v = Claims.glueAdapterClaim(Aggregator.aggregate("g", f.runs()));
        assertEquals(Verdict.NOT_TESTED, v.verdict());
        assertTrue(v.summary().contains("no adapter row") && v.summary().contains("no SURM adapter"), v.summary());
        assertEquals(List.of(), v.comparisons());
    }
}
