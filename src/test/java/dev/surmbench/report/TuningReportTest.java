package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.baseline.BaselineSource;
import dev.surmbench.report.check.CheckOptions;
import dev.surmbench.report.check.CheckRow;
import dev.surmbench.report.check.CheckStatus;
import dev.surmbench.report.check.RegressionCheck;
import dev.surmbench.report.render.TuningViewBuilder;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's tuning and protocol views (#23 item 4): the learning rate in every cell, the sensitivity
 * and expected-max data from a sibling {@code <suite>-tune} folder, clean vs paper protocol, and the
 * check's protocol mismatch.
 */
class TuningReportTest {
    private static final double[] LORA_RATES = {1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2};
    private static final double[] LORA_SCORES = {0.80, 0.84, 0.88, 0.86, 0.70}; // best at 1e-3
    private static final double[] CIRC_RATES = {1e-3, 3.16e-3, 1e-2, 3e-2, 1e-1};
    private static final double[] CIRC_SCORES = {0.70, 0.78, 0.83, 0.86, Double.NaN}; // 1e-1 diverges

    @TempDir
    Path tmp;

    /** Final runs: lora at 1e-3, circulant at 3e-2 (its grid's second largest), adapter's seeds at two rates. */
    private Path finalRuns() throws Exception {
        return finalRuns(tmp);
    }

    static Path finalRuns(Path root) throws Exception {
        RunFixtures f = new RunFixtures("tuned");
        for (int s = 1; s <= 2; s++) {
            f.validation(1e-3, 0.02).ok("sst2", "lora", s, 0.87 + 0.002 * s, 73_728, 50);
            f.validation(3e-2, 0.03).ok("sst2", "circulant", s, 0.85 + 0.002 * s, 18_432, 45);
        }
        f.validation(1e-3, 0.01).ok("sst2", "adapter", 1, 0.86, 600_000, 40);
        f.validation(2e-3, 0.01).ok("sst2", "adapter", 2, 0.861, 600_000, 40);
        return f.write(root);
    }

    private void trials() throws Exception {
        trials(tmp);
    }

    /** Trials: seed 1 at five rates for lora and circulant (their validation scores are the values + 0.01). */
    static void trials(Path root) throws Exception {
        RunFixtures t = new RunFixtures("tuned-tune");
        for (int i = 0; i < 5; i++) {
            t.validation(LORA_RATES[i], 0.0).ok("sst2", "lora", 1, LORA_SCORES[i] - 0.01, 73_728, 50);
            if (Double.isNaN(CIRC_SCORES[i])) {
                t.validation(CIRC_RATES[i], 0.0).add("sst2", "circulant", "circulant", 1, RunStatus.DIVERGED,
                        "loss is NaN", Double.NaN, 18_432, 45);
            } else {
                t.validation(CIRC_RATES[i], 0.0).ok("sst2", "circulant", 1, CIRC_SCORES[i] - 0.01, 18_432, 45);
            }
        }
        t.write(root);
    }

