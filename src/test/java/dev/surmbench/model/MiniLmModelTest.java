package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.data.text.TokenBatch;
import dev.surmbench.model.source.EmbeddedMiniLmSource;
import dev.surmbench.peft.AdaptableLinear;
import dev.surmbench.peft.AdapterSlot;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.InjectionReport;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.MethodRegistry;
import dev.surmbench.peft.PeftInjector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The live MiniLM classification model: names, sites, seeded head, PEFT injection and counts. */
class MiniLmModelTest {
    private static final String SOURCE = "embedded:all-minilm-l6-v2";
    private static final Architecture ARCH = Architecture.named("minilm-l6");

    @Test
    void parameterNamesMirrorHuggingFace() {
        TensorSet onnx = new EmbeddedMiniLmSource().weights();
        try (ClassificationModel m = Backbones.classification(SOURCE, 2, 7)) {
            Set<String> expected = new TreeSet<>();
            onnx.names().forEach(n -> expected.add("bert." + n));
            expected.addAll(List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight", "classifier.bias"));
            assertEquals(expected, new TreeSet<>(BlockPaths.parameters(m.block()).keySet()));
            assertTrue(expected.contains("bert.encoder.layer.5.attention.self.query.weight"));
            assertTrue(expected.contains("bert.embeddings.LayerNorm.weight"));
            assertEquals(List.of("bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight", "classifier.bias"),
                    m.loadReport().seeded());
            assertEquals(List.of(), m.loadReport().ignored());
            assertEquals(onnx.size(), m.loadReport().loaded().stream()
                    .mapToLong(p -> BlockPaths.parameters(m.block()).get(p).getShape().size()).sum());
            // the loaded values are the file's (a transposed MatMul weight and a LayerNorm scale)
            Map<String, Parameter> params = BlockPaths.parameters(m.block());
            assertArrayEquals(onnx.require("encoder.layer.2.output.dense.weight").data(),
                    params.get("bert.encoder.layer.2.output.dense.weight").getArray().toFloatArray());
            assertArrayEquals(onnx.require("embeddings.LayerNorm.weight").data(),
                    params.get("bert.embeddings.LayerNorm.weight").getArray().toFloatArray());
        }
    }

    @Test
    void modulesAndSitesMatchArchitecture() {
        try (ClassificationModel m = Backbones.classification(SOURCE, 2, 7)) {
            assertEquals(List.of("bert.pooler", "classifier"), m.headPrefixes());
            assertEquals(ARCH.headPrefixes(), m.headPrefixes());
            assertEquals(ARCH.sites(), PeftInjector.sites(m.block(), m.headPrefixes()));
            Map<String, Block> modules = BlockPaths.modules(m.block());
            assertInstanceOf(AdaptableLinear.class, modules.get("bert.encoder.layer.0.attention.self.query"));
            assertInstanceOf(AdaptableLinear.class, modules.get("bert.encoder.layer.5.output.dense"));
            assertInstanceOf(AdapterSlot.class, modules.get("bert.encoder.layer.0.attention.output.adapter"));
            assertInstanceOf(AdapterSlot.class, modules.get("bert.encoder.layer.5.output.adapter"));
            assertFalse(modules.get("bert.pooler.dense") instanceof AdaptableLinear);
            assertFalse(modules.get("classifier") instanceof AdaptableLinear);
            assertEquals(2, ARCH.headParameters(2) - 384L * 384 - 384 - 384L * 2);
        }
    }

    @Test
    void headIsSeededFromTheSeedOnly() {
        float[] a;
        float[] b;
        float[] c;
        try (ClassificationModel m = Backbones.classification(SOURCE, 3, 11)) {
            a = BlockPaths.parameters(m.block()).get("classifier.weight").getArray().toFloatArray();
        }
        try (ClassificationModel m = Backbones.classification(SOURCE, 3, 11)) {
            b = BlockPaths.parameters(m.block()).get("classifier.weight").getArray().toFloatArray();
        }
        try (ClassificationModel m = Backbones.classification(SOURCE, 3, 12)) {
            c = BlockPaths.parameters(m.block()).get("classifier.weight").getArray().toFloatArray();
        }
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        double var = 0;
        for (float v : a) {
            var += v * v;
        }
        assertEquals(0.02, Math.sqrt(var / a.length), 0.003, "classifier init is N(0, 0.02²)");
    }

    @Test
    void everyMethodInjectsAndItsParamsRowMatchesTheLiveCount() {
        List<String> rows = new ArrayList<>();
        for (String method : MethodRegistry.names()) {
            MethodConfig config = MethodRegistry.parse(method, Map.of());
            try (ClassificationModel m = Backbones.classification(SOURCE, 2, 3)) {
                InjectionReport report = PeftInjector.inject(m.block(), config, m.headPrefixes(), 3);
                assertEquals(config.count(ARCH.sites()), report.trainableWithoutHead(), method);
                assertEquals(ARCH.headParameters(2), report.headTrainable(), method);
                long trainable = m.block().getParameters().values().stream().filter(Parameter::requiresGradient)
                        .mapToLong(p -> p.getShape().size()).sum();
                assertEquals(report.trainableWithoutHead().stored() + report.headTrainable(), trainable, method);
                rows.add(method + "=" + report.trainableWithoutHead());
            }
        }
        System.out.println("minilm-l6 trainable (no head): " + rows);
    }

    @Test
    void loraOnQueryValueStartsAtTheBaseModelAndTrains() {
        try (ClassificationModel m = Backbones.classification(SOURCE, 2, 5);
                TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 128);
                NDManager scope = m.manager().newSubManager()) {
            NDList inputs = TokenInputs.of(tok.encodePadded(GlueText.mixed(4)), scope);
            float[] before = m.forward(inputs, false).toFloatArray();
            InjectionReport report = PeftInjector.inject(m.block(), MethodRegistry.parse("lora", Map.of()), m.headPrefixes(), 5);
            assertEquals(12, report.adaptedModules().size());
            assertTrue(report.adaptedModules().stream().allMatch(p -> p.endsWith(".query") || p.endsWith(".value")));
            assertArrayEquals(before, m.forward(inputs, false).toFloatArray(), 1e-6f, "LoRA starts at ΔW = 0");
            assertGradientsFlowOnlyToTrainable(m, inputs);
        }
    }

