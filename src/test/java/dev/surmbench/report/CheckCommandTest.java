package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.cli.Main;
import dev.surmbench.results.RunStatus;
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
 * The regression gate through the real command line: a reference baseline is written from fabricated
 * results, then the check runs on unchanged, regressed, incomplete and failing results.
 */
class CheckCommandTest {
    @TempDir
    Path tmp;
    Path baseline;

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @BeforeEach
    void writeReferenceBaseline() throws Exception {
        Path ref = RunFixtures.glue("nightly").write(tmp.resolve("reference"));
        baseline = tmp.resolve("nightly-baseline.csv");
        Result w = run("check", ref.toString(), "--write-baseline", baseline.toString());
        assertEquals(0, w.exitCode(), w.err());
        assertTrue(w.out().contains("wrote 8 reference rows"), w.out());
    }

    /** The reference suite with changes applied to a copy of its fixture. */
    private Path results(RunFixtures f) throws Exception {
        return f.write(tmp.resolve("current"));
    }

    @Test
    void unchangedRunPasses() throws Exception {
        Result r = run("check", results(RunFixtures.glue("nightly")).toString(), "--baseline", baseline.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("CHECK PASSED"), r.out());
        assertFalse(r.out().contains("FAIL "), r.out());
        assertTrue(r.out().contains("PASS    metric"), r.out());
    }

    @Test
    void fabricatedRegressionFailsNamingTheOffendingRow() throws Exception {
        RunFixtures f = new RunFixtures("nightly");
        for (var run : RunFixtures.glue("nightly").runs()) {
            boolean regressed = run.task().equals("cola") && run.method().equals("circulant-adapter");
            f.ok(run.task(), run.method(), run.seed(), regressed ? run.bestValue() - 0.03 : run.bestValue(),
                    run.trainableStored(), run.trainExamplesPerSecond());
        }
        Result r = run("check", results(f).toString(), "--baseline", baseline.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("CHECK FAILED"), r.out());
        assertTrue(r.out().contains("FAILED metric cola × circulant-adapter [mcc]: dropped by 3.00 points"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("FAILED")).count(), "only the regressed row fails");
    }

    @Test
    void dropWithinTheDefaultToleranceOfOnePointPasses() throws Exception {
        RunFixtures f = new RunFixtures("nightly");
        for (var run : RunFixtures.glue("nightly").runs()) {
            f.ok(run.task(), run.method(), run.seed(), run.bestValue() - 0.008, run.trainableStored(),
                    run.trainExamplesPerSecond());
        }
        assertEquals(0, run("check", results(f).toString(), "--baseline", baseline.toString()).exitCode());
        Result strict = run("check", results(f).toString(), "--baseline", baseline.toString(), "--tolerance", "0.5");
        assertEquals(1, strict.exitCode(), "a suite-wide tolerance of 0.5 points catches the 0.8-point drop");
        assertTrue(strict.out().contains("more than suite tolerance"), strict.out());
    }

    @Test
    void missingRunIsReported() throws Exception {
        RunFixtures f = new RunFixtures("nightly");
        RunFixtures.glue("nightly").runs().stream()
                .filter(run -> !(run.task().equals("sst2") && run.method().equals("lora") && run.seed() == 3))
                .filter(run -> !(run.task().equals("cola") && run.method().equals("adapter")))
                .forEach(run -> f.ok(run.task(), run.method(), run.seed(), run.bestValue(), run.trainableStored(),
                        run.trainExamplesPerSecond()));
        Result r = run("check", results(f).toString(), "--baseline", baseline.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("FAILED runs sst2 × lora: missing run(s): 2 of 3 completed"), r.out());
        assertTrue(r.out().contains("FAILED runs cola × adapter: missing: no run of this task × method"), r.out());
    }

    @Test
    void divergedRunChangedParametersAndSlowThroughputFail() throws Exception {
        RunFixtures f = new RunFixtures("nightly");
        for (var run : RunFixtures.glue("nightly").runs()) {
            boolean slow = run.method().equals("adapter") && run.task().equals("sst2");
            long params = run.method().equals("circulant") && run.task().equals("sst2") ? 36_864 : run.trainableStored();
            f.ok(run.task(), run.method(), run.seed(), run.bestValue(), params,
                    slow ? run.trainExamplesPerSecond() / 3 : run.trainExamplesPerSecond());
        }
        f.add("cola", "lora", "lora", 4, RunStatus.DIVERGED, "loss became NaN at step 9", 0.1, 73_728, 50);
        Result r = run("check", results(f).toString(), "--baseline", baseline.toString(), "--throughput-ratio", "0.5");
        assertEquals(1, r.exitCode(), r.out());
        List<String> failed = r.out().lines().filter(l -> l.startsWith("FAILED")).toList();
        assertEquals(3, failed.size(), r.out());
        assertTrue(failed.get(0).contains("status cola × lora: run nightly-cola-lora-s4 (seed 4) diverged: loss became NaN"),
                failed.toString());
        assertTrue(r.out().contains("FAILED params sst2 × circulant: trainable parameters changed: nightly-sst2-circulant-s1=36864"),
                r.out());
        assertTrue(r.out().contains("FAILED throughput sst2 × adapter [train_examples_per_s]: throughput fell to 0.3× of the baseline"), r.out());
    }

    @Test
    void badInputIsExitCodeTwo() throws Exception {
        Path current = results(RunFixtures.glue("nightly"));
        assertEquals(Main.EXIT_BAD_INPUT, run("check", current.toString()).exitCode(), "--baseline is required");
        assertEquals(Main.EXIT_BAD_INPUT, run("check", tmp.resolve("nope").toString(), "--baseline", baseline.toString())
                .exitCode());
        Path other = tmp.resolve("other.csv");
        Files.writeString(other, Files.readString(baseline).replace("all-minilm-l6-v2", "roberta-base"));
        Result r = run("check", current.toString(), "--baseline", other.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("none of the 8 baseline rows is for backbone(s) [all-minilm-l6-v2]"), r.err());
        Path broken = tmp.resolve("broken.csv");
        Files.writeString(broken, Files.readString(baseline).replaceFirst("\nreference,", "\nrefrence,"));
        Result b = run("check", current.toString(), "--baseline", broken.toString());
        assertEquals(Main.EXIT_BAD_INPUT, b.exitCode());
        assertTrue(b.err().contains(broken + ":2: field 'source'"), b.err());
    }

    @Test
    void reportCommandWritesHtmlAndPrintsTheSummary() throws Exception {
        Path current = results(RunFixtures.glue("nightly"));
        Result r = run("report", current.toString(), "--baseline", baseline.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(current.resolve("report/index.html")));
        assertTrue(r.out().contains("# surm-bench report: nightly"), r.out());
        assertTrue(r.out().contains("| lora · all-minilm-l6-v2 | reference [1] |"), "reference rows beside ours: " + r.out());
        assertEquals(Main.EXIT_BAD_INPUT, run("report", tmp.resolve("missing").toString()).exitCode());
    }
}
