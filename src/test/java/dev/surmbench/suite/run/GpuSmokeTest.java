package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.device.EngineFacts;
import dev.surmbench.device.HostFacts;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunsCsv;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke suite on the GPU against the same suite on the CPU (tag {@code gpu}: run by {@code mvn
 * verify -Pcuda}; skipped where the engine sees no usable GPU). Every run completes on both; the GPU
 * rows name {@code cuda:0}, the GPU's model and a peak memory within its total; and every metric of a
 * run's best epoch agrees with the CPU's within {@value #TOLERANCE} absolute — two of the smoke suite's
 * 32 dev examples for accuracy — while the mean headline difference over all runs stays within
 * {@value #MEAN_TOLERANCE}. (CUDA kernels sum in other orders than the CPU's, so bit equality is not
 * expected; these bounds are this project's choice and were not yet calibrated on a GPU.)
 */
@Tag("gpu")
class GpuSmokeTest {
    static final double TOLERANCE = 0.07;
    static final double MEAN_TOLERANCE = 0.02;

    @TempDir
    Path dir;

    private Map<String, RunRecord> run(Suite suite, String device) throws Exception {
        SuiteRunner.Options options = new SuiteRunner.Options(dir.resolve(device), 1, 1, false, System.out, false);
        new SuiteRunner(options, new TrainingRunExecutor(Path.of("."), null, device)).run(suite);
        return RunsCsv.read(ResultsLayout.of(dir.resolve(device), suite.name()).runsCsv()).stream()
                .collect(Collectors.toMap(RunRecord::runId, Function.identity()));
    }

    @Test
    void smokeSuiteOnTheGpuMatchesTheCpuWithinTolerance() throws Exception {
        EngineFacts engine = EngineFacts.probe();
        Assumptions.assumeTrue(engine.usableGpus() > 0, "no GPU the engine can use: " + engine.describe());
        Suite smoke = SuiteParser.parse(Path.of("suites/smoke.yaml"), new DefaultCatalog());
        Map<String, RunRecord> gpu = run(smoke, "cuda:0");
        Map<String, RunRecord> cpu = run(smoke, "cpu");
        assertEquals(smoke.runs().size(), gpu.size());
        double sumDelta = 0;
        for (RunRecord g : gpu.values()) {
            RunRecord c = cpu.get(g.runId());
            String what = g.task() + " " + g.label();
            assertTrue(g.completed(), what + ": " + g.statusDetail());
            assertTrue(c.completed(), what + ": " + c.statusDetail());
            assertEquals("cuda:0", g.device().device());
            assertTrue(!g.device().name().equals(HostFacts.UNKNOWN) && !g.device().name().isEmpty(), g.device().toString());
            assertTrue(g.device().gpuMemoryPeakMb() > 0 && g.device().gpuMemoryPeakMb() <= g.device().gpuMemoryTotalMb(),
                    g.device().toString());
            assertTrue(g.trainExamplesPerSecond() > 0, what);
            assertEquals(c.metricsBest().keySet(), g.metricsBest().keySet(), what);
            for (String metric : c.metricsBest().keySet()) {
                double delta = Math.abs(g.metricsBest().get(metric) - c.metricsBest().get(metric));
                assertTrue(delta <= TOLERANCE, what + " " + metric + ": GPU " + g.metricsBest().get(metric) + " vs CPU "
                        + c.metricsBest().get(metric));
            }
            sumDelta += Math.abs(g.bestValue() - c.bestValue());
        }
        double mean = sumDelta / gpu.size();
        assertTrue(mean <= MEAN_TOLERANCE, "mean |GPU − CPU| headline difference " + mean);
    }
}
