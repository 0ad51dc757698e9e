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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every run keeps the trainable parameters of its best epoch (real MiniLM slice, real GLUE subsets),
 * and {@code eval} gives back the best epoch's metrics even when it is not the last; {@code full}
 * keeps nothing unless asked. (The round trip for every smoke method is part of {@link
 * DeterminismTest}, which trains them all anyway.)
 */
class SavedAdapterTest {
    @TempDir
    Path dir;

    @Test
    void aRunKeepsItsAdapterAndRunJsonPointsAtIt() throws IOException {
        RunSpec spec = SmokeRuns.spec("stsb", "lora");
        RunRecord record = SmokeRuns.train(dir, spec);
        ResultsLayout layout = SmokeRuns.layout(dir);
        JsonNode runJson = RunJson.readTree(layout.runJson(spec.runId()));
        assertEquals(ResultsLayout.ADAPTER_DIR, runJson.path("artifacts").path("adapter").asText(), "run.json points at it");

        AdapterManifest manifest = AdapterFiles.read(layout.adapterDir(spec.runId())).manifest();
        assertEquals(spec.runId(), manifest.runId());
        assertEquals("stsb", manifest.task());
        assertEquals(1, manifest.recipe().numLabels(), "a regression head");
        assertEquals(record.bestEpoch() + 1, manifest.bestEpoch());
        assertEquals(record.metricsBest(), manifest.metrics());
        assertEquals(List.of("query", "value"), manifest.targets());
        assertEquals(List.of("bert.encoder.layer.0.attention.self.query", "bert.encoder.layer.0.attention.self.value"),
                manifest.adaptedModules());
        assertNull(manifest.adaptLayers(), "no adapt_layers setting: every layer");
        assertEquals(List.of("bert.pooler", "classifier"), manifest.headModules());
        assertEquals(64, manifest.backboneSha256().length());
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
    void autoKeepsTheAdapterExceptForFullAndNoneKeepsNothing() {
        RunSpec full = SmokeRuns.spec("rte", "full");
        assertEquals(RunSettings.Save.AUTO.word(), full.settings().get("save"));
        assertEquals(RunSettings.Save.NONE, RunArtifacts.save(full), "auto is none for full");
        assertEquals(RunSettings.Save.ADAPTER, RunArtifacts.save(SmokeRuns.spec("rte", "bitfit")));
        assertEquals(RunSettings.Save.ADAPTER, RunArtifacts.save(SmokeRuns.with(full, Map.of("save", "adapter"), Map.of())));

        RunSpec none = SmokeRuns.with(SmokeRuns.spec("rte", "linear-probe"), Map.of("save", RunSettings.Save.NONE.word()), Map.of());
        SmokeRuns.train(dir, none);
        assertTrue(Files.isRegularFile(SmokeRuns.layout(dir).runJson(none.runId())));
        assertFalse(Files.exists(SmokeRuns.layout(dir).adapterDir(none.runId())));
    }

    @Test
    void theSaveSettingIsNotPartOfTheRunId() {
        RunSpec spec = SmokeRuns.spec("rte", "lora");
        java.util.Map<String, Object> without = new java.util.LinkedHashMap<>(spec.settings());
        without.remove("save");
        RunSpec recordedBeforeTheSetting = new RunSpec(spec.suite(), spec.task(), spec.method(), spec.label(),
                spec.methodOptions(), spec.seed(), without);
        for (RunSettings.Save save : RunSettings.Save.values()) {
            String value = save.word();
            assertEquals(recordedBeforeTheSetting.runId(), SmokeRuns.with(spec, Map.of("save", value), Map.of()).runId(), value);
        }
    }
}
