package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.TestData;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run}'s preflight, retry policy and filters, and {@code check} against another suite's
 * baseline, through the real command line on a copy of RTE (1-layer MiniLM, a few examples: seconds).
 */
class RunOptionsTest {
    private static final Path RTE = TestData.realGlueDir().resolve("RTE");

    @TempDir
    Path dir;

    private Path glue;

    @BeforeEach
    void suite() throws Exception {
        glue = dir.resolve("glue");
        Files.createDirectories(glue);
        Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                defaults:
                  glue_dir: %s
                  layers: 1
                  max_length: 16
                  batch_size: 8
                  epochs: 1
                  train_limit: 16
                  eval_limit: 16
                tasks: [rte]
                methods: [linear-probe, bitfit]
                seeds: [1, 2]
                """.formatted(glue));
    }

    record Result(int code, String out, String err) {}

    /** {@code run tiny.yaml --out OUT extra...}; the run log (System.out) is captured too. */
    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", dir.resolve("tiny.yaml").toString(), "--out=" + dir.resolve("out")));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private static Result cli(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        PrintStream console = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        if (args[0].equals("run")) { // run logs on System.out; the other commands write to the CLI's writers
            System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        }
        try {
            int code = cli.execute(args);
            return new Result(code, out + log.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(console);
        }
    }

    private void copyRte(String file, int lines) throws Exception {
        Files.createDirectories(glue.resolve("RTE"));
        Files.write(glue.resolve("RTE").resolve(file), Files.readAllLines(RTE.resolve(file)).subList(0, lines));
    }

    private List<RunRecord> rows() {
        return RunsCsv.read(dir.resolve("out/tiny/runs.csv"));
    }

    @Test
    void missingDataIsOneLineAndExit2WithNothingWrittenThenTheSuiteRunsWithoutCleanup() throws Exception {
        Result missing = run("--seed", "1", "--method", "linear-probe");
        assertEquals(Main.EXIT_BAD_INPUT, missing.code(), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("GLUE task rte: no RTE/train.tsv under " + glue), missing.err());
        assertTrue(missing.err().contains("set GLUE_DIR=/path/to/glue"), missing.err());
        assertFalse(Files.exists(dir.resolve("out/tiny/runs.csv")), "no row, not even runs.csv");
        assertFalse(Files.exists(dir.resolve("out/tiny/runs")), "no run.json");

        copyRte("train.tsv", 41);
        copyRte("dev.tsv", 41);
        Result ran = run("--seed", "1", "--method", "linear-probe");
        assertEquals(0, ran.code(), ran.err() + ran.out());
        assertEquals(1, rows().size());
        assertEquals(RunStatus.COMPLETED, rows().get(0).status());
    }

    @Test
    void aBrokenTsvIsRefusedBeforeTrainingWithFileAndLine() throws Exception {
        copyRte("train.tsv", 41);
        copyRte("dev.tsv", 41);
        List<String> lines = new ArrayList<>(Files.readAllLines(glue.resolve("RTE/train.tsv")));
        lines.set(2, lines.get(2).replaceAll("\t(not_)?entailment$", "\tmaybe"));
        Files.write(glue.resolve("RTE/train.tsv"), lines);
        Result r = run();
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(glue.resolve("RTE/train.tsv") + ":3: label 'maybe'"), r.err());
        assertFalse(Files.exists(dir.resolve("out/tiny/runs.csv")));
    }

    @Test
    void failedRunsAreRetriedByDefaultAndKeptWithKeepFailures() throws Exception {
        copyRte("train.tsv", 1); // a header alone: the run fails (a result of the run, recorded)
        copyRte("dev.tsv", 41);
        assertEquals(1, run("--method", "linear-probe", "--seed", "1").code());
        assertEquals(RunStatus.FAILED, rows().get(0).status());

        copyRte("train.tsv", 41);
        Result kept = run("--method", "linear-probe", "--seed", "1", "--keep-failures");
        assertEquals(1, kept.code());
        assertTrue(kept.out().contains("keeping 1 run(s) recorded as failed (--keep-failures)"), kept.out());
        assertTrue(kept.out().contains("already failed, skipped"), kept.out());
        assertEquals(RunStatus.FAILED, rows().get(0).status());

        Result retried = run("--method", "linear-probe", "--seed", "1");
        assertEquals(0, retried.code(), retried.err() + retried.out());
        assertTrue(retried.out().contains("retrying 1 run(s) recorded as failed; --keep-failures to keep them"), retried.out());
        assertEquals(RunStatus.COMPLETED, rows().get(0).status());
    }

    @Test
    void filtersKeepRunIdsAndUnknownNamesAreRefused() throws Exception {
        copyRte("train.tsv", 41);
        copyRte("dev.tsv", 41);
        Result listed = cli("validate", dir.resolve("tiny.yaml").toString(), "--method", "bitfit");
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("method bitfit keeps 2 runs, recorded as suite tiny:"), listed.out());

        Result one = run("--task", "RTE", "--method=bitfit", "--seed", "2");
        assertEquals(0, one.code(), one.err() + one.out());
        assertTrue(one.out().contains("suite tiny v1: 1 runs of 4 (task RTE, method bitfit, seed 2)"), one.out());
        String filteredId = rows().get(0).runId();

        assertEquals(0, run("--method", "linear-probe,bitfit").code());
        List<RunRecord> rows = rows();
        assertEquals(4, rows.size());
        RunRecord same = rows.stream().filter(r -> r.method().equals("bitfit") && r.seed() == 2).findFirst().orElseThrow();
        assertEquals(filteredId, same.runId(), "a filter never changes a run id");
        assertTrue(listed.out().contains("  " + filteredId + " rte bitfit seed 2"), listed.out());

        Result unknown = run("--task", "cola");
        assertEquals(Main.EXIT_BAD_INPUT, unknown.code());
        assertEquals("--task cola: suite tiny has no such task; its tasks: rte", unknown.err().strip());
        Result unknownMethod = run("--method", "lora");
        assertEquals(Main.EXIT_BAD_INPUT, unknownMethod.code());
        assertTrue(unknownMethod.err().contains("its methods: linear-probe, bitfit"), unknownMethod.err());

        Result limited = run("--method", "bitfit", "--seed", "1", "--limit", "8");
        assertEquals(0, limited.code(), limited.err() + limited.out());
        assertTrue(limited.out().contains("recorded under " + dir.resolve("out").resolve("tiny-limit8")), limited.out());
        List<RunRecord> capped = RunsCsv.read(dir.resolve("out/tiny-limit8/runs.csv"));
        assertEquals(1, capped.size());
        assertFalse(rows.stream().anyMatch(r -> r.runId().equals(capped.get(0).runId())), "a limited run is another run");
        assertEquals(4, rows().size(), "the suite's own results are untouched");

        Result check = cli("check", dir.resolve("out/tiny").toString(), "--baseline",
                Path.of("baselines/nightly-cpu.csv").toString());
        assertEquals(Main.EXIT_BAD_INPUT, check.code(), check.out());
        assertTrue(check.err().startsWith("check: the baseline has no runs of suite tiny: tasks rte × methods bitfit, "
                + "linear-probe; it holds tasks sst2, stsb of suite nightly"), check.err());
    }

    @Test
    void versionNamesTheBuildsCommit() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--version"));
        assertTrue(out.toString().matches("(?s)surm-bench \\S+ \\(commit [0-9a-f]{40}\\)\\s*"), "[" + out + "]");
    }

    /**
     * The wiring of {@code run --retrain-trials}: after {@code tune}, {@code run} adopts the seed-1 run its
     * full-budget trial already trained; with the flag (a copy of the tuning folder beside another results
     * folder) the same run is trained, to the trial's numbers.
     */
    @Test
    void runAdoptsAFullBudgetTrialAndRetrainTrialsTrainsItAgain() throws Exception {
        copyRte("train.tsv", 41);
        copyRte("dev.tsv", 41);
        Files.writeString(dir.resolve("tuned.yaml"), """
                name: tuned
                defaults: {glue_dir: %s, layers: 1, max_length: 16, batch_size: 8, epochs: 1, eval_limit: 16, validation: 0.25}
                tasks: [rte]
                methods: [linear-probe]
                seeds: [1, 2]
                tune:
                  seeds: [1]
                  full_budget: [rte]
                  methods:
                    linear-probe: {learning_rate: {grid: [0.001, 0.01, 0.1]}}
                pinned: tuned.pinned.yaml
                """.formatted(glue));
        String suite = dir.resolve("tuned.yaml").toString();
        Result tuned = cli("tune", suite, "--out=" + dir.resolve("out"));
        assertEquals(0, tuned.code(), tuned.err() + tuned.out());

        Result adopting = cli("run", suite, "--out=" + dir.resolve("out"), "--seed", "1");
        assertEquals(0, adopting.code(), adopting.err() + adopting.out());
        RunRecord adopted = RunsCsv.read(dir.resolve("out/tuned/runs.csv")).get(0);
        assertTrue(adopted.adopted(), adopted.statusDetail());

        Folders.copy(dir.resolve("out/tuned-tune"), dir.resolve("again/tuned-tune"));
        Result retraining = cli("run", suite, "--out=" + dir.resolve("again"), "--seed", "1", "--retrain-trials");
        assertEquals(0, retraining.code(), retraining.err() + retraining.out());
        RunRecord trained = RunsCsv.read(dir.resolve("again/tuned/runs.csv")).get(0);
        assertEquals(adopted.runId(), trained.runId());
        assertFalse(trained.adopted(), trained.statusDetail());
        assertEquals(RunStatus.COMPLETED, trained.status());
        assertEquals(adopted.metricsBest(), trained.metricsBest(), "trained again to the trial's numbers");
    }
}
