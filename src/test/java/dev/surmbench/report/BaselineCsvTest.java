package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.baseline.BaselineCsv;
import dev.surmbench.report.baseline.BaselineFormatException;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.report.baseline.BaselineSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline schema: the committed files parse, every row has a source, malformed rows are named. */
class BaselineCsvTest {
    @TempDir
    Path tmp;

    static final String HEADER = String.join(",", BaselineCsv.COLUMNS) + "\n";

    @Test
    void committedBaselinesParseAndCiteTheirSource() {
        List<BaselineRow> rows = BaselineCsv.readDirectory(Path.of("baselines"));
        assertTrue(rows.size() >= 96, "peer rows: " + rows.size());
        for (BaselineRow r : rows) {
            assertTrue(!r.provenance().isBlank(), "row " + r.line() + " has a source");
            assertTrue(r.value() > -100 && r.value() <= 100, "points: " + r.value());
        }
        BaselineRow lora = rows.stream().filter(r -> r.citation().contains("2405.03003") && r.method().equals("lora")
                && r.task().equals("cola")).findFirst().orElseThrow();
        assertEquals(63.4, lora.value());
        assertEquals(1.2, lora.std());
        assertEquals("mcc", lora.metric());
        assertEquals("median", lora.statistic());
        BaselineRow c3a = rows.stream().filter(r -> r.label().equals("C3A b=768/1 (0.018M)") && r.task().equals("stsb"))
                .findFirst().orElseThrow();
        assertEquals(90.46, c3a.value());
        assertEquals(18_000, c3a.trainableParams());
        assertEquals(-1, c3a.n(), "the C3A caption does not state n, so it stays empty");
    }

    @Test
    void malformedRowNamesFileLineAndField() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "# comment\n" + HEADER
                + "peer,roberta-base,sst2,lora,,accuracy,,94.5,0.4,,,,,,Someone 2024,Table 1,,,\n"
                + "peer,roberta-base,rte,lora,,accuracy,,seventy,,,,,,,Someone 2024,Table 1,,,\n");
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(f));
        assertTrue(e.getMessage().startsWith(f + ":4: field 'value': not a number: 'seventy'"), e.getMessage());
    }

    @Test
    void aNumberWithoutASourceIsRejected() throws Exception {
        Path f = tmp.resolve("nosource.csv");
        Files.writeString(f, HEADER + "paper,,sst2,lora,,accuracy,,94.5,,,,,,,,,,,\n");
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(f));
        assertTrue(e.getMessage().contains(":2: field 'citation'"), e.getMessage());
        Path g = tmp.resolve("noref.csv");
        Files.writeString(g, HEADER + "reference,,sst2,lora,,accuracy,,94.5,,,,,,,,,run-1,,\n");
        assertTrue(assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(g)).getMessage()
                .contains("field 'git_commit'"));
    }

    @Test
    void headerAndDuplicatesAreChecked() throws Exception {
        Path f = tmp.resolve("header.csv");
        Files.writeString(f, "source,task,value\npeer,sst2,1\n");
        assertTrue(assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(f)).getMessage()
                .contains(":1: field 'header'"));
        Path d = tmp.resolve("dup.csv");
        String row = "peer,rb,sst2,lora,,accuracy,,94.5,,,,,,,X 2024,T1,,,\n";
        Files.writeString(d, HEADER + row + row);
        assertTrue(assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(d)).getMessage()
                .contains(":3: field 'task/method/label/metric': duplicate of line 2"));
    }

    @Test
    void writeThenReadRoundTrips() throws Exception {
        BaselineRow r = new BaselineRow(BaselineSource.REFERENCE, "all-minilm-l6-v2", "sst2", "lora", "lora r=4",
                "accuracy", "mean", 88.0333, 0.3512, 3, 73_728, 50.0, "cuda", 1.5, 0.5, "", "",
                List.of("run-a", "run-b", "run-c"), "abc1234", "suite nightly, \"quoted\"", 0);
        Path f = tmp.resolve("ref.csv");
        BaselineCsv.write(f, List.of(r));
        BaselineRow back = BaselineCsv.read(f).get(0);
        assertEquals(new BaselineRow(r.source(), r.backbone(), r.task(), r.method(), r.label(), r.metric(), r.statistic(),
                r.value(), r.std(), r.n(), r.trainableParams(), r.trainExamplesPerSecond(), r.device(), r.tolerance(),
                r.minThroughputRatio(), r.citation(), r.table(), r.runIds(), r.gitCommit(), r.notes(), 2), back);
    }

    @Test
    void theLearningRateAndSelectionRoundTripAndOldFilesReadWithoutThem() throws Exception {
        BaselineRow r = new BaselineRow(BaselineSource.REFERENCE, "all-minilm-l6-v2", "stsb", "circulant", "circulant",
                "spearman", "mean", 76.06, 0.5, 3, 1_536, 280.0, "cpu", Double.NaN, Double.NaN, "", "", List.of("a", "b", "c"),
                "abc1234", "suite glue", 0, 0.0173, "validation");
        Path f = tmp.resolve("ref.csv");
        BaselineCsv.write(f, List.of(r));
        assertTrue(Files.readString(f).startsWith(String.join(",", BaselineCsv.COLUMNS) + "\n"));
        BaselineRow back = BaselineCsv.read(f).get(0);
        assertEquals(0.0173, back.learningRate());
        assertEquals("validation", back.selection());
        Files.writeString(f, Files.readString(f).replace(",0.0173,validation,", ",0.0173,paper,"));
        assertTrue(assertThrows(BaselineFormatException.class, () -> BaselineCsv.read(f)).getMessage()
                .contains(":2: field 'selection': 'paper' is not one of validation"));
        // a file of the columns before learning_rate and selection: not known
        Path old = tmp.resolve("old.csv");
        Files.writeString(old, String.join(",", BaselineCsv.COLUMNS.stream()
                .filter(c -> !c.equals("learning_rate") && !c.equals("selection")).toList())
                + "\nreference,m,stsb,lora,,spearman,mean,78.57,,3,,,,,,,x y z,abc,,cpu\n");
        BaselineRow before = BaselineCsv.read(old).get(0);
        assertTrue(Double.isNaN(before.learningRate()));
        assertEquals("", before.selection());
    }
}
