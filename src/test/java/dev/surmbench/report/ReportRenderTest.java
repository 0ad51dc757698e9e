package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.baseline.BaselineCsv;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.results.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report and Markdown summary, rendered from fabricated runs (no browser). */
class ReportRenderTest {
    @TempDir
    Path tmp;

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<BaselineRow> peerBaselines() {
        return BaselineCsv.read(Path.of("baselines/peer-roberta-base-glue.csv"));
    }

    @Test
    void writesASelfContainedReportWithEverySection() throws Exception {
        Path dir = RunFixtures.glue("glue-small")
                .add("sst2", "lora", "lora", 4, RunStatus.DIVERGED, "loss became NaN at step 17", 0.5, 73_728, 50)
                .write(tmp);
        Report.Result r = Report.generate(dir, peerBaselines(), null);
        assertEquals(dir.resolve("report/index.html"), r.html());
        String html = Files.readString(r.html(), StandardCharsets.UTF_8);
        for (String id : List.of("id=\"provenance\"", "id=\"main-table\"", "id=\"params-table\"", "id=\"claims\"",
                "id=\"comparisons-table\"", "id=\"chart-quality\"", "id=\"chart-throughput\"", "<details class=\"run\"")) {
            assertTrue(html.contains(id), id);
        }
        assertEquals(4, count(section(html, "<tbody class=\"ours\">"), "<tr data-source=\"ours\">"), "one row per method");
        assertTrue(html.contains("GLUE average"));
        assertTrue(html.contains("88.03 ± 0.35"), "lora sst2 mean ± std in points");
        assertTrue(html.contains("1 diverged"), "the diverged run is shown in its cell");
        assertTrue(html.contains("loss became NaN at step 17"));
        assertTrue(html.contains("class=\"num best\""), "best per column is marked");
        assertTrue(html.contains("data-source=\"peer\""), "peer baseline rows beside ours");
        assertTrue(html.contains("arXiv:2405.03003") && html.contains("arXiv:2407.19342v4"));
        assertTrue(html.contains("not tested by this suite"), "claim 1 has no image tasks here");
        assertTrue(html.contains("Apache Software Foundation"), "ECharts is inlined");
        assertFalse(Pattern.compile("<script[^>]+src=").matcher(html).find(), "no external script");
        assertFalse(html.contains("http://") && html.contains("<link"), "no external stylesheet");
        String md = Files.readString(r.markdown());
        assertTrue(md.contains("| lora | ours |"), md);
        assertTrue(md.contains("not tested by this suite"), md);
        assertTrue(md.contains("loss became NaN at step 17"), md);
    }

    @Test
    void trivialFloorIsARowOfItsOwnAndCellsAtTheFloorAreMarked() throws Exception {
        // cola floor 0.41 (MCC in points 41): lora (40.0 ± 0.4) and circulant sit at it, adapter (42.0) is above
        // its floor by less than its interval; sst2 floor 0.50: every row clearly beats it.
        RunFixtures f = new RunFixtures("floor").trivial("sst2", 0.50).trivial("cola", 0.41);
        double[] noise = {0.0, 0.004, -0.003};
        for (int s = 1; s <= 3; s++) {
            f.ok("sst2", "lora", s, 0.880 + noise[s - 1], 73_728, 50);
            f.ok("sst2", "adapter", s, 0.886 + noise[s - 1], 600_000, 40);
            f.ok("cola", "lora", s, 0.400 + noise[s - 1], 73_728, 50);
            f.ok("cola", "adapter", s, 0.600 + noise[s - 1], 600_000, 40);
        }
        Report.Result r = Report.generate(f.write(tmp), List.of(), null);
        String html = Files.readString(r.html(), StandardCharsets.UTF_8);
        String ours = section(html, "<tbody class=\"ours\">");
        assertEquals(1, count(ours, "<tr data-source=\"trivial\""), "one trivial row beside ours");
        assertEquals(1, count(ours, "≈ trivial"), "only cola · lora is marked");
        assertTrue(html.contains("1 of 4 cells do not clearly beat the trivial predictor"), html);
        assertTrue(html.contains("cola · lora."), "the cell is named");
        String md = Files.readString(r.markdown());
        assertTrue(md.contains("| trivial (majority class) | trivial | 41.00 | 50.00 | 45.50 |"), md);
    }

