package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.report.baseline.BaselineCsv;
import dev.surmbench.report.baseline.BaselineRow;
import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} compares throughput only between runs and baseline rows of the same device class: a GPU
 * run never fails a CPU throughput gate or the reverse, while each class is still gated against its own.
 * Baselines name their device class; files written before the column existed read as CPU.
 */
class DeviceAwareCheckTest {
    static final DeviceUsage H100 = new DeviceUsage("cuda:0", "NVIDIA H100 80GB HBM3", "550.54.15", "12.8", 81_559, 12_000);

    @TempDir
    Path tmp;

    /** The glue fixture, its runs on {@code device}, throughput scaled by {@code speed}. */
    private static RunFixtures fixture(DeviceUsage device, double speed) {
        RunFixtures f = new RunFixtures("nightly").device(device);
        for (RunRecord run : RunFixtures.glue("nightly").runs()) {
            f.ok(run.task(), run.method(), run.seed(), run.bestValue(), run.trainableStored(),
                    run.trainExamplesPerSecond() * speed);
        }
        return f;
    }

    private Path baseline(String name, RunFixtures runs) throws Exception {
        Path file = tmp.resolve(name + ".csv");
        CheckCommandTest.Result w = CheckCommandTest.run("check", runs.write(tmp.resolve(name)).toString(),
                "--write-baseline", file.toString());
        assertEquals(0, w.exitCode(), w.err());
        return file;
    }

    private CheckCommandTest.Result check(RunFixtures current, Path baseline) throws Exception {
        return CheckCommandTest.run("check", current.write(tmp.resolve("current")).toString(), "--baseline",
                baseline.toString(), "--throughput-ratio", "0.5");
    }

    @Test
    void referenceBaselinesNameTheirDeviceClass() throws Exception {
        assertTrue(BaselineCsv.read(baseline("cpu", fixture(DeviceUsage.cpu("Test CPU"), 1))).stream()
                .allMatch(r -> r.device().equals("cpu")));
        List<BaselineRow> gpu = BaselineCsv.read(baseline("gpu", fixture(H100, 40)));
        assertTrue(gpu.stream().allMatch(r -> r.device().equals("cuda")));
        assertTrue(Files.readAllLines(tmp.resolve("gpu.csv")).get(0).endsWith(",device"));
    }

    @Test
    void aGpuRunNeverFailsACpuThroughputGateNorTheReverse() throws Exception {
        Path cpuBaseline = baseline("cpu", fixture(DeviceUsage.cpu("Test CPU"), 1));
        // a third of the CPU throughput would fail the 0.5 gate if it were compared
        CheckCommandTest.Result slowGpu = check(fixture(H100, 1.0 / 3), cpuBaseline);
        assertEquals(0, slowGpu.exitCode(), slowGpu.out());
        assertTrue(slowGpu.out().contains("not compared: the baseline was measured on cpu, these runs ran on cuda"),
                slowGpu.out());
        assertFalse(slowGpu.out().contains("FAIL "), slowGpu.out());

        Path gpuBaseline = baseline("gpu", fixture(H100, 40));
        CheckCommandTest.Result cpu = check(fixture(DeviceUsage.cpu("Test CPU"), 1), gpuBaseline);
        assertEquals(0, cpu.exitCode(), cpu.out());
        assertTrue(cpu.out().contains("not compared: the baseline was measured on cuda, these runs ran on cpu"), cpu.out());
    }

    @Test
    void eachDeviceClassIsStillGatedAgainstItsOwn() throws Exception {
        Path gpuBaseline = baseline("gpu", fixture(H100, 40));
        CheckCommandTest.Result slow = check(fixture(H100, 10), gpuBaseline);
        assertEquals(1, slow.exitCode(), slow.out());
        assertTrue(slow.out().contains("FAILED throughput sst2 × lora [train_examples_per_s]: throughput fell to 0.3×"
                + " of the baseline (cuda runs only)"), slow.out());
    }

    @Test
    void aBaselineWithRowsForBothClassesComparesEachGroupWithItsOwnClass() throws Exception {
        Path cpu = baseline("cpu", fixture(DeviceUsage.cpu("Test CPU"), 1));
        Path gpu = baseline("gpu", fixture(H100, 40));
        Path both = tmp.resolve("both.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(cpu));
        lines.addAll(Files.readAllLines(gpu).subList(1, Files.readAllLines(gpu).size()));
        Files.write(both, lines);
        assertEquals(16, BaselineCsv.read(both).size(), "one row per group and device class, no duplicates");
        for (RunFixtures runs : List.of(fixture(H100, 40), fixture(DeviceUsage.cpu("Test CPU"), 1))) {
            CheckCommandTest.Result r = check(runs, both);
            assertEquals(0, r.exitCode(), r.out());
            assertFalse(r.out().contains("not compared"), "each group found its own class: " + r.out());
            assertEquals(8, r.out().lines().filter(l -> l.contains("PASS    throughput")).count(), r.out());
        }
    }

    @Test
    void baselinesWrittenBeforeTheDeviceColumnReadAsCpu() throws Exception {
        Path withColumn = baseline("cpu", fixture(DeviceUsage.cpu("Test CPU"), 1));
        Path old = tmp.resolve("old.csv");
        Files.write(old, Files.readAllLines(withColumn).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        assertFalse(Files.readAllLines(old).get(0).contains("device"));
        assertTrue(BaselineCsv.read(old).stream().allMatch(r -> r.device().equals("cpu")));
        CheckCommandTest.Result gpuRuns = check(fixture(H100, 1.0 / 3), old);
        assertEquals(0, gpuRuns.exitCode(), gpuRuns.out());
        assertTrue(BaselineCsv.read(Path.of("baselines/nightly-cpu.csv")).stream().allMatch(r -> r.device().equals("cpu")));
    }

    @Test
    void anUnknownDeviceClassIsNamedWithFileLineAndField() throws Exception {
        Path withColumn = baseline("cpu", fixture(DeviceUsage.cpu("Test CPU"), 1));
        Path bad = tmp.resolve("bad.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(withColumn));
        lines.set(1, lines.get(1).substring(0, lines.get(1).lastIndexOf(',')) + ",tpu");
        Files.write(bad, lines);
        CheckCommandTest.Result r = check(fixture(DeviceUsage.cpu("Test CPU"), 1), bad);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(bad + ":2: field 'device': 'tpu' is not a device class (cpu or cuda)"), r.err());
    }
}