    @Test
    void everyCellShowsTheRateItsRunsUsedAndSaysWhenTheyDiffer() throws Exception {
        Path dir = finalRuns();
        Report.Result r = Report.generate(dir, List.of(), null);
        String html = Files.readString(r.html());
        assertTrue(html.contains("<span class=\"lr\" title=\"learning rate of the cell's runs\">lr 1e-3</span>"), html);
        assertTrue(html.contains(">lr 3e-2</span>"), "circulant's cell");
        assertTrue(html.contains(">lr 1e-3 / 2e-3 (runs differ)</span>"), "adapter's seeds used two rates");
        assertTrue(r.summary().contains("(lr 1e-3)"), r.summary());
        assertEquals("3.16e-4", Fmt.rate(3.16e-4));
        assertEquals("1e-1", Fmt.rate(0.1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sensitivityHasOneSeriesPerMethodWithTheFinalRunsRateMarked() throws Exception {
        Path dir = finalRuns();
        trials();
        SuiteAggregate agg = Report.load(dir);
        Optional<TuningResults> tuning = TuningResults.beside(new ResultsLayout(dir), agg);
        assertTrue(tuning.isPresent(), "the sibling tuned-tune folder is found");
        assertEquals(10, tuning.get().trials());
        Map<String, Object> json = TuningViewBuilder.json(tuning);
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) json.get("tasks");
        assertEquals(1, tasks.size());
        assertEquals("sst2", tasks.get(0).get("task"));
        List<Map<String, Object>> series = (List<Map<String, Object>>) tasks.get(0).get("series");
        assertEquals(List.of("lora", "circulant"), series.stream().map(s -> s.get("name")).toList(), "one per method");
        Map<String, Object> lora = series.get(0);
        assertEquals(Arrays.stream(LORA_RATES).boxed().toList(), lora.get("rates"));
        assertEquals(1e-3, lora.get("chosen"));
        assertEquals(88.0, (Double) lora.get("chosenValue"), 1e-9, "validation score of the marked rate, in points");
        assertEquals(false, lora.get("edge"));
        Map<String, Object> circ = series.get(1);
        assertEquals(3e-2, circ.get("chosen"));
        assertEquals(86.0, (Double) circ.get("chosenValue"), 1e-9);
        assertEquals(null, ((List<Double>) circ.get("values")).get(4), "a diverged rate is not drawn");
        List<Double> losses = (List<Double>) lora.get("losses");
        for (int i = 0; i < 5; i++) {
            assertEquals(1 - LORA_SCORES[i], losses.get(i), 1e-9, "the mean validation loss per rate");
        }
        assertEquals(0.12, (Double) lora.get("chosenLoss"), 1e-9);
        assertEquals(null, ((List<Double>) circ.get("losses")).get(4), "a diverged rate has no loss drawn");

        for (Map<String, Object> s : series) {
            List<Double> em = (List<Double>) s.get("expectedMax");
            List<Double> values = ((List<Double>) s.get("values")).stream().filter(v -> v != null).toList();
            assertEquals(values.size(), em.size(), "one budget per rate with a score");
            for (int n = 1; n < em.size(); n++) {
                assertTrue(em.get(n) >= em.get(n - 1) - 1e-12, "non-decreasing: " + em);
            }
            assertEquals(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), em.get(em.size() - 1), 1e-9,
                    "all rates tried: the best one");
            assertEquals(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), em.get(0), 1e-9,
                    "one rate at random: the mean");
        }

        String html = Files.readString(Report.generate(dir, List.of(), null).html());
        assertTrue(html.contains("id=\"chart-sensitivity\""), "the sensitivity figure is on the page");
        assertTrue(html.contains("id=\"chart-budget\""), "the expected-max figure is on the page");
        assertTrue(html.contains("id=\"chart-loss\"") && html.contains("tune.rank: loss"),
                "the validation-loss figure, saying when it chose the rates");
        assertTrue(html.contains("<td class=\"num\">0.120</td>"), "lora's chosen rate's loss in the table");
        assertTrue(html.contains("10 trial runs from"), html);
        assertTrue(html.contains("id=\"tuning-table\""), "the rates tried and the final runs' rate per cell");
    }

