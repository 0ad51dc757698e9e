package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.InjectionReport;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ViT encoder: HF names, a safetensors round trip, strict loading, an independent forward, PEFT. */
class VitTest {
    private static final VitConfig C = TinyCheckpoints.TINY_VIT;

    @TempDir
    Path tmp;

    private static NDArray pixels(NDManager nd, int batch, long seed) {
        return nd.create(TinyCheckpoints.randoms(batch * 3 * 8 * 8, seed), new Shape(batch, 3, 8, 8));
    }

    @Test
    void namesFollowHuggingFace() {
        try (ClassificationModel m = Backbones.random(C, 3, 1)) {
            Map<String, Parameter> p = BlockPaths.parameters(m.block());
            for (String name : List.of("vit.embeddings.cls_token", "vit.embeddings.position_embeddings",
                    "vit.embeddings.patch_embeddings.projection.weight", "vit.embeddings.patch_embeddings.projection.bias",
                    "vit.encoder.layer.1.attention.attention.query.weight", "vit.encoder.layer.1.attention.output.dense.bias",
                    "vit.encoder.layer.0.intermediate.dense.weight", "vit.encoder.layer.0.output.dense.weight",
                    "vit.encoder.layer.0.layernorm_before.weight", "vit.encoder.layer.0.layernorm_after.bias",
                    "vit.layernorm.weight", "classifier.weight")) {
                assertTrue(p.containsKey(name), name);
            }
            assertEquals(new Shape(16, 3, 4, 4), p.get("vit.embeddings.patch_embeddings.projection.weight").getShape());
            assertEquals(new Shape(1, 5, 16), p.get("vit.embeddings.position_embeddings").getShape());
            assertTrue(BlockPaths.modules(m.block()).containsKey("vit.encoder.layer.1.attention.output.adapter"));
            assertTrue(BlockPaths.modules(m.block()).containsKey("vit.encoder.layer.1.output.adapter"));
            assertEquals(List.of("classifier"), m.headPrefixes());
        }
    }

    @Test
    void safetensorsRoundTripGivesIdenticalOutputs() throws Exception {
        Path dir = tmp.resolve("tiny-vit");
        float[] logits;
        float[] hidden;
        try (ClassificationModel m = Backbones.random(C, 3, 42); NDManager nd = m.manager().newSubManager()) {
            TinyCheckpoints.write(dir, m, Map.of());
            logits = m.forward(new NDList(pixels(nd, 2, 5)), false).toFloatArray();
            hidden = m.lastHiddenState(new NDList(pixels(nd, 2, 5)), false).toFloatArray();
        }
        try (ClassificationModel m = Backbones.classification("hf:" + dir, 3, 42); NDManager nd = m.manager().newSubManager()) {
            assertEquals(C, m.config());
            assertArrayEquals(hidden, m.lastHiddenState(new NDList(pixels(nd, 2, 5)), false).toFloatArray());
            assertArrayEquals(logits, m.forward(new NDList(pixels(nd, 2, 5)), false).toFloatArray());
            assertEquals(List.of("classifier.weight", "classifier.bias"), m.loadReport().seeded());
            assertEquals(List.of("classifier.bias", "classifier.weight"), m.loadReport().ignored(), "file order: sorted names");
            assertEquals(Optional.empty(), m.tokenizerPath());
        }
    }