    @Test
    void circulantTrainsForwardAndBackward() {
        try (ClassificationModel m = Backbones.classification(SOURCE, 2, 5);
                TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 128);
                NDManager scope = m.manager().newSubManager()) {
            NDList inputs = TokenInputs.of(tok.encodePadded(GlueText.mixed(4)), scope);
            InjectionReport report = PeftInjector.inject(m.block(), MethodRegistry.parse("circulant", Map.of()), m.headPrefixes(), 5);
            assertEquals(12, report.adaptedModules().size());
            assertGradientsFlowOnlyToTrainable(m, inputs);
        }
    }

    @Test
    void forwardAndBackwardInAScopeLeaveNothingOnTheModelManager() {
        try (ClassificationModel m = Backbones.classification(SOURCE, 2, 5);
                TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 128)) {
            // the backbone's own blocks only: (method operators are the peft package's business)
            TokenBatch batch = tok.encodePadded(GlueText.mixed(4));
            int before = m.manager().getManagedArrays().size();
            for (int i = 0; i < 2; i++) {
                try (NDManager scope = m.manager().newSubManager()) {
                    m.forward(TokenInputs.of(batch, scope), false);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(m.forward(new ParameterStore(m.manager(), false), TokenInputs.of(batch, scope), true).sum());
                    }
                }
            }
            assertEquals(before, m.manager().getManagedArrays().size(), "temporaries leaked onto the model's manager");
        }
    }

    private static void assertGradientsFlowOnlyToTrainable(ClassificationModel m, NDList inputs) {
        ParameterStore store = new ParameterStore(m.manager(), false);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = m.forward(store, inputs, true);
            gc.backward(logits.square().sum());
        }
        boolean methodGradient = false;
        for (Map.Entry<String, Parameter> e : BlockPaths.parameters(m.block()).entrySet()) {
            Parameter p = e.getValue();
            if (p.requiresGradient()) {
                float[] g = p.getArray().getGradient().toFloatArray();
                boolean nonZero = false;
                for (float v : g) {
                    nonZero |= v != 0;
                }
                if (e.getKey().startsWith("classifier.")) {
                    assertTrue(nonZero, "classifier gradient is zero");
                } else if (!e.getKey().startsWith("bert.pooler.")) {
                    methodGradient |= nonZero;
                }
            }
        }
        assertTrue(methodGradient, "no gradient reached the method's parameters");
    }
}