    @Test
    void resultsWithoutAFloorShowNoTrivialRow() throws Exception {
        Report.Result r = Report.generate(RunFixtures.glue("nofloor").write(tmp), List.of(), null);
        String html = Files.readString(r.html(), StandardCharsets.UTF_8);
        assertFalse(html.contains("data-source=\"trivial\""));
        assertFalse(html.contains("≈ trivial"));
        assertFalse(Files.readString(r.markdown()).contains("trivial"));
    }

    @Test
    void outputIsDeterministic() throws Exception {
        Path dir = RunFixtures.glue("det").write(tmp);
        String first = Files.readString(Report.generate(dir, peerBaselines(), null).html());
        String second = Files.readString(Report.generate(dir, peerBaselines(), null).html());
        assertEquals(first, second);
    }

    @Test
    void scriptInTaskAndMethodNamesRendersAsText() throws Exception {
        String evil = "<script>alert(1)</script>";
        Path dir = new RunFixtures("evil").ok(evil, evil, 1, 0.5, 100, 3).ok(evil, evil, 2, 0.6, 100, 3)
                .ok(evil, "lora", 1, 0.4, 200, 3).write(tmp);
        Report.Result r = Report.generate(dir, List.of(), null);
        String html = Files.readString(r.html());
        assertFalse(html.contains(evil), "raw script tag must not appear");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped as text in HTML");
        assertTrue(html.contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E")
                || html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), "escaped inside the chart JSON");
        assertEquals(3, count(html.toLowerCase(java.util.Locale.ROOT), "<script"),
                "exactly the chart-data, ECharts and chart-code script elements");
        String md = Files.readString(r.markdown());
        assertFalse(md.contains(evil));
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md);
    }

    @Test
    void provenanceIsReadDefensivelyFromRunJson() throws Exception {
        RunFixtures f = new RunFixtures("prov").ok("rte", "lora", 1, 0.7, 10, 1).ok("rte", "lora", 2, 0.72, 10, 1)
                .ok("rte", "lora", 3, 0.71, 10, 1);
        Path dir = f.write(tmp);
        dev.surmbench.results.ResultsLayout layout = new dev.surmbench.results.ResultsLayout(dir);
        List<String> ids = f.runs().stream().map(dev.surmbench.results.RunRecord::runId).toList();
        String json = "{\"config\": {}, \"epochs\": [], \"provenance\": {\"git_commit\": \"abc1234\", \"git_dirty\": false,"
                + " \"dataset_sha256\": {\"rte/train.tsv\": \"9f86d081884c7d65\"}, \"versions\": {\"djl\": \"0.36.0\","
                + " \"pytorch\": \"%s\", \"java\": \"17.0.15\"}, \"cpu\": \"Xeon\", \"threads\": 2}}";
        Files.createDirectories(layout.runJson(ids.get(0)).getParent());
        Files.writeString(layout.runJson(ids.get(0)), json.formatted("2.7.1"));
        Files.createDirectories(layout.runJson(ids.get(1)).getParent());
        Files.writeString(layout.runJson(ids.get(1)), json.formatted("2.5.0"));
        Files.createDirectories(layout.runJson(ids.get(2)).getParent());
        Files.writeString(layout.runJson(ids.get(2)), "{ not json");
        String html = Files.readString(Report.generate(dir, List.of(), null).html());
        assertTrue(html.contains("rte/train.tsv") && html.contains("9f86d081884c7d65"), "dataset checksum shown");
        assertTrue(html.contains("2.5.0, 2.7.1, unknown") && html.contains("differs across runs"), "pytorch versions differ");
        assertTrue(html.contains("run.json found for 2 of 3 runs; unreadable: runs/" + ids.get(2) + "/run.json"), "unreadable listed");
        assertTrue(html.contains("<th>gpu</th><td>unknown</td>"), "a missing key reads unknown");
    }

    private static String section(String html, String start) {
        int i = html.indexOf(start);
        return html.substring(i, html.indexOf("</tbody>", i));
    }
}