    @Test
    void aRunRecordedAsATrialAndAsAFinalRunWithDifferentResultsIsSaidInTheReport() throws Exception {
        RunFixtures f = new RunFixtures("same");
        f.validation(1e-2, 0.0).add("shared", "sst2", "lora", "lora", 1, RunStatus.DIVERGED, "non-finite loss NaN at step 168",
                Double.NaN, 73_728, 50);
        f.validation(1e-2, 0.0).add("agreed", "sst2", "lora", "lora", 2, RunStatus.COMPLETED, "", 0.83, 73_728, 50);
        f.validation(1e-2, 0.0).add("adopted", "sst2", "lora", "lora", 3, RunStatus.COMPLETED,
                RunRecord.ADOPTED + "trial adopted of same-tune", 0.84, 73_728, 50);
        Path dir = f.write(tmp);
        RunFixtures t = new RunFixtures("same-tune");
        t.validation(1e-2, 0.0).add("shared", "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.828, 73_728, 50);
        t.validation(1e-2, 0.0).add("agreed", "sst2", "lora", "lora", 2, RunStatus.COMPLETED, "", 0.83, 73_728, 50);
        t.validation(1e-2, 0.0).add("adopted", "sst2", "lora", "lora", 3, RunStatus.COMPLETED, "", 0.84, 73_728, 50);
        t.write(tmp);
        TuningResults tuning = TuningResults.beside(new ResultsLayout(dir), Report.load(dir)).orElseThrow();
        assertEquals(1, tuning.disagreements().size(), tuning.disagreements().toString());
        assertTrue(tuning.disagreements().get(0).startsWith("shared (sst2 · lora · seed 1): as a trial completed accuracy 0.828,"
                + " as a final run diverged accuracy NaN"), tuning.disagreements().get(0));
        Report.Result r = Report.generate(dir, List.of(), null);
        assertTrue(r.summary().contains("## Not reproduced: the same run as a trial and as a final run"), r.summary());
        assertTrue(Files.readString(r.html()).contains("id=\"tuning-disagreements\""));
        assertEquals(new TuningResults.Shared(1, 1, 1), tuning.shared(), "adopted, trained again alike, trained again unlike");
        assertTrue(Files.readString(r.html()).contains("3 final runs have a trial&#39;s run id (trials at the final budget): 1"
                + " adopted from the trial"), "the report says which final runs were adopted, not trained");
    }

    @Test
    void trialsOfTwoTuningsInOneFolderAreNamedNotSilentlyAveraged() throws Exception {
        RunFixtures f = new RunFixtures("mixed");
        f.validation(1e-3, 0.0).ok("sst2", "lora", 1, 0.85, 73_728, 50);
        Path dir = f.write(tmp);
        RunFixtures t = new RunFixtures("mixed-tune");
        for (int i = 0; i < 5; i++) {
            t.validation(LORA_RATES[i], 0.0).ok("sst2", "lora", 1, 0.80 + 0.01 * i, 73_728, 50);
        }
        // the same rate and seed once more under another run id: a trial of another budget left in the folder
        t.validation(1e-3, 0.0).add("other-budget", "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.70, 73_728, 50);
        t.write(tmp);
        TuningResults.Series s = TuningResults.beside(new ResultsLayout(dir), Report.load(dir)).orElseThrow()
                .tasks().get(0).series().get(0);
        assertTrue(s.chosenNote().startsWith("more than one tuning's trials at lr 1e-3 (a seed trained twice"), s.chosenNote());
        assertFalse(s.chosenNote().contains("3.16e-4"), "only the rate with two trials of one seed: " + s.chosenNote());
        assertEquals("", TuningResults.mixedTunings(t.runs().subList(0, 5)), "one tuning: nothing to say");
    }

    @Test
    void aChosenRateAtTheGridsEdgeIsFlagged() throws Exception {
        RunFixtures f = new RunFixtures("edge");
        f.validation(1e-2, 0.0).ok("sst2", "lora", 1, 0.85, 73_728, 50);
        Path dir = f.write(tmp);
        RunFixtures t = new RunFixtures("edge-tune").noValidationLoss();
        for (int i = 0; i < 5; i++) {
            t.validation(LORA_RATES[i], 0.0).ok("sst2", "lora", 1, 0.80 + 0.01 * i, 73_728, 50);
        }
        t.write(tmp);
        TuningResults.Series s = TuningResults.beside(new ResultsLayout(dir), Report.load(dir)).orElseThrow()
                .tasks().get(0).series().get(0);
        assertTrue(s.edge(), "1e-2 is the largest rate tried");
        assertTrue(s.chosenNote().contains("edge"), s.chosenNote());
        assertFalse(s.hasLoss(), "trials without a validation loss");
        String html = Files.readString(Report.generate(dir, List.of(), null).html());
        assertFalse(html.contains("id=\"chart-loss\""), "no loss figure without losses");
    }

    @Test
    void cleanAndPaperProtocolSideBySideAndTheVerdictsSayWhichTheyUse() throws Exception {
        Path dir = finalRuns();
        SuiteAggregate agg = Report.load(dir);
        ProtocolComparison p = ProtocolComparison.of(agg);
        ProtocolComparison.Line lora = p.lines().stream().filter(l -> l.key().row().method().equals("lora"))
                .findFirst().orElseThrow();
        assertEquals(87.3, lora.clean().mean(), 1e-9, "the headline: dev at the validation-chosen epoch");
        assertEquals(89.3, lora.paper().mean(), 1e-9, "the best dev epoch");
        assertEquals(2.0, lora.optimism(), 1e-9);
        assertEquals(3, p.lines().size());
        assertTrue(p.verdictNote().contains("epoch chosen on validation"), p.verdictNote());

        Report.Result r = Report.generate(dir, List.of(), null);
        String html = Files.readString(r.html());
        assertTrue(html.contains("id=\"protocol-table\""));
        assertTrue(html.contains("Paper protocol: best dev epoch (optimistic)"));
        assertTrue(html.contains("<td class=\"num\">87.30 ± 0.14</td>\n        <td class=\"num\">89.30 ± 0.14</td>"
                + "<td class=\"num\">+2.00</td>"), html);
        assertTrue(html.contains("id=\"verdict-protocol\""));
        assertTrue(r.summary().contains("epoch chosen on validation"), r.summary());
        assertTrue(html.contains("No tuning folder with trial rows"), "no tuned-tune folder in this test");

        Path dev = RunFixtures.glue("paper").write(tmp);
        String note = ProtocolComparison.of(Report.load(dev)).verdictNote();
        assertTrue(note.contains("epoch chosen on dev (paper protocol, optimistic"), note);
        assertTrue(ProtocolComparison.of(Report.load(dev)).lines().isEmpty());
    }

    @Test
    void checkFailsACleanRunAgainstADevSelectedBaselineAndSaysWhy() throws Exception {
        SuiteAggregate agg = Report.load(finalRuns());
        CheckRow dev = metricRow(agg, "dev");
        assertEquals(CheckStatus.FAIL, dev.status(), "within tolerance, but not like for like");
        assertTrue(dev.detail().startsWith("not like for like: the baseline's epoch was chosen on dev, these runs' on"
                + " validation"), dev.detail());
        assertTrue(dev.detail().contains("check --write-baseline"), dev.detail());
        assertEquals(CheckStatus.PASS, metricRow(agg, "validation").status());
        CheckRow unknown = metricRow(agg, "");
        assertEquals(CheckStatus.PASS, unknown.status(), "a baseline without a selection column");
        assertFalse(unknown.detail().contains("like for like"));
    }

    @Test
    void checkFailsACellTrainedAtAnotherRateThanItsBaselineAndSaysWhy() throws Exception {
        SuiteAggregate agg = Report.load(finalRuns());
        CheckRow moved = metricRow(agg, "validation", 3.16e-3);
        assertEquals(CheckStatus.FAIL, moved.status(), "within tolerance, but the baseline's runs used another rate");
        assertTrue(moved.detail().startsWith("not like for like: the baseline's runs used lr 3.16e-3, these runs 1e-3;"),
                moved.detail());
        assertTrue(moved.detail().contains("check --write-baseline"), moved.detail());
        assertEquals(CheckStatus.PASS, metricRow(agg, "validation", 1e-3 * (1 + 1e-12)).status(), "the same rate after a CSV round trip");
        CheckRow unknown = metricRow(agg, "validation", Double.NaN);
        assertEquals(CheckStatus.PASS, unknown.status(), "a baseline without a learning_rate column");
        assertFalse(unknown.detail().contains("like for like"));
    }

    private static CheckRow metricRow(SuiteAggregate agg, String selection) {
        return metricRow(agg, selection, 1e-3);
    }

    private static CheckRow metricRow(SuiteAggregate agg, String selection, double learningRate) {
        BaselineRow b = new BaselineRow(BaselineSource.REFERENCE, "all-minilm-l6-v2", "sst2", "lora", "lora",
                "accuracy", "mean", 87.3, 0.28, 2, 73_728, Double.NaN, "cpu", Double.NaN, Double.NaN, "", "", List.of(),
                "abc1234", "suite tuned", 0, learningRate, selection);
        return RegressionCheck.run(agg, List.of(b), CheckOptions.DEFAULTS).rows().stream()
                .filter(r -> r.check().equals("metric")).findFirst().orElseThrow();
    }
}
