package dev.surmbench.peft;

import static dev.surmbench.peft.PeftTestSupport.INPUT;
import static dev.surmbench.peft.PeftTestSupport.output;
import static dev.surmbench.peft.PeftTestSupport.random;
import static dev.surmbench.peft.PeftTestSupport.randomize;
import static dev.surmbench.peft.PeftTestSupport.relativeError;
import static dev.surmbench.peft.PeftTestSupport.toyModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Merging s·ΔW into the frozen weight gives the unmerged output; unmerging restores the weight. */
class MergeTest {

    @ParameterizedTest
    @ValueSource(strings = {"lora", "circulant", "toeplitz", "kronecker", "ldr"})
    void mergedOutputEqualsUnmerged(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyEncoder model = toyModel(manager, 9);
            MethodConfig config = MethodRegistry.parse(name, Map.of("targets", List.of("query", "value", "intermediate", "output")));
            PeftInjector.inject(model, config, ToyEncoder.HEAD, 3);
            int i = 0;
            for (Map.Entry<String, Parameter> e : BlockPaths.parameters(model).entrySet()) {
                if (e.getKey().contains("." + name + ".")) {
                    randomize(e.getValue(), 50 + i++, 0.3); // a zero update would merge trivially
                }
            }
            NDArray x = random(manager, INPUT, 21, 1.0);
            float[] unmerged = output(model, x, false);
            List<AdaptableLinear> adapted = BlockPaths.modules(model).values().stream()
                    .filter(b -> b instanceof AdaptableLinear a && a.update() != null)
                    .map(b -> (AdaptableLinear) b).toList();
            float[] weightBefore = adapted.get(0).weight().getArray().toFloatArray();

            adapted.forEach(AdaptableLinear::merge);
            assertTrue(adapted.stream().allMatch(AdaptableLinear::isMerged));
            float[] merged = output(model, x, false);
            double error = relativeError(merged, unmerged);
            assertTrue(error <= 1e-5, name + " merged vs unmerged relative error " + error);
            assertFalse(java.util.Arrays.equals(weightBefore, adapted.get(0).weight().getArray().toFloatArray()));

            adapted.forEach(AdaptableLinear::unmerge);
            assertArrayEquals(weightBefore, adapted.get(0).weight().getArray().toFloatArray(), 1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lora"})
    void mergingATrainableBaseIsRefused(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyEncoder model = toyModel(manager, 9);
            PeftInjector.inject(model, MethodRegistry.parse(name, Map.of()), ToyEncoder.HEAD, 3);
            Block query = BlockPaths.modules(model).get("bert.encoder.layer.0.attention.self.query");
            ((AdaptableLinear) query).weight().freeze(false);
            assertThrows(IllegalStateException.class, ((AdaptableLinear) query)::merge);
        }
    }
}
