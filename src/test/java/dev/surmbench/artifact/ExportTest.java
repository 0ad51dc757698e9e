package dev.surmbench.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.TokenInputs;
import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.safetensors.SafeTensors;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.model.source.HfCheckpointWriter;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.suite.RunSettings;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.run.SmokeRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of real smoke runs. The PEFT folders are read back and ΔW rebuilt with PEFT's own formulas,
 * written here from PEFT's definitions and sharing no code with the exporter: LoRA ΔW = (α/r)·B·A;
 * C3A ΔW = blockcirc(K)/in_features with block (i, j) the circulant whose first row is K[i, j, :],
 * i.e. entry (r, t) = K[i, j, (t − r) mod b]. Both must equal our update (and our merged weights)
 * within 1e-6 relative. The merged checkpoint loads through {@code hf:} and gives the run's logits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "base_model.model.";
    private static final List<String> TEXTS = List.of("the cat sat on the mat .", "a remarkably dull film , and far too long",
            "no", "Paris is the capital of France; it lies on the Seine and has two million inhabitants.");

    @TempDir
    static Path dir;

    private AdapterFiles.Saved lora;
    private AdapterFiles.Saved circulant;
    private RunSpec circulantSpec;

    @BeforeAll
    void train() {
        // lora with a mean-pooled head and an adapt_layers setting (carried into the files, not acted on here)
        RunSpec loraSpec = SmokeRuns.with(SmokeRuns.spec("rte", "lora"), Map.of("pooling", "mean", "adapt_layers", "0"),
                Map.of());
        // circulant on grids of 96-blocks over square and both rectangular FFN shapes, kept merged too
        circulantSpec = SmokeRuns.with(SmokeRuns.spec("rte", "circulant"), Map.of("save", RunSettings.Save.MERGED.word()),
                Map.of("block", 96, "targets", List.of("query", "intermediate", "output")));
        SmokeRuns.train(dir, loraSpec);
        SmokeRuns.train(dir, circulantSpec);
        lora = AdapterFiles.read(SmokeRuns.layout(dir).adapterDir(loraSpec.runId()));
        circulant = AdapterFiles.read(SmokeRuns.layout(dir).adapterDir(circulantSpec.runId()));
    }

    @Test
    void loraExportRebuildsOurUpdateWithPeftsFormula() throws IOException {
        Path out = exported(lora, "peft-lora", "LORA");
        JsonNode config = JSON.readTree(out.resolve(PeftExport.CONFIG).toFile());
        int r = config.path("r").asInt();
        double alpha = config.path("lora_alpha").asDouble();
        assertEquals(8, r);
        assertEquals(8.0, alpha);
        assertEquals(List.of(0), JSON.convertValue(config.path("layers_to_transform"), List.class), "adapt_layers");
        assertEquals(List.of("bert.pooler", "classifier"), JSON.convertValue(config.path("modules_to_save"), List.class));
        TensorSet tensors = SafeTensors.read(out.resolve(PeftExport.WEIGHTS));
        List<String> targets = JSON.convertValue(config.path("target_modules"), List.class);
        assertEquals(List.of("bert.encoder.layer.0.attention.self.query", "bert.encoder.layer.0.attention.self.value"), targets);
        Map<String, double[][]> peftDeltas = new java.util.LinkedHashMap<>();
        for (String module : targets) {
            WeightTensor a = tensors.require(PREFIX + module + ".lora_A.weight"); // [r, in]
            WeightTensor b = tensors.require(PREFIX + module + ".lora_B.weight"); // [out, r]
            int in = (int) a.shape()[1];
            int outFeatures = (int) b.shape()[0];
            double[][] delta = new double[outFeatures][in];
            for (int o = 0; o < outFeatures; o++) {
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    for (int k = 0; k < r; k++) {
                        sum += (double) b.data()[o * r + k] * a.data()[k * in + i];
                    }
                    delta[o][i] = alpha / r * sum;
                }
            }
            peftDeltas.put(module, delta);
        }
        assertHeadCopied(lora, tensors);
        assertMatchesOurUpdateAndMergedWeights(lora, peftDeltas, "lora");
        assertTrue(Files.readString(out.resolve(PeftExport.SIDECAR)).contains("mean"), "the sidecar says the head mean-pools");
    }

    @Test
    void c3aExportRebuildsOurUpdateWithPeftsFormula() throws IOException {
        Path out = exported(circulant, "peft-c3a", "C3A");
        JsonNode config = JSON.readTree(out.resolve(PeftExport.CONFIG).toFile());
        assertEquals(96, config.path("block_size").asInt());
        TensorSet tensors = SafeTensors.read(out.resolve(PeftExport.WEIGHTS));
        List<String> targets = JSON.convertValue(config.path("target_modules"), List.class);
        // our target 'output' (a path-component suffix, as in PEFT) also selects attention.output.dense;
        // target_modules names exactly the adapted modules
        assertEquals(List.of("bert.encoder.layer.0.attention.self.query", "bert.encoder.layer.0.attention.output.dense",
                "bert.encoder.layer.0.intermediate.dense", "bert.encoder.layer.0.output.dense"), targets);
        Map<String, double[][]> peftDeltas = new java.util.LinkedHashMap<>();
        for (String module : targets) {
            WeightTensor kernel = tensors.require(PREFIX + module + ".c3a_kernel"); // [out/b, in/b, b]
            int rows = (int) kernel.shape()[0];
            int cols = (int) kernel.shape()[1];
            int b = (int) kernel.shape()[2];
            assertEquals(96, b);
            int in = cols * b;
            double[][] delta = new double[rows * b][in];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int row = 0; row < b; row++) {
                        for (int t = 0; t < b; t++) {
                            // block (i, j) is circulant with first row kernel[i, j, :]
                            delta[i * b + row][j * b + t] = kernel.data()[(i * cols + j) * b + Math.floorMod(t - row, b)] / (double) in;
                        }
                    }
                }
            }
            peftDeltas.put(module, delta);
        }
        assertHeadCopied(circulant, tensors);
        assertMatchesOurUpdateAndMergedWeights(circulant, peftDeltas, "circulant");
    }

    @Test
    void mergedCheckpointLoadsThroughHfWithTheRunsLogits() throws IOException {
        Path out = dir.resolve("merged-lora");
        MergedExport.write(lora, out, null);
        assertEquals("mean", JSON.readTree(out.resolve("config.json").toFile()).path(HfCheckpointWriter.POOLING_KEY).asText());
        assertTrue(Files.isRegularFile(out.resolve(HfCheckpointSource.TOKENIZER)));
        assertLogitsMatch(lora, out);

        // a run with save: merged keeps the same kind of folder beside its adapter
        Path kept = SmokeRuns.layout(dir).mergedDir(circulantSpec.runId());
        assertEquals(ResultsLayout.MERGED_DIR, RunJson.readTree(SmokeRuns.layout(dir).runJson(circulantSpec.runId()))
                .path("artifacts").path("merged").asText());
        assertEquals("cls", JSON.readTree(kept.resolve("config.json").toFile()).path(HfCheckpointWriter.POOLING_KEY).asText());
        assertLogitsMatch(circulant, kept);
    }

    /** Exports {@code adapter} as PEFT into {@code name}, checking the type PEFT will dispatch on. */
    private static Path exported(AdapterFiles.Saved adapter, String name, String peftType) throws IOException {
        Path out = dir.resolve(name);
        PeftExport.write(adapter, out);
        JsonNode config = JSON.readTree(out.resolve(PeftExport.CONFIG).toFile());
        assertEquals(peftType, config.path("peft_type").asText());
        assertEquals("SEQ_CLS", config.path("task_type").asText());
        return out;
    }

    /** The adapted model's logits (update unmerged) against the merged folder's, loaded by hf: with its own head. */
    private static void assertLogitsMatch(AdapterFiles.Saved adapter, Path merged) {
        try (ModelRecipe.Built run = adapter.restore(null);
             ClassificationModel loaded = Backbones.withCheckpointHead(new HfCheckpointSource("hf:" + merged, merged));
             TextTokenizer tokenizer = TextTokenizer.fromTokenizerJson(loaded.tokenizerPath().orElseThrow(), 48);
             NDManager manager = run.model().manager().newSubManager()) {
            NDList inputs = TokenInputs.of(tokenizer.encodePadded(TEXTS), manager);
            float[] expected = run.model().forward(inputs, false).toFloatArray();
            float[] actual = loaded.forward(inputs, false).toFloatArray();
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                // merged W + s·ΔW rounds once more than W·x + s·ΔW·x: float32 noise, far below any logit difference
                assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "logit " + i);
            }
        }
    }

    private static void assertHeadCopied(AdapterFiles.Saved adapter, TensorSet exported) {
        for (String name : List.of("classifier.weight", "classifier.bias", "bert.pooler.dense.weight", "bert.pooler.dense.bias")) {
            assertArrayEquals(adapter.tensors().get(name).data(), exported.require(PREFIX + name).data(), name);
        }
    }

    /**
     * PEFT's ΔW equals s·ΔW of our restored operator (its dense form, built by index formulas), and
     * the merged export's weight equals our base weight + PEFT's ΔW, both within 1e-6 relative.
     */
    private void assertMatchesOurUpdateAndMergedWeights(AdapterFiles.Saved adapter, Map<String, double[][]> peft, String name)
            throws IOException {
        Path mergedDir = dir.resolve("merged-check-" + name);
        MergedExport.write(adapter, mergedDir, null);
        TensorSet merged = SafeTensors.read(mergedDir.resolve(HfCheckpointSource.WEIGHTS));
        try (ModelRecipe.Built run = adapter.restore(null)) {
            Map<String, Block> modules = BlockPaths.modules(run.model().block());
            for (Map.Entry<String, double[][]> e : peft.entrySet()) {
                AdaptableLinear linear = (AdaptableLinear) modules.get(e.getKey());
                float[] ours = linear.update().dense(new ParameterStore(run.model().manager(), false), false)
                        .mul(linear.updateScale()).toFloatArray();
                float[] base = linear.weight().getArray().toFloatArray();
                float[] mergedWeight = merged.require(e.getKey() + ".weight").data();
                double[] flat = flatten(e.getValue());
                assertTrue(norm(flat) > 0, e.getKey() + ": the trained update is not zero");
                assertTrue(relativeError(ours, flat) <= 1e-6, e.getKey() + ": ours vs PEFT's ΔW, relative error "
                        + relativeError(ours, flat));
                double[] expectedMerged = new double[flat.length];
                for (int i = 0; i < flat.length; i++) {
                    expectedMerged[i] = base[i] + flat[i];
                }
                assertTrue(relativeError(mergedWeight, expectedMerged) <= 1e-6, e.getKey() + ": merged weight vs W + PEFT's ΔW");
            }
        }
    }

    private static double[] flatten(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * m[0].length, m[0].length);
        }
        return out;
    }

    /** ‖actual − expected‖ / ‖expected‖ (Frobenius). */
    private static double relativeError(float[] actual, double[] expected) {
        assertEquals(expected.length, actual.length);
        double diff = 0;
        for (int i = 0; i < actual.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
        }
        return Math.sqrt(diff) / norm(expected);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
