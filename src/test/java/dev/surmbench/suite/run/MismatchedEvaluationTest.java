package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.OfficialFormatFixtures;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.SuiteException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mnli-mm} is scored with the MNLI model, never trained: its row carries the evaluation of
 * the mnli twin's saved adapter on the mismatched dev set (equal to {@code eval --adapter … --task
 * mnli-mm}), no steps, and names the twin; a twin without an adapter fails the run with the fix; a
 * suite with mnli-mm and no mnli does not validate. Real MiniLM slice on the official-format MNLI
 * fixture files.
 */
class MismatchedEvaluationTest {
    private static final String SUITE = """
            name: mm
            defaults:
              backbone: embedded:all-minilm-l6-v2
              layers: 1
              max_length: 24
              epochs: 1
              learning_rate: 0.001
              glue_dir: '%s'
            tasks: [{task: mnli, save: %s}, mnli-mm]
            methods: [lora, {method: full, learning_rate: 0.0001}]
            seeds: [1]
            """;

    @TempDir
    Path dir;

    private Suite suite(String save) throws Exception {
        Path file = dir.resolve("mm.yaml");
        Files.writeString(file, SUITE.formatted(OfficialFormatFixtures.folder(), save));
        return SuiteParser.parse(file, new DefaultCatalog());
    }

    private List<RunRecord> run(Suite suite) throws Exception {
        SuiteRunner.Options options = new SuiteRunner.Options(dir.resolve("out"), 1, 1, false,
                new PrintStream(OutputStream.nullOutputStream()), false, false);
        new SuiteRunner(options, new TrainingRunExecutor(Path.of("."))).run(suite);
        return RunsCsv.read(ResultsLayout.of(dir.resolve("out"), "mm").runsCsv());
    }

    private static RunRecord row(List<RunRecord> rows, String task, String method) {
        return rows.stream().filter(r -> r.task().equals(task) && r.method().equals(method)).findFirst().orElseThrow();
    }

    @Test
    void mnliMmScoresTheMnliModelOnTheMismatchedDevSetWithoutTraining() throws Exception {
        List<RunRecord> rows = run(suite("adapter"));
        ResultsLayout layout = ResultsLayout.of(dir.resolve("out"), "mm");
        for (String method : List.of("lora", "full")) {
            RunRecord twin = row(rows, "mnli", method);
            RunRecord mm = row(rows, "mnli-mm", method);
            assertEquals(RunStatus.COMPLETED, mm.status(), mm.statusDetail());
            assertTrue(twin.steps() > 0);
            assertEquals(0, mm.steps(), "not trained again");
            assertTrue(mm.statusDetail().startsWith("the model of run " + twin.runId() + " (mnli, its best epoch "), mm.statusDetail());
            assertTrue(mm.statusDetail().endsWith("MNLI/dev_mismatched.tsv; not trained again"), mm.statusDetail());
            assertEquals(twin.trainableStored(), mm.trainableStored());
            Map<String, Double> expected = new RunEvaluator().evaluate(layout.adapterDir(twin.runId()), null, "mnli-mm").metrics();
            assertEquals(expected, mm.metricsBest(), "the same numbers as eval --adapter … --task mnli-mm");
            assertTrue(mm.metricsTrivial().containsKey("accuracy"), "the floor on the mismatched dev set: " + mm.metricsTrivial());
        }
    }

    @Test
    void aTwinThatKeptNoAdapterFailsTheRunWithTheFix() throws Exception {
        List<RunRecord> rows = run(suite("none"));
        RunRecord mm = row(rows, "mnli-mm", "lora");
        assertEquals(RunStatus.FAILED, mm.status());
        assertTrue(mm.statusDetail().contains("kept no adapter") && mm.statusDetail().contains("set save: adapter on mnli"),
                mm.statusDetail());
    }

    @Test
    void mnliMmWithoutMnliDoesNotValidate() throws Exception {
        Path file = dir.resolve("mm.yaml");
        Files.writeString(file, "name: mm\ntasks: [rte, mnli-mm]\nmethods: [lora]\nseeds: [1]\n");
        SuiteException e = assertThrows(SuiteException.class,
                () -> SuiteParser.parse(file, new DefaultCatalog()));
        assertTrue(e.getMessage().contains("mm.yaml:2:") && e.getMessage().contains("mnli-mm is not trained")
                && e.getMessage().contains("add mnli to tasks"), e.getMessage());
    }
}
