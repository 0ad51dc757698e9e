package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On CPU the same run twice gives bit-identical metrics, per-epoch losses and saved adapters, for
 * every method of the smoke suite (real MiniLM slice, real GLUE data), and the saved adapter gives
 * the recorded best metrics back; a different seed gives different numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private Suite smoke;
    private final TrainingRunExecutor executor = new TrainingRunExecutor(Path.of("."));

    @BeforeAll
    void parse() {
        smoke = SuiteParser.parse(Path.of("suites/smoke.yaml"), new DefaultCatalog());
    }

    Stream<RunSpec> smokeRuns() {
        return SuiteParser.parse(Path.of("suites/smoke.yaml"), new DefaultCatalog()).runs().stream();
    }

    private RunRecord run(RunSpec spec, String out) {
        SuiteRunner.Options options = new SuiteRunner.Options(dir.resolve(out), 1, 1, false, QUIET, false);
        return executor.execute(smoke, spec, ResultsLayout.of(dir.resolve(out), smoke.name()), options);
    }

    private List<Double> losses(String out, RunSpec spec) throws IOException {
        JsonNode doc = RunJson.readTree(ResultsLayout.of(dir.resolve(out), smoke.name()).runJson(spec.runId()));
        List<Double> losses = new ArrayList<>();
        doc.path("epochs").forEach(e -> losses.add(e.path("train_loss").asDouble()));
        return losses;
    }

    /**
     * Also the round trip of a saved adapter (kept for every method here, {@code full} included; the
     * setting does not change the run id): both runs save byte-identical adapters, and {@code eval} on
     * one reproduces the recorded best metrics bit for bit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("smokeRuns")
    void sameRunTwiceIsBitIdentical(RunSpec smokeSpec) throws IOException {
        RunSpec spec = SmokeRuns.with(smokeSpec, Map.of("save", RunSettings.Save.ADAPTER.word()), Map.of());
        RunRecord first = run(spec, "a");
        RunRecord second = run(spec, "b");
        assertTrue(first.completed(), first.statusDetail());
        assertEquals(first.metricsBest(), second.metricsBest());
        assertEquals(first.metricsLast(), second.metricsLast());
        assertEquals(losses("a", spec), losses("b", spec));
        assertEquals(first.trainableStored(), second.trainableStored());

        Path adapterA = ResultsLayout.of(dir.resolve("a"), smoke.name()).adapterDir(spec.runId());
        Path adapterB = ResultsLayout.of(dir.resolve("b"), smoke.name()).adapterDir(spec.runId());
        assertEquals(Sha256.of(adapterA.resolve(AdapterFiles.TENSORS)), Sha256.of(adapterB.resolve(AdapterFiles.TENSORS)));
        RunEvaluator.Evaluation eval = new RunEvaluator().evaluateRun(adapterA.getParent());
        assertEquals(first.metricsBest(), eval.metrics(), "eval of the saved adapter reproduces the recorded best metrics");
        assertEquals(List.of(), eval.differences());
    }

    @Test
    void aDifferentSeedGivesDifferentNumbers() throws IOException {
        RunSpec spec = smoke.runs().stream().filter(r -> r.task().equals("stsb") && r.method().equals("lora")).findFirst().orElseThrow();
        RunSpec otherSeed = new RunSpec(spec.suite(), spec.task(), spec.method(), spec.label(), spec.methodOptions(), 2, spec.settings());
        RunRecord a = run(spec, "seed1");
        RunRecord b = run(otherSeed, "seed2");
        assertNotEquals(a.metricsLast(), b.metricsLast());
        assertNotEquals(losses("seed1", spec), losses("seed2", otherSeed));
    }
}
