package dev.surmbench.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.AdapterManifest;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run keeps the trainable parameters of its best epoch, and {@code eval} on the saved adapter
 * reproduces the run's recorded best metrics exactly — for every smoke method (real MiniLM slice,
 * real GLUE subsets), for a regression head, and for a run whose best epoch is not its last.
 */
class SavedAdapterTest {
    @TempDir
    Path dir;

    static Stream<RunSpec> everySmokeMethod() {
        Stream<RunSpec> rte = SmokeRuns.suite().runs().stream().filter(r -> r.task().equals("rte"));
        return Stream.concat(rte, Stream.of(SmokeRuns.spec("stsb", "lora")))
                .map(r -> SmokeRuns.with(r, Map.of("save", RunSettings.SAVE_ADAPTER), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySmokeMethod")
    void evalOfTheSavedAdapterReproducesTheRecordedBestMetrics(RunSpec spec) throws IOException {
        RunRecord record = SmokeRuns.train(dir, spec);
        ResultsLayout layout = SmokeRuns.layout(dir);
        JsonNode runJson = RunJson.read(layout.runJson(spec.runId()));
        assertEquals(ResultsLayout.ADAPTER_DIR, runJson.path("artifacts").path("adapter").asText(), "run.json points at it");

        AdapterManifest manifest = AdapterFiles.read(layout.adapterDir(spec.runId())).manifest();
        assertEquals(spec.runId(), manifest.runId());
        assertEquals(record.bestEpoch() + 1, manifest.bestEpoch());
        assertEquals(record.metricsBest(), manifest.metrics());
        assertNull(manifest.adaptLayers(), "no adapt_layers setting: every layer");

        RunEvaluator.Evaluation eval = new RunEvaluator().evaluateRun(layout.runDir(spec.runId()));
        assertEquals(record.metricsBest(), eval.metrics(), "eval must reproduce the recorded best metrics bit for bit");
        assertEquals(List.of(), eval.differences());
    }

    @Test
    void theAdapterHoldsTheBestEpochNotTheLast() {
        // stsb lora seed 2 over 4 epochs: best spearman after epoch 1, a lower one after epoch 4
        RunSpec spec = SmokeRuns.with(new RunSpec("smoke", "stsb", "lora", "lora", Map.of(), 2, SmokeRuns.spec("stsb", "lora").settings()),
                Map.of("epochs", 4L), Map.of());
        RunRecord record = SmokeRuns.train(dir, spec);
        assertTrue(record.bestEpoch() < record.epochs() - 1, "this configuration's best epoch is not its last");
        assertNotEquals(record.metricsBest(), record.metricsLast());

        RunEvaluator.Evaluation eval = new RunEvaluator().evaluateRun(SmokeRuns.layout(dir).runDir(spec.runId()));
        assertEquals(record.metricsBest(), eval.metrics());
        assertEquals(record.bestEpoch() + 1, eval.manifest().bestEpoch());
    }

    @Test
    void fullKeepsNothingByDefaultAndNoneKeepsNothing() {
        RunSpec full = SmokeRuns.spec("rte", "full");
        assertEquals(RunSettings.SAVE_AUTO, full.settings().get("save"));
        SmokeRuns.train(dir, full);
        assertFalse(Files.exists(SmokeRuns.layout(dir).adapterDir(full.runId())), "auto is none for full");

        RunSpec none = SmokeRuns.with(SmokeRuns.spec("rte", "bitfit"), Map.of("save", RunSettings.SAVE_NONE), Map.of());
        SmokeRuns.train(dir, none);
        assertFalse(Files.exists(SmokeRuns.layout(dir).runDir(none.runId()).resolve(ResultsLayout.ADAPTER_DIR)));
    }

    @Test
    void theSaveSettingIsNotPartOfTheRunId() {
        RunSpec spec = SmokeRuns.spec("rte", "lora");
        java.util.Map<String, Object> without = new java.util.LinkedHashMap<>(spec.settings());
        without.remove("save");
        RunSpec recordedBeforeTheSetting = new RunSpec(spec.suite(), spec.task(), spec.method(), spec.label(),
                spec.methodOptions(), spec.seed(), without);
        for (String value : List.of(RunSettings.SAVE_AUTO, RunSettings.SAVE_ADAPTER, RunSettings.SAVE_NONE, RunSettings.SAVE_MERGED)) {
            assertEquals(recordedBeforeTheSetting.runId(), SmokeRuns.with(spec, Map.of("save", value), Map.of()).runId(), value);
        }
    }
}
