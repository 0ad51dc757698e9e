package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped tuned suites: every cell searched over at least five rates spanning 100x or more, on a
 * validation split (GLUE: one seed, full-budget trials ranked by the headline on the MiniLM tasks,
 * reduced ones ranked by the loss on RTE and MRPC; vision: the final budget at every seed), every cell
 * pinned at the suite's grid and budget; the final stage selects on validation too.
 */
class TunedSuitesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"suites/glue.yaml, 40, 200, LOSS, 1", "suites/vision.yaml, 10, 150, HEADLINE, 3"})
    void everyCellIsTunedOnAStandardGridWithValidation(String file, int cells, int trials, Tuning.Rank rank, int seeds) {
        Suite suite = SuiteParser.parse(Path.of(file), new DefaultCatalog());
        Tuning tuning = suite.tuning();
        assertEquals(cells, tuning.cells().size());
        assertEquals(trials, tuning.trials().size(), seeds + " seeds per rate");
        assertEquals(seeds, tuning.seeds().size());
        assertEquals(rank, tuning.ranking().fallback(), "GLUE's reduced trials rank by validation loss (MCC and F1 sit at the floor)");
        if (rank == Tuning.Rank.LOSS) {
            for (String task : List.of("cola", "stsb", "sst2")) {
                assertEquals(Tuning.Rank.HEADLINE, tuning.ranking().of(task), task + ": full-budget trials rank by the headline");
                assertTrue(tuning.cells().stream().filter(c -> c.task().equals(task)).allMatch(c -> c.budget().isEmpty()), task);
            }
            java.util.Set<String> finalIds = new java.util.HashSet<>(suite.runs().stream().map(RunSpec::runId).toList());
            assertEquals(3 * 8, tuning.trials().stream().filter(t -> finalIds.contains(t.spec().runId())).count(),
                    "a full-budget trial at its cell's pinned rate is that cell's final run of seed 1 (3 tasks x 8 methods;"
                            + " rte and mrpc tune at a reduced budget)");
        }
        suite.tuning().requirePinned(Path.of(file)); // every cell pinned, at the suite's grid and budget now
        for (Tuning.Cell cell : tuning.cells()) {
            assertTrue(cell.grid().meetsStandard(), cell.name() + ": " + cell.grid());
        }
        assertTrue(tuning.trials().stream().allMatch(t -> t.spec().config().epochs() <= 10), "trials within the final budget");
        assertTrue(suite.runs().stream().noneMatch(r -> r.config().validation().isNone()), "final runs select on validation");
        assertTrue(tuning.trials().stream().noneMatch(t -> t.spec().config().validation().isNone()));
        assertFalse(tuning.pinned() == null);
        // trials run in the file's order, as the final runs do: its tasks and methods as listed, rates rising
        assertEquals(suite.runs().stream().map(RunSpec::task).distinct().toList(),
                tuning.trials().stream().map(Tuning.Trial::task).distinct().toList());
        List<Tuning.Trial> firstCell = tuning.trials().subList(0, tuning.trials().size() / cells);
        assertTrue(firstCell.stream().allMatch(t -> t.task().equals(suite.runs().get(0).task())
                && t.method().equals(suite.runs().get(0).method())), "the first cell's trials come first");
        for (int i = 1; i < firstCell.size(); i++) {
            Tuning.Trial before = firstCell.get(i - 1);
            Tuning.Trial after = firstCell.get(i);
            assertTrue(before.learningRate() < after.learningRate() || before.learningRate() == after.learningRate()
                    && before.spec().seed() < after.spec().seed(), "rates rise, then seeds");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"full, 0.00001, 0.001", "linear-probe, 0.001, 0.1", "lora, 0.0001, 0.01", "adapter, 0.0001, 0.01",
            "circulant, 0.001, 0.3", "circulant-adapter, 0.001, 0.3", "ldr, 0.001, 0.3"})
    void familyDefaultsAreFiveLogSpacedRates(String method, double low, double high) {
        LearningRateGrid grid = MethodFamily.of(method).grid;
        assertEquals(5, grid.values().size());
        assertEquals(low, grid.values().get(0));
        assertEquals(high, grid.values().get(4));
        assertTrue(grid.meetsStandard());
    }

    @org.junit.jupiter.api.Test
    void aGridExtendsOnceByItsOwnStepPastEitherEdge() {
        LearningRateGrid structured = MethodFamily.of("circulant").grid; // 1e-3, 4.16e-3, 1.73e-2, 7.21e-2, 0.3
        assertEquals(2.4e-4, structured.beyond(1e-3), "1e-3 / (4.16e-3 / 1e-3), to 3 digits");
        assertEquals(1.25, structured.beyond(0.3), "0.3 * (0.3 / 7.21e-2)");
        assertEquals(3.16e-3, MethodFamily.of("full").grid.beyond(1e-3));
        assertEquals(List.of(2.4e-4, 1e-3, 4.16e-3, 1.73e-2, 7.21e-2, 0.3), structured.with(2.4e-4).values());
        assertTrue(structured.triedAs(structured.values()));
        assertTrue(structured.triedAs(structured.with(2.4e-4).values()), "extended once below");
        assertTrue(structured.triedAs(structured.with(1.25).values()), "extended once above");
        assertFalse(structured.triedAs(structured.with(2e-4).values()), "another rate is another grid");
        assertFalse(structured.triedAs(structured.with(2.4e-4).with(1.25).values()), "extended once, not twice");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> structured.beyond(4.16e-3));
        assertTrue(Double.isNaN(new LearningRateGrid(List.of(1.0, 5.0)).beyond(5.0)), "no rate past 10");
    }
}
