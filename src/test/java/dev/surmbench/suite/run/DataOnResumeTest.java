package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.cli.Main;
import dev.surmbench.data.TestData;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.util.Sha256;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The data a run reads, through the real {@code run} command on a copy of RTE: an empty split fails
 * the run with its reason (it was recorded as completed with 0 steps); a recorded run whose data
 * files changed since is not skipped on resume (it was) — the suite refuses, and trains it again when
 * told to.
 */
class DataOnResumeTest {
    private static final Path RTE = TestData.realGlueDir().resolve("RTE");

    @TempDir
    Path dir;

    private Path glue;

    @BeforeEach
    void suite() throws Exception {
        glue = Files.createDirectories(dir.resolve("glue/RTE"));
        Files.writeString(dir.resolve("tiny.yaml"), SuiteProcesses.tinySuite("tiny", "[linear-probe]", "[1]")
                .replace("defaults:\n", "defaults:\n  glue_dir: " + dir.resolve("glue") + "\n"));
    }

    private record Result(int code, String err) {}

    private Result run(String... extra) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = dir.resolve("tiny.yaml").toString();
        args[2] = "--out=" + dir.resolve("out");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new Result(cli.execute(args), err.toString());
    }

    /** The first {@code lines} lines of the real RTE file (header included). */
    private void copy(String file, int lines) throws Exception {
        Files.write(glue.resolve(file), Files.readAllLines(RTE.resolve(file)).subList(0, lines));
    }

    private Path rows() {
        return dir.resolve("out/tiny/runs.csv");
    }

    @Test
    void anEmptySplitFailsTheRunWithItsReason() throws Exception {
        copy("train.tsv", 1);
        copy("dev.tsv", 41);
        Result emptyTrain = run();
        assertEquals(1, emptyTrain.code(), emptyTrain.err());
        RunRecord row = RunsCsv.read(rows()).get(0);
        assertEquals(RunStatus.FAILED, row.status());
        assertEquals("IllegalArgumentException: rte: the training split has no examples (data files RTE/train.tsv, "
                + "RTE/dev.tsv); a run needs at least one example in each — restore the file (a header alone is empty)",
                row.statusDetail());
        assertEquals(0, row.steps());

        copy("train.tsv", 41);
        copy("dev.tsv", 1);
        Result emptyDev = run("--retry-failed");
        assertEquals(1, emptyDev.code(), emptyDev.err());
        row = RunsCsv.read(rows()).get(0);
        assertEquals(RunStatus.FAILED, row.status());
        assertTrue(row.statusDetail().startsWith("IllegalArgumentException: rte: the evaluation split has no examples"),
                row.statusDetail());
    }

    @Test
    void aRunRecordedOnOtherDataIsNotSkippedOnResume() throws Exception {
        copy("train.tsv", 41);
        copy("dev.tsv", 41);
        assertEquals(0, run().code());
        byte[] recorded = Files.readAllBytes(rows());
        String runId = RunsCsv.read(rows()).get(0).runId();

        copy("train.tsv", 61); // the training file is "fixed": more rows
        Result refused = run();
        assertEquals(Main.EXIT_BAD_INPUT, refused.code(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().startsWith(dir.resolve("out/tiny") + ": 1 recorded run(s) were trained on other data "
                + "than the files present now — RTE/train.tsv recorded "), refused.err());
        assertTrue(refused.err().contains("(run " + runId + "). To train them again on the present files (their rows are "
                + "replaced) add --rerun-changed-data; to keep these results, use another --out."), refused.err());
        assertArrayEquals(recorded, Files.readAllBytes(rows()), "runs.csv is left as it was");

        assertEquals(0, run("--rerun-changed-data").code());
        List<RunRecord> after = RunsCsv.read(rows());
        assertEquals(1, after.size());
        assertEquals(RunStatus.COMPLETED, after.get(0).status());
        String now = RunJson.readTree(new ResultsLayout(dir.resolve("out/tiny")).runJson(runId))
                .path("provenance").path("dataset_sha256").path("RTE/train.tsv").asText();
        assertEquals(Sha256.of(glue.resolve("train.tsv")), now);

        byte[] retrained = Files.readAllBytes(rows());
        assertEquals(0, run().code(), "the same data again: skipped");
        assertArrayEquals(retrained, Files.readAllBytes(rows()));
    }
}
