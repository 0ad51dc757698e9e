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

    static final String SUITE = """
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
    static class Trials implements RunExecutor {
        final List<String> executed = new ArrayList<>();
        final List<String> tasks = new ArrayList<>();
        int killAt = -1;

        @Override
        public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
            if (executed.size() == killAt) {
                throw new IllegalStateException("killed");
            }
            executed.add(spec.runId());
            tasks.add(spec.task());
            RunRecord row = WinnersTest.row(spec, RunStatus.COMPLETED, score(spec));
            try { // a recorded run is resumed only with its run.json and the dataset hashes it trained on
                RunJson.writeValue(layout.runJson(spec.runId()), Map.of("config", Map.of("suite", suite.name()),
                        "result", row, "provenance", Map.of("dataset_sha256", currentDatasetSha(spec))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return row;
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
                + "      grid: [0.001, 0.01, 0.1, 1]\n      budget: {epochs: 1}\n      seeds: [1, 2]\n      rank: headline\n"), pinned);
        assertTrue(pinned.contains("  - task: stsb\n    method: circ\n    learning_rate: 1\n"), pinned);
        int rteCirc = pinned.indexOf("  - task: rte\n    method: circ");
        assertTrue(pinned.indexOf("edge: false", rteCirc) < pinned.indexOf("edge: true", rteCirc),
                "rte's 0.1 is inside its extended grid; stsb's winner is its extended grid's edge");

        // Tuning again trains nothing and writes the same bytes.
        Trials again = new Trials();
        new TuneStage(options(), again).run(tuned, dir.resolve("t.yaml"));
        assertEquals(List.of(), again.executed);
        assertEquals(pinned, Files.readString(result.written()));

        // A grid or budget changed after tuning makes the pin stale: the final stage refuses and says why,
        // while tune (which parses the same suite) can still run to renew it.
        Suite newGrid = parse("t.yaml", SUITE.replace("[0.001, 0.01, 0.1]", "[0.001, 0.01, 0.1, 0.3]"));
        Exception stale = assertThrows(IllegalArgumentException.class, () -> newGrid.tuning().requirePinned(dir.resolve("t.yaml")));
        assertTrue(stale.getMessage().contains("rte/circ was tuned on the grid [0.001, 0.01, 0.1, 1.0]"), stale.getMessage());
        assertEquals(2, newGrid.tuning().unpinned().size(), "the two circ cells; lora's pins still apply");
        Suite newBudget = parse("t.yaml", SUITE.replace("epochs: 1", "epochs: 2"));
        Exception budget = assertThrows(IllegalArgumentException.class, () -> newBudget.tuning().requirePinned(dir.resolve("t.yaml")));
        assertTrue(budget.getMessage().contains("with the trial budget {epochs: 1} but the suite's budget is now {epochs: 2}"),
                budget.getMessage());
        assertTrue(pinned.contains("      budget: {epochs: 1}\n"), pinned);
        parse("t.yaml", SUITE).tuning().requirePinned(dir.resolve("t.yaml")); // its own grid extended once is no change
    }

    @Test
    void aFullBudgetTasksTrialsAreItsFinalRunsAndTuningSomeCellsKeepsTheOthersPins() throws Exception {
        String text = SUITE.replace("  epochs: 1\n", "  epochs: 1\n  full_budget: [stsb]\n");
        Suite suite = parse("t.yaml", text);
        java.util.Set<String> finalIds = new java.util.HashSet<>(suite.runs().stream().map(RunSpec::runId).toList());
        List<dev.surmbench.suite.Tuning.Trial> stsb = suite.tuning().trials().stream().filter(t -> t.task().equals("stsb")).toList();
        assertTrue(stsb.stream().allMatch(t -> t.spec().config().epochs() == 2), "stsb's trials train the final budget");
        assertTrue(suite.tuning().trials().stream().filter(t -> t.task().equals("rte")).allMatch(t -> t.spec().config().epochs() == 1));
        Suite pinnedByHand = parse("hand.yaml", text.replace("pinned: pinned/t.tuned.yaml", """
                overrides:
                  - {task: stsb, method: lora, learning_rate: 0.001}
                """));
        String finalStsbLora = pinnedByHand.runs().stream().filter(r -> r.task().equals("stsb") && r.label().startsWith("lora")
                && r.seed() == 1).findFirst().orElseThrow().runId();
        assertTrue(stsb.stream().anyMatch(t -> t.spec().runId().equals(finalStsbLora)),
                "a full-budget trial at the pinned rate and seed 1 is the final run itself (same id)");
        assertTrue(finalIds.size() > 0);

        Trials all = new Trials();
        Path file = dir.resolve("t.yaml");
        new TuneStage(options(), all).run(suite, file);
        String before = Files.readString(dir.resolve("pinned/t.tuned.yaml"));
        assertTrue(before.contains("  - task: stsb\n    method: lora\n    learning_rate: 0.000316\n    tuning:\n"
                + "      grid: [0.0001, 0.000316, 0.001, 0.00316, 0.01]\n      budget: full\n"), before);

        // Tuning only rte (into another results folder, where no trial is recorded) trains only rte's trials
        // and keeps stsb's entries byte for byte.
        Suite onlyRte = TuneStage.only(suite, dev.surmbench.suite.RunFilter.parse(List.of("rte"), List.of(), List.of(), null));
        assertEquals(2, onlyRte.tuning().cells().size());
        Trials some = new Trials();
        SuiteRunner.Options elsewhere = new SuiteRunner.Options(dir.resolve("out2"), 1, 1, false,
                new PrintStream(OutputStream.nullOutputStream()), false);
        TuneStage stage = new TuneStage(elsewhere, some);
        assertEquals(java.util.Set.of("stsb/lora", "stsb/circ"), TuneStage.cellsLeftOut(suite, onlyRte));
        TuneStage.Result result = stage.conclude(onlyRte, file, stage.runTrials(onlyRte, file), TuneStage.cellsLeftOut(suite, onlyRte));
        assertEquals((5 + 3 + 1) * 2, some.executed.size(), "rte's trials (lora 5 rates, circ 3 and its extension) x 2 seeds");
        assertEquals(java.util.Set.of("rte"), new java.util.HashSet<>(some.tasks), "no stsb trial");
        String after = Files.readString(result.written());
        for (String cell : List.of("  - task: stsb\n    method: lora\n", "  - task: stsb\n    method: circ\n",
                "  - task: rte\n    method: lora\n")) {
            assertEquals(entry(before, cell), entry(after, cell), cell);
        }
        assertTrue(after.contains("# Tuned in parts"), after);
        parse("t.yaml", text).tuning().requirePinned(file);

        Exception seeds = assertThrows(IllegalArgumentException.class,
                () -> TuneStage.only(suite, dev.surmbench.suite.RunFilter.parse(List.of(), List.of(), List.of("1"), null)));
        assertTrue(seeds.getMessage().contains("drop --seed and --limit"), seeds.getMessage());
        Exception unknown = assertThrows(IllegalArgumentException.class,
                () -> TuneStage.only(suite, dev.surmbench.suite.RunFilter.parse(List.of("cola"), List.of(), List.of(), null)));
        assertTrue(unknown.getMessage().contains("--task cola"), unknown.getMessage());
    }

    /** The entry of a pinned file's text that starts with {@code head}, up to the next entry. */
    private static String entry(String text, String head) {
        int from = text.indexOf(head);
        assertTrue(from >= 0, head + " in " + text);
        int to = text.indexOf("  - task: ", from + 1);
        return text.substring(from, to < 0 ? text.length() : to);
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
