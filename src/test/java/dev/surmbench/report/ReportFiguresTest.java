package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.render.ChartData;
import dev.surmbench.report.render.LearningCurves;
import dev.surmbench.report.stats.Summary;
import dev.surmbench.results.ResultsLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures' data and captions, the main table's parameter column, the run lines' epochs and the claims' texts. */
class ReportFiguresTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(ChartData c, String name) {
        return (Map<String, Object>) c.json().get(name);
    }

    @Test
    void oneSeedDrawsNoErrorBarsAndSaysSo() throws Exception {
        RunFixtures f = new RunFixtures("one-seed");
        f.ok("sst2", "lora", 1, 0.88, 73_728, 50).ok("cola", "lora", 1, 0.40, 73_728, 5);
        f.ok("sst2", "circulant", 1, 0.87, 18_432, 45).ok("cola", "circulant", 1, 0.41, 18_432, 4);
        Path dir = f.write(tmp);
        SuiteAggregate agg = Report.load(dir);
        ChartData c = ChartData.of(agg, LearningCurves.collect(new ResultsLayout(dir), agg));
        Map<String, Object> t = part(c, "throughput");
        // one seed: the bar is that seed's mean over tasks, and no spread over tasks is drawn as if it were over seeds
        assertEquals(List.of(27.5, 24.5), t.get("mean"));
        assertEquals(java.util.Arrays.asList(null, null), t.get("std"));
        assertTrue(c.throughput().contains("No error bars"), c.throughput());
        assertFalse(c.throughput().contains("±"), c.throughput());
        assertTrue(c.quality().contains("No error bars"), c.quality());
        assertTrue(c.curves().startsWith("No learning curves"), "no run.json written: " + c.curves());
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeSeedsDrawBarsOverSeedsPerSeedPointsTheFrontAndLearningCurves() throws Exception {
        RunFixtures f = RunFixtures.glue("three-seeds");
        Path dir = f.write(tmp);
        f.writeEpochs(dir);
        SuiteAggregate agg = Report.load(dir);
        ChartData c = ChartData.of(agg, LearningCurves.collect(new ResultsLayout(dir), agg));

        Map<String, Object> t = part(c, "throughput");
        assertEquals(List.of("lora", "adapter", "circulant", "circulant-adapter"), t.get("labels"));
        assertEquals(List.of(3, 3, 3, 3), t.get("seeds"));
        assertEquals(0.0, (Double) ((List<?>) t.get("std")).get(0), 1e-12, "lora's throughput is the same for every seed");
        assertTrue(c.throughput().contains("±1 sample standard deviation over seeds"), c.throughput());

        List<Map<String, Object>> points = (List<Map<String, Object>>) part(c, "quality").get("points");
        Map<String, Object> lora = points.stream().filter(p -> p.get("name").equals("lora")).findFirst().orElseThrow();
        List<Double> seeds = (List<Double>) lora.get("seeds");
        assertEquals(3, seeds.size());
        Summary s = Summary.of(seeds.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals((double) lora.get("y"), s.mean(), 1e-9, "the large point is the mean of the seed points");
        assertEquals((double) lora.get("high") - (double) lora.get("y"), s.std(), 1e-9, "the bar is ±1 std over seeds");
        // fewest parameters first: circulant-adapter (13,824) starts the front; adapter (600,000) is the best average
        List<String> front = (List<String>) part(c, "quality").get("front");
        assertEquals("circulant-adapter", front.get(0));
        assertTrue(front.contains("adapter") && !front.contains("lora"), front.toString());

        List<Map<String, Object>> curves = (List<Map<String, Object>>) ((Map<String, Object>) c.json().get("curves")).get("tasks");
        assertEquals(agg.tasks(), curves.stream().map(m -> m.get("task")).toList(), "in the main table's task order");
        Map<String, Object> sst2 = curves.get(agg.tasks().indexOf("sst2"));
        Map<String, Object> sst2Lora = ((List<Map<String, Object>>) sst2.get("series")).get(0);
        assertEquals("lora", sst2Lora.get("name"));
        List<Double> mean = (List<Double>) sst2Lora.get("mean");
        assertEquals(List.of(1, 2, 3), sst2.get("epochs"));
        assertEquals(88.0 + (0.0 + 0.4 - 0.3) / 3, mean.get(1), 1e-9, "epoch 2 is the recorded best, ×100, mean over seeds");
        assertEquals(mean.get(1) - 2.0, mean.get(0), 1e-9);
        assertEquals(List.of(3, 3, 3), sst2Lora.get("seeds"));
        assertTrue(c.curves().contains("from 24 runs' run.json"), c.curves());
    }

    @Test
    void mainTableShowsTrainableParametersAndRunLinesCountEpochsFromOne() throws Exception {
        RunFixtures f = RunFixtures.glue("params");
        Path dir = f.write(tmp);
        Report.Result r = Report.generate(dir, List.of(), null);
        String html = Files.readString(r.html());
        assertTrue(html.contains("Trainable params"), "the main table has a parameter column");
        assertTrue(html.contains("<td class=\"num params\">73,728</td>"), "lora's stored count");
        assertTrue(html.contains("best 2 of 3 (1-based"), "0-based best_epoch 1 prints as epoch 2");
        assertFalse(html.contains("best 1 of 3"));
        assertTrue(Files.readString(r.markdown()).contains("| 600,000 |"), "the Markdown table has the column too");
        // the answer first, provenance last
        int summary = html.indexOf("<section id=\"summary\">");
        int figures = html.indexOf("<section id=\"figures\">");
        int provenance = html.indexOf("<section id=\"provenance\">");
        assertTrue(summary > 0 && summary < figures && figures < html.indexOf("<section id=\"claims\">")
                && html.indexOf("<section id=\"runs\">") < provenance, "summary, figures, details, runs, provenance");
    }

    /** Every number in the claims' titles and rules is one of Claims' constants (or the 2 seeds a test needs). */
    @Test
    void claimTextsTakeTheirNumbersFromTheConstants() {
        List<String> allowed = List.of(Fmt.plain(Claims.BAND_LOW), Fmt.plain(Claims.BAND_HIGH), Fmt.plain(Claims.ALPHA),
                Fmt.plain(100 * (1 - Claims.ALPHA)).substring(0, 2), Fmt.plain(Claims.QUALITY_MARGIN),
                Fmt.plain(Claims.MIN_RATIO), Fmt.plain(Claims.CLAIMED_RATIO), "2");
        for (String text : List.of(Claims.TITLE_1, Claims.TITLE_2, Claims.RULE_1, Claims.RULE_2)) {
            Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
            while (m.find()) {
                assertTrue(allowed.contains(m.group()), "'" + m.group() + "' in: " + text);
            }
        }
        assertTrue(Claims.RULE_2.contains("≥ " + Fmt.plain(Claims.MIN_RATIO) + "× fewer parameters"));
        assertTrue(Claims.RULE_2.contains(Fmt.plain(Claims.QUALITY_MARGIN) + "-point margin"));
        assertTrue(Claims.TITLE_1.contains(Fmt.plain(Claims.BAND_LOW) + "–" + Fmt.plain(Claims.BAND_HIGH) + " points"));
        assertEquals("5", Fmt.plain(5.0));
        assertEquals("0.05", Fmt.plain(0.05));
    }
}
