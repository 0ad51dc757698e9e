package dev.surmbench.suite.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.RunExecutor;
import dev.surmbench.suite.run.SuiteRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tuning stage with a stand-in executor (validation scores as a function of the rate): tune, pin,
 * and the final stage's run ids are those of the suite written with the winners by hand; a winner at its
 * grid's edge gets the grid extended once; a tuning killed mid-way resumes without training its finished
 * trials again.
 */
class TuneStageTest {
    @TempDir
    Path dir;

    private static final String SUITE = """
            name: t
            defaults: {validation: 0.1, epochs: 2}
            tasks: [rte, stsb]
            methods: [lora, {method: circulant, label: circ}]
            seeds: [1, 2, 3]
            tune:
              seeds: [1, 2]
              epochs: 1
              methods:
                circ: {learning_rate: {grid: [0.001, 0.01, 0.1]}}
            pinned: pinned/t.tuned.yaml
            """;

    /**
     * Validation score of a trial: lora peaks at 1e-3 (stsb: a tie with 3.16e-4); circulant rises with the
     * rate up to its grid's edge, 0.1, and beyond it on stsb, but falls past it on rte.
     */
    static double score(RunSpec spec) {
        double lr = spec.config().learningRate();
        double seed = spec.seed() * 1e-3;
        if (spec.method().equals("circulant")) {
            return 0.5 + (spec.task().equals("rte") && lr > 0.1 ? -lr : lr) + seed;
        }
        if (spec.task().equals("stsb") && (lr == 3.16e-4 || lr == 1e-3)) {
            return 0.8 + seed;
        }
        return 0.8 - Math.abs(Math.log10(lr) + 3) / 10 + seed;
    }

    /** Records a row per trial; throws {@code killAt} (a process killed mid-run) at that execution. */
    static final class Trials implements RunExecutor {
        final List<String> executed = new ArrayList<>();
        int killAt = -1;

        @Override
        public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
            if (executed.size() == killAt) {
                throw new IllegalStateException("killed");
            }
            executed.add(spec.runId());
            try { // a recorded run is resumed only with its run.json and the dataset hashes it trained on
                RunJson.writeValue(layout.runJson(spec.runId()), Map.of("provenance", Map.of("dataset_sha256", DATA)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return WinnersTest.row(spec, RunStatus.COMPLETED, score(spec));
        }

        @Override
        public Map<String, String> currentDatasetSha(RunSpec spec) {
            return DATA;
        }
    }

    private static final Map<String, String> DATA = Map.of("train.tsv", "0".repeat(64));

    private SuiteRunner.Options options() {
        return new SuiteRunner.Options(dir.resolve("out"), 1, 1, false, new PrintStream(OutputStream.nullOutputStream()),
                false);
    }

    private Suite parse(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return SuiteParser.parse(file, new DefaultCatalog());
    }

    @Test
    void tunePinRunGivesTheFinalRunIdsOfTheSuiteWrittenWithTheWinners() throws Exception {
        Suite untuned = parse("t.yaml", SUITE);
        assertEquals(2 * (5 + 3) * 2, untuned.tuning().trials().size(), "2 tasks x (5 lora + 3 circ rates) x 2 seeds");
        assertEquals(4, untuned.tuning().unpinned().size());
        assertThrows(IllegalArgumentException.class, () -> untuned.tuning().requirePinned(dir.resolve("t.yaml")));
        assertTrue(untuned.tuning().trials().stream().allMatch(t -> t.spec().config().epochs() == 1), "the trial budget");

        Trials executor = new Trials();
        TuneStage.Result result = new TuneStage(options(), executor).run(untuned, dir.resolve("t.yaml"));
        assertEquals(untuned.tuning().trials().size() + 2 * 2, executor.executed.size(),
                "the grid's trials, then circ's edge winners (0.1) extended once to 1.0: 2 tasks x 2 seeds");
        assertEquals(dir.resolve("pinned/t.tuned.yaml").normalize(), result.written());
        assertTrue(Files.exists(dir.resolve("out/t-tune/runs.csv")), "trials have their own folder");
        String pinned = Files.readString(result.written());

        Suite tuned = parse("t.yaml", SUITE);
        tuned.tuning().requirePinned(dir.resolve("t.yaml"));
        Suite byHand = parse("hand.yaml", SUITE.replace("pinned: pinned/t.tuned.yaml", """
                overrides:
                  - {task: rte, method: lora, learning_rate: 0.001}
                  - {task: stsb, method: lora, learning_rate: 0.000316}
                  - {task: rte, method: circ, learning_rate: 0.1}
                  - {task: stsb, method: circ, learning_rate: 1.0}
                """));
        assertEquals(byHand.runs().stream().map(RunSpec::runId).toList(), tuned.runs().stream().map(RunSpec::runId).toList());
        assertTrue(pinned.contains("  - task: rte\n    method: circ\n    learning_rate: 0.1\n    tuning:\n"
                + "      grid: [0.001, 0.01, 0.1, 1]\n      seeds: [1, 2]\n      rank: headline\n"), pinned);
        assertTrue(pinned.contains("  - task: stsb\n    method: circ\n    learning_rate: 1\n"), pinned);
        int rteCirc = pinned.indexOf("  - task: rte\n    method: circ");
        assertTrue(pinned.indexOf("edge: false", rteCirc) < pinned.indexOf("edge: true", rteCirc),
                "rte's 0.1 is inside its extended grid; stsb's winner is its extended grid's edge");

        // Tuning again trains nothing and writes the same bytes.
        Trials again = new Trials();
        new TuneStage(options(), again).run(tuned, dir.resolve("t.yaml"));
        assertEquals(List.of(), again.executed);
        assertEquals(pinned, Files.readString(result.written()));

        // A grid changed after tuning makes the pin stale: the suite says so.
        Exception stale = assertThrows(RuntimeException.class, () -> parse("t.yaml",
                SUITE.replace("[0.001, 0.01, 0.1]", "[0.001, 0.01, 0.1, 0.3]")));
        assertTrue(stale.getMessage().contains("rte/circ was tuned on the grid [0.001, 0.01, 0.1, 1.0]"), stale.getMessage());
        parse("t.yaml", SUITE); // its own grid extended once is no change of grid
    }

    @Test
    void aKilledTuningResumesWithoutTrainingItsFinishedTrialsAgain() throws Exception {
        Suite suite = parse("t.yaml", SUITE);
        Trials first = new Trials();
        first.killAt = 7;
        assertThrows(IllegalStateException.class, () -> new TuneStage(options(), first).run(suite, dir.resolve("t.yaml")));
        assertEquals(7, first.executed.size());
        assertTrue(Files.notExists(dir.resolve("pinned/t.tuned.yaml")), "nothing pinned from a partial tuning");

        Trials second = new Trials();
        TuneStage.Result result = new TuneStage(options(), second).run(suite, dir.resolve("t.yaml"));
        assertEquals(suite.tuning().trials().size() - 7 + 4, second.executed.size(), "the rest, and the 4 extension trials");
        assertTrue(second.executed.stream().noneMatch(first.executed::contains), "no finished trial trains again");
        assertTrue(Files.exists(result.written()));
        assertNull(result.summary().stoppedBy());
    }
}
