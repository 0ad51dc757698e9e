package dev.surmbench.report;

import dev.surmbench.report.stats.TestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges the two headline claims of the SURM paper (Sehanobish et al., NeurIPS 2024, arXiv
 * 2406.17740, abstract) on one suite. All numbers are in points ({@link MetricScale}); α = 0.05.
 *
 * <h2>Claim 1 — "SURMs achieve 5–7% accuracy gains on various image classification tasks while
 * replacing low-rank matrices in LoRA"</h2>
 * "5–7%" is read as <b>5 to 7 absolute accuracy points</b> (percentage points of the headline
 * metric), not a relative 5–7%. For each image task ({@link dev.surmbench.data.TaskDomain#IMAGE})
 * and each SURM-LoRA row (circulant, toeplitz, kronecker, ldr) against each lora row, the gain is
 * variant − lora, paired by seed ({@link dev.surmbench.report.stats.Difference}):
 * <ul>
 *   <li><b>supported</b>: gain ≥ 5 and significantly above 0 (p &lt; 0.05). A gain above 7 also
 *       counts: the claim is read as "at least 5 points";</li>
 *   <li><b>not supported</b>: gain &lt; 5 and significantly different from 5 (p &lt; 0.05 for "gain =
 *       5"), i.e. significantly below the band's lower end — this includes significant losses;</li>
 *   <li><b>inconclusive</b>: otherwise, including fewer than 2 seeds on a side (no test) or an
 *       undefined p-value (identical differences).</li>
 * </ul>
 * A task is supported when at least one variant is supported on it (the paper reports its best
 * SURM), not supported when every variant is not supported, else inconclusive. The claim is supported
 * when every image task is supported, not supported when every image task is not supported, else
 * inconclusive. Without image tasks, lora rows or SURM-LoRA rows on them the claim is <b>not tested
 * by this suite</b>, naming the missing rows.
 *
 * <h2>Claim 2 — "up to 12x reduction of the number of parameters in adapters (with virtually no loss
 * in quality) on the GLUE benchmark"</h2>
 * On the GLUE average over the suite's GLUE tasks ({@link TaskAverage}; both rows need a completed run
 * on every GLUE task), each SURM-adapter row against each adapter row: difference variant − adapter
 * paired by seed over per-seed GLUE averages, and the parameter ratio adapter ÷ variant (trainable
 * stored parameters, mean over the GLUE tasks):
 * "Virtually no loss" is read as a <b>non-inferiority margin of {@value #QUALITY_MARGIN} point</b>
 * and tested, not assumed from a mean: the one-sided test of "the variant is worse by at least 1
 * point" (the lower half of TOST, two one-sided tests; a variant that is better is no loss, so the
 * upper half is not asked) at α = 0.05, i.e. the one-sided 95% lower confidence bound of the
 * difference must lie above −1 point:
 * <ul>
 *   <li><b>not supported</b>: ratio &lt; {@value #MIN_RATIO} (not clearly fewer parameters), or the
 *       one-sided 95% <i>upper</i> bound of the difference lies below −1 (worse than the margin, one-sided
 *       p &lt; 0.05);</li>
 *   <li><b>supported</b>: ratio ≥ {@value #MIN_RATIO} and the one-sided 95% lower bound lies above −1
 *       (within the margin, one-sided p &lt; 0.05) — a mean difference above −1 alone is not enough:
 *       with few seeds and noisy runs the bound reaches far below it;</li>
 *   <li><b>inconclusive</b>: otherwise (the bounds straddle −1, fewer than 2 seeds on a side, or
 *       every seed's difference identical so no bound exists), and any would-be supported comparison
 *       whose adapter row does not clearly beat the task's trivial floor ({@link TrivialFloor}) on
 *       every GLUE task: parity with a reference that learned nothing is no evidence of quality.</li>
 * </ul>
 * The claim is supported when at least one SURM adapter is supported ("up to 12x": the largest ratio
 * among supported variants is reported beside the paper's 12), not supported when every tested variant
 * is not supported, else inconclusive; not tested when the suite has no GLUE task, no complete adapter
 * row or no complete SURM-adapter row.
 */
public final class Claims {
    /** Significance level of every test. */
    public static final double ALPHA = 0.05;
    /** Lower end of claim 1's band, in points. */
    public static final double BAND_LOW = 5.0;
    /** Upper end of claim 1's band, in points (reported, not required). */
    public static final double BAND_HIGH = 7.0;
    /** Claim 2's non-inferiority margin ("virtually no loss"), in points. */
    public static final double QUALITY_MARGIN = 1.0;
    /** Claim 2's smallest parameter ratio that counts as "fewer parameters". */
    public static final double MIN_RATIO = 2.0;
    /** Claim 2's stated best ratio. */
    public static final double CLAIMED_RATIO = 12.0;

    static final String QUOTE_1 = "SURMs achieve 5-7% accuracy gains on various image classification tasks while "
            + "replacing low-rank matrices in LoRA.";
    static final String QUOTE_2 = "It also results in up to 12x reduction of the number of parameters in adapters "
            + "(with virtually no loss in quality) on the GLUE benchmark.";
    // Every number in the texts below comes from the constants above, so changing one cannot make them wrong.
    private static final String BAND = Fmt.plain(BAND_LOW) + "–" + Fmt.plain(BAND_HIGH);
    private static final String LOW = Fmt.plain(BAND_LOW);
    private static final String P = "p < " + Fmt.plain(ALPHA);
    private static final String CONFIDENCE = Fmt.plain(Math.round(100 * (1 - ALPHA) * 1e6) / 1e6) + "%";
    private static final String MARGIN = Fmt.plain(QUALITY_MARGIN);
    private static final String MINUS_MARGIN = "−" + MARGIN;
    private static final String FEWER = Fmt.plain(MIN_RATIO) + "×";
    static final String TITLE_1 = "SURM-LoRA beats LoRA by " + BAND + " points on image classification";
    static final String TITLE_2 = "SURM adapters reach adapter quality with up to " + Fmt.plain(CLAIMED_RATIO)
            + "× fewer parameters on GLUE";
    static final String RULE_1 = "Read as " + BAND + " absolute accuracy points. Per image task, each SURM-LoRA variant "
            + "(circulant, toeplitz, kronecker, ldr) vs lora, paired by seed: supported if the gain is ≥ " + LOW + " points "
            + "and significant (" + P + ", ≥ 2 seeds); not supported if the gain is significantly below " + LOW + " points; "
            + "else inconclusive. A task counts as supported if any variant is; the claim is supported if every "
            + "image task is, not supported if none is.";
    static final String RULE_2 = "On the GLUE average over this suite's GLUE tasks, each SURM adapter vs adapter, "
            + "paired by seed: supported if it trains ≥ " + FEWER + " fewer parameters and a non-inferiority test with a "
            + MARGIN + "-point margin shows it within " + MARGIN + " point of adapter (the one-sided " + CONFIDENCE
            + " lower confidence bound of the difference is above " + MINUS_MARGIN + " point; ≥ 2 seeds); not supported "
            + "if it trains < " + FEWER + " fewer parameters or the one-sided " + CONFIDENCE + " upper bound is below "
            + MINUS_MARGIN + " point; else inconclusive. A supported comparison counts "
            + "as inconclusive when adapter "
            + "itself does not clearly beat the trivial predictor (majority class / mean) on every GLUE task. The "
            + "claim is supported if any SURM adapter is.";

    private Claims() {}

    /** Both claims, in order. */
    public static List<ClaimVerdict> judge(SuiteAggregate agg) {
        return List.of(imageClaim(agg), glueAdapterClaim(agg));
    }

    static ClaimVerdict imageClaim(SuiteAggregate agg) {
        String title = TITLE_1;
        if (agg.imageTasks().isEmpty()) {
            return notTested("claim-1", title, QUOTE_1, RULE_1, "no image-classification task in this suite (tasks: "
                    + String.join(", ", agg.tasks()) + ")");
        }
        List<ComparisonVerdict> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Verdict> taskVerdicts = new ArrayList<>();
        for (String task : agg.imageTasks()) {
            List<PairComparison> pairs = Pairwise.onTask(agg, task).stream()
                    .filter(p -> Counterparts.SURM_UPDATES.contains(p.variant().method())).toList();
            if (pairs.isEmpty()) {
                boolean hasLora = agg.rowsOf("lora").stream().anyMatch(r -> agg.cell(task, r).isPresent());
                missing.add(task + ": " + (hasLora ? "no SURM-LoRA row (circulant/toeplitz/kronecker/ldr)" : "no lora row"));
                continue;
            }
            List<Verdict> vs = new ArrayList<>();
            for (PairComparison p : pairs) {
                ComparisonVerdict cv = imagePair(p);
                rows.add(cv);
                vs.add(cv.verdict());
            }
            taskVerdicts.add(vs.contains(Verdict.SUPPORTED) ? Verdict.SUPPORTED
                    : vs.stream().allMatch(v -> v == Verdict.NOT_SUPPORTED) ? Verdict.NOT_SUPPORTED : Verdict.INCONCLUSIVE);
        }
        if (rows.isEmpty()) {
            return notTested("claim-1", title, QUOTE_1, RULE_1, "missing rows — " + String.join("; ", missing));
        }
        Verdict overall = taskVerdicts.stream().allMatch(v -> v == Verdict.SUPPORTED) ? Verdict.SUPPORTED
                : taskVerdicts.stream().allMatch(v -> v == Verdict.NOT_SUPPORTED) ? Verdict.NOT_SUPPORTED
                : Verdict.INCONCLUSIVE;
        String best = rows.stream().map(ComparisonVerdict::pair).filter(p -> Double.isFinite(p.diff().meanDiff()))
                .max((a, b) -> Double.compare(a.diff().meanDiff(), b.diff().meanDiff()))
                .map(p -> "largest gain " + Fmt.signed(p.diff().meanDiff()) + " points (" + p.variant().display()
                        + " on " + p.scope() + ", p " + Fmt.p(p.diff().p()) + ")").orElse("no gain computable");
        String summary = taskVerdicts.size() + " image task(s) tested: " + count(taskVerdicts) + "; " + best
                + (missing.isEmpty() ? "" : "; not tested: " + String.join("; ", missing));
        return new ClaimVerdict("claim-1", title, QUOTE_1, RULE_1, overall, summary, rows);
    }

    static ComparisonVerdict imagePair(PairComparison p) {
        double gain = p.diff().meanDiff();
        String numbers = "gain " + Fmt.signed(gain) + " points, " + p.diff().kind().label() + " p " + Fmt.p(p.diff().p());
        if (!p.diff().tested()) {
            return new ComparisonVerdict(p, Verdict.INCONCLUSIVE, numbers + "; " + untestedWhy(p));
        }
        if (gain >= BAND_LOW && p.diff().p() < ALPHA) {
            return new ComparisonVerdict(p, Verdict.SUPPORTED, numbers + "; ≥ " + LOW + " points and significant");
        }
        double pBand = p.diff().pAgainst(BAND_LOW);
        if (gain < BAND_LOW && Double.isFinite(pBand) && pBand < ALPHA) {
            return new ComparisonVerdict(p, Verdict.NOT_SUPPORTED,
                    numbers + "; significantly below " + LOW + " points (p vs " + LOW + ": " + Fmt.p(pBand) + ")");
        }
        return new ComparisonVerdict(p, Verdict.INCONCLUSIVE, numbers + "; neither ≥ " + LOW + " and significant nor "
                + "significantly below " + LOW + " (p vs " + LOW + ": " + Fmt.p(pBand) + ")");
    }

    static ClaimVerdict glueAdapterClaim(SuiteAggregate agg) {
        String title = TITLE_2;
        if (agg.glueTasks().isEmpty()) {
            return notTested("claim-2", title, QUOTE_2, RULE_2, "no GLUE task in this suite (tasks: "
                    + String.join(", ", agg.tasks()) + ")");
        }
        List<String> missing = new ArrayList<>();
        checkRows(agg, List.of("adapter"), "adapter", missing);
        checkRows(agg, Counterparts.SURM_ADAPTERS, "SURM adapter (circulant/toeplitz/kronecker/ldr-adapter)", missing);
        List<PairComparison> pairs = Pairwise.onGlueAverage(agg).stream()
                .filter(p -> Counterparts.SURM_ADAPTERS.contains(p.variant().method())).toList();
        if (pairs.isEmpty()) {
            return notTested("claim-2", title, QUOTE_2, RULE_2, "missing rows — " + String.join("; ", missing));
        }
        List<ComparisonVerdict> tested = pairs.stream().map(Claims::adapterPair).toList();
        List<ComparisonVerdict> rows = tested.stream().map(cv -> floorGuard(agg, cv)).toList();
        List<ComparisonVerdict> heldBack = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).verdict() != tested.get(i).verdict()).mapToObj(tested::get).toList();
        List<Verdict> vs = rows.stream().map(ComparisonVerdict::verdict).toList();
        Verdict overall = vs.contains(Verdict.SUPPORTED) ? Verdict.SUPPORTED
                : vs.stream().allMatch(v -> v == Verdict.NOT_SUPPORTED) ? Verdict.NOT_SUPPORTED : Verdict.INCONCLUSIVE;
        double bestRatio = rows.stream().filter(r -> r.verdict() == Verdict.SUPPORTED)
                .mapToDouble(r -> r.pair().parameterRatio()).max().orElse(Double.NaN);
        String summary = "GLUE average over " + String.join(", ", agg.glueTasks()) + ": " + count(vs)
                + (Double.isFinite(bestRatio) ? "; largest ratio among supported variants " + Fmt.ratio(bestRatio)
                        + " (paper: up to " + Fmt.ratio(CLAIMED_RATIO) + ")" : "")
                + (missing.isEmpty() ? "" : "; " + String.join("; ", missing)) + floorNote(agg, heldBack);
        return new ClaimVerdict("claim-2", title, QUOTE_2, RULE_2, overall, summary, rows);
    }

    static ComparisonVerdict adapterPair(PairComparison p) {
        double d = p.diff().meanDiff();
        double ratio = p.parameterRatio();
        double lower = p.diff().bound(1 - ALPHA, true);
        double upper = p.diff().bound(1 - ALPHA, false);
        String numbers = "difference " + Fmt.signed(d) + " points, one-sided " + CONFIDENCE + " bounds [" + Fmt.signed(lower) + ", "
                + Fmt.signed(upper) + "] (" + p.diff().kind().label() + "), " + Fmt.ratio(ratio) + " fewer parameters";
        if (Double.isFinite(ratio) && ratio < MIN_RATIO) {
            return new ComparisonVerdict(p, Verdict.NOT_SUPPORTED, numbers + "; fewer than " + FEWER + " fewer parameters");
        }
        double pWorse = p.diff().pBelow(-QUALITY_MARGIN);
        if (Double.isFinite(pWorse) && pWorse < ALPHA) {
            return new ComparisonVerdict(p, Verdict.NOT_SUPPORTED, numbers + "; worse than the " + MARGIN + "-point margin: "
                    + "the upper bound is below " + MINUS_MARGIN + " (one-sided p " + Fmt.p(pWorse) + ")");
        }
        if (p.diff().kind() == TestKind.NONE || !Double.isFinite(ratio)) {
            return new ComparisonVerdict(p, Verdict.INCONCLUSIVE, numbers
                    + "; " + (Double.isFinite(ratio) ? untestedWhy(p) : "parameter counts unknown"));
        }
        double pWithin = p.diff().pAbove(-QUALITY_MARGIN);
        if (Double.isFinite(pWithin) && pWithin < ALPHA) {
            return new ComparisonVerdict(p, Verdict.SUPPORTED, numbers + "; within the " + MARGIN + "-point margin "
                    + "(non-inferiority: lower bound above " + MINUS_MARGIN + ", one-sided p " + Fmt.p(pWithin) + ") with ≥ "
                    + FEWER + " fewer parameters");
        }
        return new ComparisonVerdict(p, Verdict.INCONCLUSIVE, numbers + "; "
                + (Double.isFinite(pWithin) ? "the bounds straddle " + MINUS_MARGIN + ": not shown within the " + MARGIN
                        + "-point margin (one-sided p "
                        + Fmt.p(pWithin) + ")" : "no bound: every seed's difference is identical"));
    }

    /**
     * "No loss in quality" against a reference that learned nothing says nothing: a supported parity
     * verdict becomes inconclusive when the counterpart does not clearly beat the trivial floor
     * ({@link TrivialFloor}) on every GLUE task where the suite recorded one.
     */
    static ComparisonVerdict floorGuard(SuiteAggregate agg, ComparisonVerdict cv) {
        if (cv.verdict() != Verdict.SUPPORTED) {
            return cv;
        }
        List<String> atFloor = glueTasksAtFloor(agg, cv.pair().counterpart());
        if (atFloor.isEmpty()) {
            return cv;
        }
        return new ComparisonVerdict(cv.pair(), Verdict.INCONCLUSIVE, cv.reason() + ", but "
                + cv.pair().counterpart().display() + " does not clearly beat the trivial predictor on "
                + String.join(", ", atFloor) + ": parity with a reference that learned nothing there is no evidence");
    }

    /**
     * "; parity not counted as evidence: …" for the reference rows of the comparisons the floor guard
     * held back ({@code heldBack}: the verdicts as tested, before the guard), "" when none.
     */
    private static String floorNote(SuiteAggregate agg, List<ComparisonVerdict> heldBack) {
        return heldBack.stream().map(r -> r.pair().counterpart()).distinct()
                .map(ref -> Map.entry(ref, glueTasksAtFloor(agg, ref))).filter(e -> !e.getValue().isEmpty())
                .map(e -> "; parity not counted as evidence: " + e.getKey().display()
                        + " does not clearly beat the trivial predictor on " + String.join(", ", e.getValue()))
                .collect(Collectors.joining());
    }

    /** GLUE tasks with a recorded floor that {@code row} does not clearly beat (no completed run counts as not beating). */
    static List<String> glueTasksAtFloor(SuiteAggregate agg, MethodKey row) {
        return agg.glueTasks().stream().filter(t -> agg.atFloor(t, row)).toList();
    }

    /** Why a comparison has no p-value, in words. */
    private static String untestedWhy(PairComparison p) {
        if (p.diff().nA() == 0 || p.diff().nB() == 0) {
            return "no completed run of " + (p.diff().nA() == 0 ? p.variant() : p.counterpart()).display() + ", no test";
        }
        return p.diff().kind() == TestKind.NONE ? "fewer than 2 seeds on a side, no test"
                : "p undefined (identical differences)";
    }

    private static void checkRows(SuiteAggregate agg, List<String> methods, String what, List<String> missing) {
        List<MethodKey> rows = agg.rows().stream().filter(r -> methods.contains(r.method())).toList();
        if (rows.isEmpty()) {
            missing.add("no " + what + " row");
            return;
        }
        for (MethodKey r : rows) {
            TaskAverage avg = agg.glueAverages().get(r);
            if (avg != null && !avg.complete()) {
                missing.add(r.display() + " lacks completed runs on " + String.join(", ", avg.missingTasks()));
            }
        }
    }

    private static ClaimVerdict notTested(String id, String title, String quote, String rule, String why) {
        return new ClaimVerdict(id, title, quote, rule, Verdict.NOT_TESTED, why, List.of());
    }

    private static String count(List<Verdict> vs) {
        return List.of(Verdict.SUPPORTED, Verdict.NOT_SUPPORTED, Verdict.INCONCLUSIVE).stream()
                .map(v -> vs.stream().filter(x -> x == v).count() + " " + v.text())
                .collect(Collectors.joining(", "));
    }
}