    @Test
    void configMismatchNamesTheTensor() throws Exception {
        Path dir = tmp.resolve("mismatch");
        try (ClassificationModel m = Backbones.random(C, 3, 42)) {
            TinyCheckpoints.write(dir, m, Map.of());
        }
        VitConfig wrongPatch = new VitConfig(8, 2, 3, 16, 2, 2, 32, 1e-12, 0, 0, true);
        Files.writeString(dir.resolve("config.json"), TinyCheckpoints.configJson(wrongPatch));
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> Backbones.classification("hf:" + dir, 3, 1));
        assertEquals("embeddings.position_embeddings", e.tensor());
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("[1, 5, 16]")
                && e.getMessage().contains("config mismatch"), e.getMessage());

        VitConfig deeper = new VitConfig(8, 4, 3, 16, 3, 2, 32, 1e-12, 0, 0, true);
        Files.writeString(dir.resolve("config.json"), TinyCheckpoints.configJson(deeper));
        e = assertThrows(WeightLoadException.class, () -> Backbones.classification("hf:" + dir, 3, 1));
        assertTrue(e.tensor().startsWith("encoder.layer.2."), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void unexpectedTensorIsRejected() throws Exception {
        Path dir = tmp.resolve("extra");
        try (ClassificationModel m = Backbones.random(C, 3, 42)) {
            TinyCheckpoints.write(dir, m, Map.of("vit.encoder.layer.0.mystery.weight", new WeightTensor(new long[] {2}, new float[2])));
        }
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> Backbones.classification("hf:" + dir, 3, 1));
        assertEquals("encoder.layer.0.mystery.weight", e.tensor());
        assertTrue(e.getMessage().contains("unexpected"), e.getMessage());
    }

    @Test
    void forwardMatchesAPlainJavaReference() throws Exception {
        // weights ~U(-0.3, 0.3) (not the tiny init scale) so every path moves the logits
        Path dir = tmp.resolve("reference");
        try (ClassificationModel m = Backbones.random(C, 3, 9)) {
            Map<String, WeightTensor> big = new java.util.LinkedHashMap<>();
            long seed = 100;
            for (Map.Entry<String, WeightTensor> e : TinyCheckpoints.parameters(m).entrySet()) {
                float[] v = TinyCheckpoints.randoms(e.getValue().data().length, seed++);
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 0.3f;
                }
                big.put(e.getKey(), new WeightTensor(e.getValue().shape(), v));
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.json"), TinyCheckpoints.configJson(C));
            dev.surmbench.model.safetensors.SafeTensors.write(dir.resolve("model.safetensors"), big, Map.of());
        }
        try (ClassificationModel m = Backbones.classification("hf:" + dir, 3, 9); NDManager nd = m.manager().newSubManager()) {
            NDArray x = pixels(nd, 2, 3);
            float[] ours = m.forward(new NDList(x), false).toFloatArray();
            float[] reference = ReferenceVit.logits(TinyCheckpoints.parameters(m), C, x.toFloatArray(), 2, 3);
            float scale = 0;
            for (float r : reference) {
                scale = Math.max(scale, Math.abs(r));
            }
            assertTrue(scale > 0.01f, "logits too small to be a meaningful check: " + scale);
            assertArrayEquals(reference, ours, 1e-5f * Math.max(1f, scale));
            assertThrows(IllegalArgumentException.class, () -> m.forward(new NDList(nd.zeros(new Shape(1, 3, 16, 16))), false));
        }
    }

    @Test
    void forwardInAScopeLeavesNothingOnTheModelManager() {
        try (ClassificationModel m = Backbones.random(C, 3, 9)) {
            int before = m.manager().getManagedArrays().size();
            try (NDManager nd = m.manager().newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(m.forward(new ParameterStore(m.manager(), false), new NDList(pixels(nd, 2, 3)), true).sum());
            }
            assertEquals(before, m.manager().getManagedArrays().size());
        }
    }

    @Test
    void peftInjectsOnVit() {
        try (ClassificationModel m = Backbones.random(C, 3, 9); NDManager nd = m.manager().newSubManager()) {
            NDList in = new NDList(pixels(nd, 2, 3));
            float[] before = m.forward(in, false).toFloatArray();
            InjectionReport lora = PeftInjector.inject(m.block(), MethodRegistry.parse("lora", Map.of("rank", 2)), m.headPrefixes(), 1);
            assertEquals(List.of("vit.encoder.layer.0.attention.attention.query", "vit.encoder.layer.0.attention.attention.value",
                    "vit.encoder.layer.1.attention.attention.query", "vit.encoder.layer.1.attention.attention.value"), lora.adaptedModules());
            assertArrayEquals(before, m.forward(in, false).toFloatArray(), 1e-6f);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(m.forward(new ParameterStore(m.manager(), false), in, true).square().sum());
            }
            Parameter b = BlockPaths.parameters(m.block()).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("vit.encoder.layer.0.attention.attention.query.lora.") && e.getKey().endsWith("lora_B"))
                    .filter(e -> e.getValue().requiresGradient()).findFirst().orElseThrow().getValue();
            assertTrue(b.getArray().getGradient().abs().sum().getFloat() > 0);
        }
        try (ClassificationModel m = Backbones.random(C, 3, 9)) {
            InjectionReport adapters = PeftInjector.inject(m.block(), MethodRegistry.parse("circulant-adapter", Map.of()), m.headPrefixes(), 1);
            assertEquals(4, adapters.adaptedModules().size());
            assertTrue(adapters.adaptedModules().contains("vit.encoder.layer.1.output.adapter"));
        }
    }
}
